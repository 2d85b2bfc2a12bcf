/**
 * Chinese text of the pane's 设置 (binding, rule set, weights) and 评定事项 (judged parts) views,
 * and of their pure planners in src/workbook/ (binding.ts, settings-edit.ts, judged-edit.ts).
 */

function at(sheet?: string, address?: string): string {
  return sheet && address ? `（${sheet}!${address}）` : "";
}

/** Binding rows and bind plans (src/workbook/binding.ts). */
export const BIND_TEXT = {
  inputsGroup: "基础数据",
  effectTableLabel: "个性化绩效指标表",
  tableRows: (n: number) => `${n} 行`,
  levelExpected: (labels: string[]) => `以下之一：${labels.join(" / ")}`,
  badValue: (name: string, sheet: string | undefined, address: string | undefined, found: string, expected: string) =>
    `定义名称“${name}”${at(sheet, address)}的值“${found}”无法使用：应为${expected}。`,
  tableBroken: (name: string, reference: string) =>
    `定义名称“${name}”的引用“${reference}”无效：应指向一个至少 5 列的区域。`,
  tableNarrow: (name: string, sheet: string, address: string, cols: number) =>
    `定义名称“${name}”（${sheet}!${address}）只有 ${cols} 列：应至少 5 列（名称、分值、性质、目标值、实际值）。`,
  alternative: (names: string[]) => `也可改为填写：${names.join("、")}`,
  optional: "可不填：不填时保留评分表中手工填写的得分",
  noSelection: "没有读到选中的单元格：请先在工作表中单击要绑定的单元格。",
  badSelection: (address: string) => `选中的区域“${address}”无法识别，请重新选择一个单元格。`,
  selectOneCell: (label: string, address: string) =>
    `“${label}”只能绑定到一个单元格，当前选中了 ${address}：请只选一个单元格。`,
  selectTable:
    "个性化绩效指标表应绑定到至少 5 列的区域（名称、分值、性质、目标值、实际值，可另有“不适用”列）：请选中整个表格区域，或只选表格左上角的单元格。",
};

/** 评分设置 edits (src/workbook/settings-edit.ts). */
export const SETTINGS_EDIT_TEXT = {
  reasonRequired: (indicator: string) => `“${indicator}”的人工调整必须填写调整理由。`,
  scoreRange: (indicator: string, max: string) => `“${indicator}”的调整分数应在 0 到 ${max} 之间。`,
  scoreNumber: (indicator: string) => `“${indicator}”的调整分数应为数字。`,
  unknownIndicator: (id: string) => `规则集中没有指标“${id}”。`,
  weightNumber: (name: string, text: string) => `“${name}”的分值“${text}”不是数字。`,
  gradeNumber: (label: string, text: string) => `等级“${label}”的最低分“${text}”不是数字。`,
};

/** Judged-part edits (src/workbook/judged-edit.ts). */
export const JUDGED_EDIT_TEXT = {
  notBound: (name: string) => `“${name}”还没有定义名称，无法写入：可在“评分依据”工作表中为它新建一行。`,
  broken: (message: string) => message,
  yes: "是",
  no: "否",
  tableNoRoom: (sheet: string, cells: string[]) =>
    `个性化绩效指标表下方的单元格 ${cells.map((c) => `${sheet}!${c}`).join("、")} 已有内容，无法增加行：请在表格下方留出空行，或在“名称管理器”中把“效果性指标表”指向更大的区域。未写入任何内容。`,
  countWhole: (label: string) => `“${label}”应为非负整数。`,
  scoreRange: (label: string, max: string) => `“${label}”应为 0 到 ${max} 之间的分数。`,
  badLevel: (label: string) => `“${label}”应从下拉列表中选择。`,
  effectWeightSum: (indicator: string, weight: string, sum: string) =>
    `个性化绩效指标的分值合计为 ${sum}，应等于“${indicator}”的分值 ${weight}。`,
  effectWeightBad: (row: number) => `第 ${row} 行的分值不是数字。`,
  effectNameMissing: (row: number) => `第 ${row} 行没有填写名称。`,
};

