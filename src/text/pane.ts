/** Chinese text of the task pane. Boot texts live in boot.json because taskpane.html uses them too. */
import boot from "./boot.json";

export const paneText = {
  boot: {
    ...boot,
    waiting: (s: number) => (s < 2 ? "正在连接 Excel……" : `正在连接 Excel……（已等待 ${s} 秒）`),
    waitingLong:
      "Excel 启动加载项较慢，这在刚打开 Excel 或网络较慢时常见。请稍候，连接后会自动打开工作簿；若超过一分钟仍无响应，请关闭并重新打开任务窗格。",
  },
  rescore: boot.rescore,
  rescoring: "正在评分……",
  written: "已写回评分表",
  notWritten: "未写入任何内容",
  syncs: (n: number) => `与 Excel 往返 ${n} 次`,

  tabs: boot.tabs,
  loading: "正在读取工作簿……",
  readFailed: "读取工作簿失败",
  coreFailed: {
    title: "评分组件未能加载",
    body: "请检查网络或加载项所在的服务器是否可以访问，然后关闭并重新打开任务窗格。",
  },
  /** Excel holds the pane's request while a cell is being edited (shown after ~1.5 s). */
  excelWaiting: {
    title: "正在等待 Excel",
    body: "如果您正在编辑某个单元格，请按 Enter 或 Esc 结束编辑，操作会随后继续。",
  },
  warningsTitle: "请注意",
  recalculated: "Excel 为手动计算模式，已重新计算公式，综合评分等公式单元格已更新。",
  stale: {
    title: "结果可能已过期",
    body: "工作簿在评分后被修改过，下面的得分与存在的问题是修改前的。请重新评分。",
  },
  setUp: {
    button: "添加评分依据表",
    done: "已添加“评分依据”工作表",
    next: "请在“评分依据”工作表的 C 列填写各项数据（设置页列出尚未填写的项目），然后点“重新评分”。",
  },
  writeFailed: "写入工作簿失败",
  intro: "点击“重新评分”：按评分规则计算 21 项三级指标，写回得分、综合评分和评分等级。出错时不写入任何内容。",

  summary: {
    region: "评分结果",
    total: "综合评分",
    grade: "评分等级",
    ruleSet: (title: string) => `规则集：${title}`,
    writtenAt: "已写回评分表",
    notWritten: "未写入",
  },

  errors: {
    title: (n: number) => `发现 ${n} 项问题，未写入任何内容`,
    hint: "请按提示修改后重新评分。点“定位”选中对应单元格。",
    /** When no listed problem has a cell to go to (e.g. nothing bound yet). */
    hintNoCells: "请按提示修改后重新评分。",
    locate: "定位",
    locateLabel: (where: string) => `定位到 ${where}`,
  },

  scores: {
    region: "各项指标得分",
    kinds: { formula: "公式", checklist: "清单", deduction: "扣分", manual: "人工", override: "调整" } as Record<
      string,
      string
    >,
    kindTitle: {
      formula: "按公式计算",
      checklist: "按清单逐项评定",
      deduction: "按不符合项扣分",
      manual: "保留表中人工评分",
      override: "人工调整（见理由）",
    } as Record<string, string>,
    of: (score: string, max: string) => `${score} / ${max}`,
    noScore: "—",
    previous: (prev: string, cur: string, delta: string) => `原 ${prev} → ${cur}` + (delta ? `（${delta}）` : ""),
    previousEmpty: "原为空",
    ruleScore: (s: string) => `按规则应得 ${s}`,
    reason: (r: string) => `调整理由：${r}`,
    lost: "失分原因",
    parts: "评分细项",
    rowLabel: (name: string, score: string, max: string, kind: string) => `${name}，${score} / ${max} 分，${kind}`,
  },

  problems: {
    title: "存在的问题（草稿）",
    none: "各项指标均得满分，无扣分问题。",
    copy: "复制",
    copied: "已复制",
    copyFailed: "无法复制，请手动选中文字复制",
    copyLabel: "复制存在的问题",
    text: (items: string[]) => items.map((p, i) => `${i + 1}. ${p}`).join("\n"),
  },

  undo: {
    button: "撤销本次评分",
    undoing: "正在撤销……",
    label: "撤销上次评分，恢复评分前的单元格内容",
    none: "没有可撤销的评分",
    recorded: (note: string) => note,
    done: (n: number) => `已撤销：${n} 个单元格恢复为评分前的内容。`,
    formula: (cells: string[]) => `注意：${cells.join("、")} 原为公式，已恢复为数值。`,
    refused: "未撤销",
  },

  detail: {
    label: "评分时生成“评分明细”工作表",
    hint: "供审计查看每项的计算过程（保存在评分设置中）",
  },

  preview: {
    banner:
      "预览模式：不在 Excel 中运行。可选择示例工作簿或本机的 .xlsx 文件，评分结果只保存在本页面中，可下载评分后的副本。",
    source: "工作簿",
    /** Bundled sample workbooks (boot.json: the page preloads the first). */
    samples: boot.samples,
    pick: "打开 .xlsx 文件",
    pickLabel: "选择本机的 .xlsx 工作簿",
    own: (name: string) => `本机文件：${name}`,
    download: "下载评分后的副本",
    /** The copy has the pane's edits (e.g. 评分依据 added) but no current scores. */
    downloadEdited: "下载修改后的副本",
    downloadDisabled: "有未解决的问题，暂不能下载",
    downloadName: (name: string) => name.replace(/\.xlsx$/i, "") + "（已评分）.xlsx",
    /** A copy written to but not (or not yet successfully) scored: not called 已评分. */
    downloadEditedName: (name: string) => name.replace(/\.xlsx$/i, "") + "（已修改）.xlsx",
    loadFailed: (name: string, why: string) => `无法打开“${name}”：${why}。仍在使用原来的工作簿。`,
    loading: "正在打开工作簿……",
    grid: "工作表预览",
    gridSheet: "工作表",
    gridLabel: (sheet: string) => `工作表“${sheet}”预览（只读，点击单元格可选中）`,
    selected: (where: string) => `已选中 ${where}`,
    located: (where: string) => `已定位到 ${where}`,
  },
} as const;
