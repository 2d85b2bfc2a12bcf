/**
 * Chinese text of the workbook contract (src/workbook/): sheet and label names the contract reads
 * and writes, error messages about names, the 评分表 and the 评分设置 sheet, and change summaries.
 */

/** Labels of the 评分依据 sheet. */
export const INPUT_SHEET = {
  title: "评分依据（请在 C 列填写；名称已定义，评分时按名称读取）",
  headers: ["类别", "项目", "填写值", "单位 / 说明", "定义名称"],
  sections: { inputs: "基础数据", judged: "评定事项" },
  unit: { amount: "金额（万元）", count: "数量（个、人、件）", percent: "百分比" },
  yesNo: "是 / 否",
  deduction: "不符合项数（整数）",
  level: "下拉选择等级",
  judgedScore: (max: string) => `得分（0～${max}）`,
  veto: "是否发生（是 = 发生，本指标 0 分）",
  effectTable: "个性化绩效指标表（名称、分值、性质、目标值、实际值、不适用）",
  effectHeaders: ["名称", "分值", "性质", "目标值", "实际值", "不适用"],
  validation: { title: "请选择", yesNo: "请选择 是 或 否", level: "请从下拉列表中选择", count: "请填写非负整数" },
} as const;

/** The readable part of the 评分框架 sheet (scoring reads only the file block under it). */
export const FRAMEWORK_SHEET = {
  group: (name: string, weight: string) => `${name}（${weight}）`,
  title: "评分框架",
  note: "本表由导入的评分框架文件生成，供查看和审计。评分按本表末尾“框架文件（JSON）”一节进行，修改上方表格不影响评分；更换框架请在任务窗格“设置”中重新导入，删除本工作表即改用内置框架。",
  fields: { title: "标题", name: "简称", version: "版本", id: "编号", description: "来源与说明" },
  tree: "指标体系",
  treeHeaders: ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "评分规则"],
  inputs: "输入项",
  inputHeaders: ["输入项", "默认定义名称", "单位", "合理上限", "说明"],
  units: { amount: "金额", percent: "百分比", count: "数量" } as Record<string, string>,
  grades: "评分等级",
  gradeHeaders: ["最低分（含）", "等级"],
  partRule: (key: string, label: string, words: string) => `${key}. ${label}：${words}`,
  blockNote: "以下为框架文件原文，请勿修改（评分以此为准）。",
} as const;

/** Headers of the generated 评分表 in the sample workbooks. */
export const TABLE_LAYOUT = {
  title: "部门整体支出绩效评分表",
  top: ["评价指标", "指标说明", "评分标准"],
  levels: ["一级指标", "二级指标", "三级指标"],
  nameWeight: ["名称", "分值"],
  nameWeightCity: ["名称", "参考分值"],
  none: "——",
} as const;

/** Headers of the 评分明细 sheet. Not 得分/分数, so the sheet is never taken for the 评分表. */
export const DETAIL = {
  headers: [
    "序号",
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "本次评分",
    "原表分数",
    "类型",
    "计算说明",
    "使用的数据",
    "规则集",
    "评分时间",
  ],
  kinds: { formula: "公式", checklist: "清单", deduction: "扣分", manual: "人工评分", override: "人工调整" } as Record<
    string,
    string
  >,
  totalRow: "综合评分",
  gradeRow: "评分等级",
  used: (name: string, where: string | null, value: string) => `${name}${where ? `（${where}）` : ""} = ${value}`,
  empty: "（空）",
};

