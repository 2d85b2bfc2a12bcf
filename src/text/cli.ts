/** Chinese text of the command-line tool `pe-score`. */

export const CLI = {
  usage: `用法：
  pe-score case <案例.json> [--format json|table]      按规则为 JSON 案例评分（格式同 shared/golden/*.json）
  pe-score score <工作簿.xlsx|文件夹>... [--out 目录] [--in-place] [--format table|json|csv] [--detail]
                                                     为工作簿评分；--out 写出评分后的副本，不改动原文件
  pe-score init <工作簿.xlsx> [--out 文件] [--in-place] [--rule-set district-2020|city-2021]
                                                     为已有工作簿添加“评分依据”和“评分设置”工作表
退出码：0 评分完成；1 输入数据有误（已列出全部问题）；2 用法错误`,
  unknownVerb: (v: string) => `未知的命令“${v}”。`,
  badOption: (msg: string) => `参数有误：${msg}`,
  badFormat: (f: string, allowed: string[]) => `--format 应为 ${allowed.join(" / ")}，而不是“${f}”。`,
  needFile: "请给出一个案例文件（.json）。",
  cannotRead: (f: string, why: string) => `无法读取文件“${f}”：${why}`,
  notJson: (f: string, why: string) => `文件“${f}”不是有效的 JSON：${why}`,
  header: {
    index: "序号",
    level1: "一级指标",
    name: "三级指标",
    score: "得分",
    max: "分值",
    kind: "类型",
    previous: "原值",
    diff: "差异",
  },
  kinds: { formula: "公式", checklist: "清单", deduction: "扣分", manual: "人工", override: "调整" } as Record<string, string>,
  total: (total: string, grade: string) => `综合评分 ${total}  评分等级 ${grade}`,
  noTotal: "存在输入问题，未计算综合评分。",
  ruleSet: (id: string) => `规则集：${id}`,
  differences: "与原表/报告的差异：",
  difference: (name: string, prev: string, cur: string) => `  ${name}：${prev} → ${cur}`,
  errors: (n: number) => `输入问题（共 ${n} 项，修正后才能评分）：`,
  explanations: "计算说明：",
  problems: "存在的问题（可粘贴到报告）：",
  none: "无",
};

/** Text of `pe-score score` and `pe-score init`. */
export const SCORE_CLI = {
  needFiles: "请给出至少一个 .xlsx 工作簿或文件夹。",
  outAndInPlace: "--out 与 --in-place 不能同时使用。",
  noXlsxIn: (dir: string) => `文件夹“${dir}”中没有 .xlsx 工作簿。`,
  file: (f: string) => `文件：${f}`,
  header: { name: "三级指标", score: "得分", max: "分值", previous: "表中原值", diff: "差异" },
  summary: (s: string) => `结果：${s}`,
  errors: (n: number) => `问题（共 ${n} 项，未写入任何内容）：`,
  readFailed: (why: string) => `无法读取：${why}`,
  writeFailed: (why: string) => `无法写出评分后的文件：${why}`,
  wrote: (f: string) => `已写出：${f}`,
  wroteInPlace: (f: string) => `已更新：${f}`,
  noChange: "无需写入（得分均未变化）",
  wouldOverwrite: (f: string) => `输出文件与原文件相同（${f}）：--out 不会覆盖原文件，请换一个输出目录，或使用 --in-place。`,
  batch: "汇总：",
  batchHeader: { file: "文件", total: "综合评分", grade: "等级", status: "状态" },
  ok: "正常",
  problems: (n: number) => `${n} 项问题`,
  totals: (n: number, ok: number, bad: number) => `共 ${n} 个文件：${ok} 个评分完成，${bad} 个有问题。`,
  csvHeader: ["文件", "指标ID", "三级指标", "得分", "分值", "表中原值", "差异", "问题"],
  csvTotal: "综合评分",
  csvGrade: "评分等级",
  // init
  initNeedFile: "请给出一个 .xlsx 工作簿。",
  initHasSheet: (sheet: string) => `工作簿中已有“${sheet}”工作表，未做修改。`,
  initUnknownRuleSet: (id: string, ids: string[]) => `未知的规则集“${id}”，应为 ${ids.join(" / ")} 之一。`,
  initDone: (f: string, n: number) => `已添加“评分依据”“评分设置”工作表和 ${n} 个定义名称：${f}`,
};
