/**
 * The workbook's own words: what the add-in looks for in a clerk's workbook (sheet, name, header
 * and label texts, the words accepted for 是/否 and on/off) and writes back so the next reading
 * finds it. Changing one of these changes which workbooks are understood; display messages live
 * in the other modules of this folder.
 */

/** Words users type for met / not met (是/否, 符合/不符合 and common marks), compared case-insensitively. */
export const YES_WORDS = ["是", "1", "符合", "满足", "达到", "已落实", "有", "y", "yes", "true", "√", "✓", "✔", "对"];
/** The two choices offered in 是/否 drop-downs. */
export const YES_NO = ["是", "否"] as const;
export const NO_WORDS = [
  "否",
  "0",
  "不符合",
  "不满足",
  "未达到",
  "未落实",
  "无",
  "n",
  "no",
  "false",
  "×",
  "✗",
  "✘",
  "x",
  "错",
];

/** Words accepted for an on/off option on 评分设置 (e.g. 生成评分明细). */
export const SETTINGS_WORDS = {
  on: ["是", "1", "true", "y", "yes", "开", "开启"],
  off: ["否", "0", "false", "n", "no", "关", "关闭", ""],
};

/** Sheets the contract reads or creates. */
export const SHEETS = {
  settings: "评分设置",
  inputs: "评分依据",
  detail: "评分明细",
  framework: "评分框架",
} as const;

/** Sheets the contract reads or writes as its own: never taken for the 评分表. */
export const OWN_SHEETS: readonly string[] = [SHEETS.settings, SHEETS.inputs, SHEETS.detail, SHEETS.framework];

/** Defined names of the contract besides the inputs and judged parts. */
export const NAMES = {
  table: "评分表",
  total: "综合评分",
  grade: "评分等级",
  ruleSet: "规则集",
  detailOption: "生成评分明细",
  effectTable: "效果性指标表",
} as const;

/** Header texts that mark the score column (compared with spaces and line breaks removed). */
export const SCORE_HEADERS = ["自评得分", "得分", "分数"] as const;
/** Row labels of the total and grade cells. */
export const TOTAL_LABELS = ["综合评分", "总分"] as const;
export const GRADE_LABELS = ["评分等级", "等级"] as const;

/**
 * Layout of the 评分设置 sheet. Single values: a label cell and the value in the first non-empty
 * cell to its right (or the defined name of the same text). Tables: a title cell, a header row
 * under it, data rows under that in the same columns down to the next heading (SETTINGS_HEADINGS).
 */
export const SETTINGS = {
  title: "评分设置",
  ruleSet: "规则集",
  detail: "生成评分明细",
  weights: { title: "权重调整", headers: ["指标名称", "分值"] },
  grades: { title: "评分等级分档", headers: ["最低分（含）", "等级"] },
  overrides: { title: "人工调整", headers: ["三级指标", "调整分数", "调整理由"] },
  mapping: { title: "名称映射", headers: ["输入项（默认名称）", "工作簿中的名称"] },
  yes: "是",
  no: "否",
  /**
   * Blank rows a new sheet leaves under each table's headers: weights may name 3 一级 + 9 二级 +
   * 21 三级; grades need 4 bands (or a region's own); more rows can be inserted in Excel.
   */
  room: { weights: 15, grades: 6, overrides: 10, mapping: 12 },
  notes: {
    ruleSet: (ids: string[]) => `可选：${ids.join(" / ")}`,
    detail: "是：评分时生成“评分明细”工作表",
    weights: "参考分值可按本部门情况调整（一级、二级或三级指标），调整后各级分值须能对上，合计 100；行不够时可插入行",
    grades: "不填则按 90 优 / 80 良 / 60 中 / 0 差",
    overrides: "人工调整必须填写理由；评分结果会同时显示规则应得分",
    mapping: "工作簿中已有自己的名称时，在此对应，无须改名",
  },
} as const;

/** The undo record's block on 评分设置: found by its title, its columns by these headers. */
export const UNDO_BLOCK = {
  title: "上次评分记录",
  /** Not 得分/分数, so the block is never taken for the 评分表. */
  headers: ["工作表", "单元格", "项目", "原值", "写入值", "原公式"],
} as const;

/**
 * Every heading the 评分设置 sheet may hold: a settings table ends at the next one of these in its
 * columns (blank rows inside a table never end it).
 */
export const SETTINGS_HEADINGS: readonly string[] = [
  SETTINGS.ruleSet,
  SETTINGS.detail,
  SETTINGS.weights.title,
  SETTINGS.grades.title,
  SETTINGS.overrides.title,
  SETTINGS.mapping.title,
  UNDO_BLOCK.title,
];

/** The 评分框架 sheet: the heading above the framework file's text, which is what scoring reads. */
export const FRAMEWORK_BLOCK = {
  heading: "框架文件（JSON）",
  /** Characters of the file per cell (Excel holds at most 32,767 in one cell). */
  chunk: 30000,
} as const;