/** The two views. */
export const PANE_SETUP = {
  setup: {
    groupCount: (group: string, found: number, total: number) => `${group}（${found}/${total}）`,
    title: "设置与绑定",
    ruleSet: "规则集",
    ruleSetHint: "选择后保存到“评分设置”工作表",
    ruleSetTitles: {
      "district-2020": "区级 2020（部门决策 25 / 管理 20 / 绩效 55）",
      "city-2021": "市级 2021（部门决策 20 / 管理 20 / 绩效 60）",
    } as Record<string, string>,
    inputsTitle: "评分用到的名称",
    inputsHint: "在工作表中选中单元格，再点“绑定”，即把该名称指向所选单元格。",
    state: { found: "已填写", empty: "待填写", missing: "未绑定", invalid: "需修改" } as Record<string, string>,
    bind: "绑定",
    bindLabel: (label: string) => `把“${label}”绑定到选中的单元格`,
    locate: "定位",
    locateLabel: (label: string) => `定位“${label}”所在单元格`,
    bound: (name: string, where: string) => `已把“${name}”指向 ${where}`,
    cell: (sheet?: string, address?: string) => (sheet && address ? `${sheet}!${address}` : "—"),
    filter: "只看尚未完成的项目",
    addInputSheet: "添加评分依据表",
    addInputSheetHint: "新建“评分依据”工作表：列出所有未绑定的项目，已定义名称，是/否项带下拉选择。",
    inputSheetExists: "工作簿中已有“评分依据”工作表。",
    inputSheetAdded: (n: number) => `已添加“评分依据”工作表，定义了 ${n} 个名称。`,
    weightsTitle: "分值调整",
    weightsHint: "参考分值可按本部门情况调整；各级分值须能对上，合计 100。",
    weightLabel: (name: string) => `${name} 的分值`,
    weightsOk: "分值合计一致。",
    gradesTitle: "评分等级分档",
    gradeMin: (label: string) => `${label} 的最低分（含）`,
    gradeLabel: (i: number) => `第 ${i} 档等级名称`,
    save: "保存到评分设置",
    saved: "已保存。",
    reset: "恢复规则集分值",
    level1: "一级指标",
    level2: "二级指标",
    counts: (found: number, empty: number, missing: number, invalid: number) =>
      `已填写 ${found}，待填写 ${empty}，未绑定 ${missing}，需修改 ${invalid}`,
    failed: (msg: string) => `未能写入：${msg}`,
    framework: {
      title: "评分框架",
      current: (title: string, version: string | undefined) => (version ? `${title}（版本 ${version}）` : title),
      builtin: "内置框架",
      stored: "工作簿中导入的框架（“评分框架”工作表）",
      storedHint: "工作簿带有导入的评分框架，评分按它进行，上面的规则集不起作用。删除“评分框架”工作表即改用内置框架。",
      ruleSetFixed: "由工作簿中导入的评分框架决定（见下方“评分框架”）",
      hint: "可导入财政局或本单位编写的评分框架文件（.json）。导入后框架存入本工作簿，发到哪里都按它评分。",
      import: "导入评分框架",
      importLabel: "选择评分框架文件（.json）",
      imported: (title: string) => `已导入评分框架“${title}”，并按它重新评分。`,
      problems: (n: number) => `评分框架文件有 ${n} 个问题，未导入`,
      more: (n: number) => `……另有 ${n} 个问题（可用 pe-score rules check 查看全部）`,
      unreadable: (why: string) => `无法读取该文件：${why}`,
      export: "导出评分框架",
      copy: "复制框架文件",
      copied: "已复制框架文件（JSON），可粘贴保存为 .json 文件。",
      copyFailed: "无法复制，请改用“导出评分框架”。",
    },
  },
  judged: {
    levelOption: (label: string, points: string) => `${label}（${points} 分）`,
    title: "评定事项",
    othersTitle: "其他指标的人工调整",
    othersHint: "按公式计算的指标也可人工调整：填写调整后得分和理由，评分结果会同时显示规则应得分。",
    hint: "在此填写的内容写入工作簿中对应名称的单元格，随后自动重新评分。",
    yes: "是",
    no: "否",
    met: (text: string) => `符合：${text}`,
    notBound: "未定义名称",
    createName: "在评分依据表中新建",
    createNameLabel: (label: string) => `在“评分依据”工作表中为“${label}”新建一行并定义名称`,
    count: "不符合项数",
    score: (max: string) => `得分（0～${max}）`,
    levelPlaceholder: "请选择",
    veto: "发生违规支出（发生则本指标 0 分）",
    fallbackHint: "未绑定金额或件数时按是/否评定",
    effect: {
      title: "个性化绩效指标",
      headers: {
        name: "名称",
        weight: "分值",
        nature: "性质",
        target: "目标值",
        actual: "实际值 / 等级",
        na: "不适用",
      },
      natures: ["正向", "反向", "定性"],
      add: "添加一行",
      remove: (i: number) => `删除第 ${i} 行`,
      save: "保存指标表",
      sum: (sum: string, weight: string) => `各行分值合计 ${sum}，应等于效果性分值 ${weight}`,
      empty: "表中还没有指标：在此之前，效果性按评分表得分单元格中已填的人工评分计分。",
      rowLabel: (i: number, col: string) => `第 ${i} 行 ${col}`,
      noTable: "还没有个性化绩效指标表：保存时在“评分依据”工作表中新建并定义名称“效果性指标表”。",
    },
    override: {
      scoreRange: (label: string, max: string) => `${label}（0～${max}）`,
      title: "人工调整",
      score: "调整后得分",
      reason: "调整理由（必填）",
      save: "保存调整",
      remove: "取消调整",
      reasonNeeded: "请填写调整理由后再保存。",
      scoreAbove: (max: string) => `调整分数不能超过该指标的分值 ${max} 分。`,
      scoreBad: (max: string) => `请填写 0～${max} 之间的数字。`,
      current: (score: string, reason: string) => `当前调整：${score} 分，理由：${reason}`,
    },
    failed: (msg: string) => `未能写入：${msg}`,
    saved: "已写入工作簿。",
  },
};
