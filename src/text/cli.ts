/** Chinese text of the command-line tool `pe-score`. */

const EXIT_CODES = `退出码：0 评分完成；1 工作簿或数据有问题（已列出全部问题）；2 命令用法有误；3 程序内部错误（请把输出报告给维护人员）`;

export const CLI = {
  /** File-name suffix of the copy `init` writes beside its input (原名-评分.xlsx). */
  initSuffix: "-评分",
  usage: `用法：pe-score <命令> [选项]

命令：
  score   为 .xlsx 工作簿评分（可批量），可写出评分后的副本
  init    为已有工作簿添加“评分依据”和“评分设置”工作表
  case    按规则为 JSON 案例评分（格式同 shared/golden/*.json）
  rules   导出、检查评分框架文件（JSON）

每个命令的详细说明：pe-score <命令> --help
${EXIT_CODES}`,
  help: {
    score: `用法：pe-score score <工作簿.xlsx|文件夹>... [选项]

为一个或多个工作簿评分（文件夹中的 .xlsx 全部评分），列出每项得分、与表中原值的差异和全部问题。
默认只读，不改动任何文件。

选项：
  --out <文件夹>     把评分后的副本写到该文件夹（文件名不变；不会覆盖原文件，也不会覆盖已有的同名文件）
  --in-place         直接更新原文件（先写临时文件再替换，中途出错不会损坏原文件）
  --format <格式>    table（默认，便于阅读）/ json / csv（带 BOM，可用 Excel 打开）
  --detail           在副本中生成“评分明细”工作表
  --rules <框架.json> 按该评分框架文件评分（不论工作簿中导入了什么框架、评分设置中选了哪个规则集）
  -h, --help         显示本说明

${EXIT_CODES}`,
    init: `用法：pe-score init <工作簿.xlsx> [选项]

为已有的工作簿添加“评分依据”工作表（列出评分所需的全部数据，已定义名称，是/否项带下拉选择）
和“评分设置”工作表，写出为一个新文件；原文件不变，已存在的文件不会被覆盖。

选项：
  --out <文件夹或文件.xlsx>   写到该文件夹（文件名不变），或写成该文件名；默认写在原文件旁，名为“原名-评分.xlsx”
  --in-place                  直接更新原文件
  --rule-set <规则集>         区级 2020 / 市级 2021（默认按评分表判断）
  --rules <框架.json>         按该评分框架文件生成“评分依据”，并把框架存入工作簿（“评分框架”工作表），
                              工作簿发到哪里都按它评分
  -h, --help                  显示本说明

${EXIT_CODES}`,
    case: `用法：pe-score case <案例.json> [选项]

按规则为 JSON 案例评分（格式同 shared/golden/*.json），不涉及工作簿。

选项：
  --format <格式>    json（默认）/ table
  --rules <框架.json> 按该评分框架文件评分（不用案例中写的规则集）
  -h, --help         显示本说明

${EXIT_CODES}`,
    rules: `用法：
  pe-score rules export <规则集>     输出内置评分框架文件（区级 2020 / 市级 2021），可作为编写新框架的起点
  pe-score rules check <框架.json>   检查评分框架文件，列出全部问题（指明指标、输入项和字段）
  pe-score rules schema              输出框架文件的 JSON Schema，供编辑器校验和补全

评分框架文件（JSON）包含指标体系、分值、评分标准、评分等级、每个评分细项的评分规则及其参数，以及框架自己的输入项。
检查通过的文件可以：在任务窗格“设置 → 导入评分框架”导入工作簿；用 pe-score init --rules 存入模板工作簿；
用 pe-score score / case --rules 直接评分。

选项：
  -h, --help         显示本说明

${EXIT_CODES}`,
  } as Record<string, string>,
  unknownVerb: (v: string) => `未知的命令“${v}”。`,
  unknownOption: (opt: string) => `未知的选项 ${opt}。`,
  missingValue: (opt: string) => `选项 ${opt} 后面需要一个值。`,
  badOption: (msg: string) => `参数有误：${msg}`,
  seeHelp: (verb: string) => `用 pe-score ${verb} --help 查看用法。`,
  badFormat: (f: string, allowed: string[]) => `--format 应为 ${allowed.join(" / ")}，而不是“${f}”。`,
  needFile: "请给出一个案例文件（.json）。",
  cannotRead: (f: string, why: string) => `无法读取文件“${f}”：${why}`,
  notJson: (f: string, why: string) => `文件“${f}”不是有效的 JSON：${why}`,
  internal: (why: string) => `程序内部错误：${why}。请把这段输出和所用的文件报告给维护人员。`,
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
  kinds: { formula: "公式", checklist: "清单", deduction: "扣分", manual: "人工", override: "调整" } as Record<
    string,
    string
  >,
  total: (total: string, grade: string) => `综合评分 ${total}  评分等级 ${grade}`,
  noTotal: "存在输入问题，未计算综合评分。",
  ruleSet: (title: string) => `规则集：${title}`,
  differences: "与原表/报告的差异：",
  difference: (name: string, prev: string, cur: string) => `  ${name}：${prev} → ${cur}`,
  errors: (n: number) => `输入问题（共 ${n} 项，修正后才能评分）：`,
  explanations: "计算说明：",
  problems: "存在的问题（可粘贴到报告）：",
  none: "无",
};