/** Error messages of the contract. Each names the defined name or cell, what was found and what is expected. */
export const WB = {
  frameworkAt: (sheet: string, address: string, problem: string) =>
    `工作表“${sheet}”${address} 中导入的评分框架有问题：${problem}`,
  frameworkBlockMissing: (sheet: string) =>
    `工作表“${sheet}”中找不到“框架文件（JSON）”一节，无法读取导入的评分框架。请在任务窗格“设置”中重新导入框架文件，或删除该工作表改用内置框架。`,
  found: {
    ref: "引用已失效（#REF!）",
    multi: (address: string, n: number) => `指向区域 ${address}（${n} 个单元格）`,
    notCell: (reference: string) => `引用“${reference}”，不是单元格`,
    noTable: "没有找到评分表",
    noInputs: "工作簿中没有评分所需的定义名称",
    missingRow: "评分表中没有这一行",
    rows: (addresses: string[]) => `出现在 ${addresses.join("、")}`,
    occupied: (cells: string[]) => `单元格 ${cells.join("、")} 已有内容`,
    text: (s: string) => `“${s}”`,
    empty: "空",
  },
  expected: {
    framework: "任务窗格“设置”中导入的、通过检查的评分框架文件",
    oneCell: "指向一个单元格",
    inputSheet: "“评分依据”工作表（每项数据一个定义名称）",
    table: "一个表头为“自评得分”“得分”或“分数”、各行写有三级指标名称的评分表",
    row: "评分表中有且只有一行写这个三级指标",
    room: "表格下方两行为空，用于写入综合评分和评分等级",
    ruleSet: (ids: string[]) => ids.join(" / "),
    yesNo: "是 / 否",
    number: "数字",
    reason: "调整理由",
    settingsValue: "非空的值",
    effectTable: "至少 5 列（名称、分值、性质、目标值、实际值），可另有“不适用”列",
  },
  nameRef: (name: string, reference: string) =>
    `定义名称“${name}”的引用已失效（${reference}）：对应单元格可能已被删除，请在“公式 → 名称管理器”中把它重新指向一个单元格。`,
  nameMultiCell: (name: string, sheet: string, address: string, n: number) =>
    `定义名称“${name}”（${sheet}!${address}）指向 ${n} 个单元格：应只指向一个单元格，请在“名称管理器”中修改引用。`,
  nameNotCell: (name: string, reference: string) =>
    `定义名称“${name}”的引用为“${reference}”，不是单元格：应指向一个填写数据的单元格。`,
  effectTableShape: (name: string, sheet: string, address: string, cols: number) =>
    `定义名称“${name}”（${sheet}!${address}）只有 ${cols} 列：个性化绩效指标表应至少有 5 列（名称、分值、性质、目标值、实际值），可另有“不适用”列。`,
  tableNotFound: (sheets: string[]) =>
    `没有找到评分表：在工作表 ${sheets.length ? sheets.map((s) => `“${s}”`).join("、") : "（无）"} 中都没有表头为“自评得分”“得分”或“分数”且各行写有三级指标名称的表格。请检查表头，或用定义名称“评分表”选定评分表区域。`,
  rowMissing: (indicator: string, sheet: string, address: string) =>
    `评分表（${sheet}!${address}）中没有“${indicator}”这一行：请在三级指标列中补上该指标（名称须与评分标准一致），应有且只有一行。`,
  rowDuplicate: (indicator: string, sheet: string, addresses: string[]) =>
    `评分表（工作表“${sheet}”）中“${indicator}”出现了 ${addresses.length} 次（${addresses.join("、")}）：每个三级指标应只有一行，请删除重复的行。`,
  noRoomForTotal: (sheet: string, cells: string[]) =>
    `评分表下方没有综合评分和评分等级行，而准备写入它们的单元格 ${cells.map((c) => `${sheet}!${c}`).join("、")} 已有内容：请在表格下方留出两行空行，或添加“综合评分”“评分等级”行（或定义名称“综合评分”“评分等级”）。未写入任何内容。`,
  unknownRuleSet: (value: string, sheet: string, address: string, ids: string[]) =>
    `评分设置（${sheet}!${address}）中的规则集“${value}”不存在：应为 ${ids.join(" / ")} 之一。`,
  ruleSetUnknownTable: (ids: string[]) =>
    `无法判断评分表使用哪个规则集：请在“评分设置”工作表的“规则集”中填写 ${ids.join(" / ")} 之一。`,
  settingsBadNumber: (what: string, sheet: string, address: string, found: string) =>
    `评分设置（${sheet}!${address}）中“${what}”的值${found}不是数字：应填写数字。`,
  settingsBadYesNo: (what: string, sheet: string, address: string, found: string) =>
    `评分设置（${sheet}!${address}）中“${what}”的值${found}应为“是”或“否”。`,
  settingsUnknownIndicator: (name: string, sheet: string, address: string) =>
    `评分设置（${sheet}!${address}）的人工调整中，“${name}”不是本规则集的三级指标名称：请按评分表中的三级指标名称填写。`,
  settingsMappingEmpty: (key: string, sheet: string, address: string) =>
    `评分设置（${sheet}!${address}）的名称映射中，“${key}”没有填写工作簿中的名称。`,
  settingsMappingUnknown: (key: string, sheet: string, address: string) =>
    `评分设置（${sheet}!${address}）的名称映射中，“${key}”不是评分用到的名称（应为输入项或评定事项的默认名称，如“核定编制数”“预算编制合理性_1”）。`,
  noInputs:
    "工作簿中还没有评分所需的定义名称（如“政府采购计划金额”“核定编制数”）：请在任务窗格“设置”中点“添加评分依据表”（命令行：pe-score init 工作簿.xlsx），在新的“评分依据”工作表中填写数据后再评分。",
  settingsAt: (sheet: string, address: string, message: string) => `评分设置（${sheet}!${address}）：${message}`,
  mappingToMissing: (key: string, name: string, sheet: string, address: string) =>
    `评分设置（${sheet}!${address}）的名称映射把“${key}”对应到“${name}”，但工作簿中没有名为“${name}”的定义名称：请检查拼写，或在“公式 → 名称管理器”中定义它。`,
  otherTables: (chosen: { sheet: string; address: string }, others: { sheet: string; address: string }[]) =>
    `工作簿中有 ${others.length + 1} 张评分表：本次评分的是“${chosen.sheet}”!${chosen.address}，另有${others.map((o) => `“${o.sheet}”!${o.address}`).join("、")}。如需为另一张评分，请用定义名称“评分表”指向它。`,
  // Summaries
  summaryErrors: (n: number) => `发现 ${n} 项问题，未写入任何内容。`,
  summaryChanged: (n: number) => `${n} 项得分变化`,
  summaryUnchanged: "得分无变化",
  summaryTotal: (prev: string | null, cur: string) =>
    prev === null || prev === cur ? `综合评分 ${cur}` : `综合评分 ${prev} → ${cur}`,
  summaryAdded: "（新增综合评分、评分等级行）",
};