/** Text of `pe-score rules` and of framework files given with --rules. */
export const RULES_CLI = {
  needSub: "请给出子命令：export / check / schema。",
  unknownSub: (s: string) => `未知的子命令“${s}”，应为 export / check / schema。`,
  needId: (names: string[]) => `请给出要导出的规则集：${names.join(" / ")}。`,
  unknownId: (id: string, names: string[]) => `未知的规则集“${id}”，应为 ${names.join(" / ")} 之一。`,
  needFile: "请给出一个评分框架文件（.json）。",
  problems: (file: string, n: number) => `评分框架文件“${file}”有 ${n} 个问题，未使用：`,
};

/** Why a file could not be read, by the system's error code. */
export const FILE_ERRORS: Record<string, (f: string) => string> = {
  ENOENT: (f) => `文件不存在：${f}`,
  EACCES: (f) => `没有权限读取：${f}`,
  EPERM: (f) => `没有权限读取：${f}`,
  EISDIR: (f) => `这是一个文件夹，不是工作簿：${f}`,
  EBUSY: (f) => `文件正被其他程序占用（如 Excel 正打开它）：${f}`,
};

/** Text of `pe-score score` and `pe-score init`. */
export const SCORE_CLI = {
  needFiles: "请给出至少一个 .xlsx 工作簿或文件夹。",
  outAndInPlace: "--out 与 --in-place 不能同时使用。",
  noXlsxIn: (dir: string) => `文件夹“${dir}”中没有 .xlsx 工作簿。`,
  file: (f: string) => `文件：${f}`,
  header: { name: "三级指标", score: "得分", max: "分值", previous: "表中原值", diff: "差异" },
  summary: (s: string) => `结果：${s}`,
  warning: (s: string) => `注意：${s}`,
  errors: (n: number) => `问题（共 ${n} 项，未写入任何内容）：`,
  readFailed: (why: string) => `无法读取：${why}`,
  writeFailed: (why: string) => `无法写出评分后的文件：${why}`,
  wrote: (f: string) => `已写出：${f}`,
  wroteInPlace: (f: string) => `已更新：${f}`,
  howToWrite:
    "提示：以上只是评分结果，未改动任何文件。加 --out <文件夹> 写出评分后的副本，或加 --in-place 直接更新原文件。",
  wouldOverwrite: (f: string) =>
    `输出文件与原文件相同（${f}）：--out 不会覆盖原文件，请换一个输出文件夹，或使用 --in-place。`,
  outExists: (f: string) => `输出文件已存在（${f}），未覆盖：请换一个输出文件夹，或先移走该文件。`,
  batch: "汇总：",
  batchHeader: { file: "文件", total: "综合评分", grade: "等级", status: "状态" },
  ok: "正常",
  problems: (n: number) => `${n} 项问题`,
  totals: (n: number, ok: number, bad: number) => `共 ${n} 个文件：${ok} 个评分完成，${bad} 个有问题。`,
  csvHeader: ["文件", "序号", "三级指标", "得分", "分值", "表中原值", "差异", "问题"],
  csvTotal: "综合评分",
  csvGrade: "评分等级",
  // init
  initNeedFile: "请给出一个 .xlsx 工作簿。",
  initHasSheet: (sheet: string) => `工作簿中已有“${sheet}”工作表，未做修改。`,
  initUnknownRuleSet: (name: string, names: string[]) => `未知的规则集“${name}”，应为 ${names.join(" / ")} 之一。`,
  initExists: (f: string) =>
    `输出文件已存在：${f}。为免覆盖其中已填写的内容，未写入任何文件。若要继续填写，请直接打开该文件；若要重新生成，请先移走它，或用 --out 指定另一个文件名。`,
  initDone: (f: string, n: number) => `已添加“评分依据”“评分设置”工作表和 ${n} 个定义名称：${f}`,
  initNext: (f: string) =>
    `下一步：在 Excel 中打开该文件，在“评分依据”工作表的 C 列填写各项数据（是/否项从下拉列表选择），保存后运行 pe-score score "${f}"，或在 Excel 中点“开始 → 绩效自评 → 重新评分”。`,
};
