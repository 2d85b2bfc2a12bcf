/**
 * Chinese text of framework files (评分框架): where a problem is, what each field is called, and
 * what is wrong with it. `pe-score rules check`, the pane's 导入评分框架 and a workbook's stored
 * framework all speak these words.
 */

/** The Chinese names of a framework's fields, for "字段 …" in problems. */
export const FIELD: Record<string, string> = {
  id: "编号（id）",
  name: "名称（name）",
  title: "标题（title）",
  version: "版本（version）",
  inputs: "输入项（inputs）",
  levels: "指标体系（levels）",
  grades: "评分等级（grades）",
  weight: "分值（weight）",
  groups: "二级指标（groups）",
  indicators: "三级指标（indicators）",
  kind: "类型（kind）",
  criteria: "评分标准（criteria）",
  parts: "评分细项（parts）",
  manualAllowed: "允许人工评分（manualAllowed）",
  key: "细项编号（key）",
  label: "名称（label）",
  text: "细项说明（text）",
  points: "分值（points）",
  rule: "评分规则（rule）",
  unit: "单位（unit）",
  plausibleMax: "合理上限（plausibleMax）",
  min: "最低分（min）",
  numerator: "分子（numerator）",
  denominator: "分母（denominator）",
  direct: "直接填写的比例（direct）",
  bands: "分档（bands）",
  zero: "分母为零时（zero）",
  ratioName: "指标名称（ratioName）",
  over: "超过 100% 时（over）",
  threshold: "标准值（threshold）",
  perPoint: "每个百分点扣分（perPoint）",
  direction: "方向（direction）",
  floor: "最低得分（floor）",
  judgedFallback: "可改为人工评定（judgedFallback）",
  input: "输入项（input）",
  per: "每项扣分（per）",
  levelsOfRule: "等级（levels）",
  progress: "季度支出进度（progress）",
  execution: "季度累计支出（execution）",
  budget: "预算总额（budget）",
  schedule: "序时进度（schedule）",
  quarterPoints: "每季度分值（quarterPoints）",
  averagePoints: "全年平均分值（averagePoints）",
  allowed: "允许的人工分值（allowed）",
  qualitative: "定性等级（qualitative）",
  current: "本年数（current）",
  previous: "上年数（previous）",
  zeroPrevious: "上年数为零时（zeroPrevious）",
};

export const FRAMEWORK = {
  /** A parameter the framework file does not give. */
  absent: "（未填写）",
  /** Where a problem is. */
  at: {
    framework: "评分框架",
    input: (id: string) => `输入项“${id}”`,
    level1: (name: string) => `一级指标“${name}”`,
    level2: (name: string) => `二级指标“${name}”`,
    indicator: (name: string) => `三级指标“${name}”`,
    part: (indicator: string, key: string) => `三级指标“${indicator}”第 ${key} 项`,
    grade: (i: number) => `评分等级第 ${i} 档`,
  },
  entry: (i: number, what: string) => `第 ${i} 项${what.startsWith("应") || what.startsWith("缺") ? "" : "："}${what}`,
  problem: (where: string, field: string | undefined, what: string) =>
    `${where}${field ? ` 的${FIELD[field] ?? field}` : ""}：${what}。`,

  notJson: (why: string) => `不是有效的 JSON 文件（${why}）`,
  notObject: "应为一个 JSON 对象（{ … }）",
  missing: "缺少",
  notText: "应为非空文字",
  notList: "应为非空列表",
  notDecimal: (found: string) => `应为写成文字的数字（如 "5" 或 "0.5"），现为 ${found}`,
  notBoolean: (found: string) => `应为 true 或 false，现为 ${found}`,
  oneOf: (allowed: readonly string[], found: string) => `应为以下之一：${allowed.join(" / ")}，现为 ${found}`,
  unknownKind: (found: string, kinds: readonly string[]) => `未知的评分规则类型 ${found}，可用：${kinds.join("、")}`,
  unknownInput: (id: string) => `引用了未定义的输入项“${id}”（请在 inputs 中定义）`,
  duplicateId: (id: string) => `编号“${id}”重复`,
  duplicateName: (name: string) => `名称“${name}”重复`,
  duplicateKey: (key: string) => `细项编号“${key}”重复`,
  noParts: "至少需要一个评分细项",
  bandsGap: (at: string) => `分档不连续：${at} 不属于任何一档`,
  bandsOverlap: (at: string) => `分档重叠：${at} 属于不止一档`,
  bandOver: (points: string, max: string) => `分值 ${points} 超过该项分值 ${max}`,
  gradesOrder: "应从高到低排列，最后一档的最低分为 0",
  scheduleFour: "应为 4 个季度的序时进度",
  quarterPointsSum: (quarter: string, average: string, points: string) =>
    `4 × ${quarter} + ${average} 应等于该项分值 ${points}`,
  floorAbove: (floor: string, points: string) => `最低得分 ${floor} 超过该项分值 ${points}`,
  negative: (found: string) => `不能为负数，现为 ${found}`,

  summaryOk: (title: string, indicators: number, inputs: number) =>
    `评分框架“${title}”检查通过：${indicators} 项三级指标，${inputs} 个输入项。`,
} as const;

/** A rule in words, for the 评分框架 sheet an auditor reads (each kind's `describe`). */
export const RULE_TEXT = {
  judged: (pts: string) => `是/否：符合得 ${pts} 分`,
  judgedScore: (pts: string) => `人工评定 0～${pts} 分`,
  level: (levels: string[]) => `按等级：${levels.join("；")}`,
  levelItem: (label: string, pts: string) => `${label} ${pts} 分`,
  veto: "发生即本指标 0 分",
  countDeduction: (what: string, per: string) => `${what}每项扣 ${per} 分，扣完为止`,
  countItems: "不符合项",
  ratio: (name: string, num: string, den: string) => `${name} = ${num} / ${den}`,
  orDirect: (direct: string) => `（或直接填写“${direct}”）`,
  bands: (bands: string[]) => `按分档：${bands.join("；")}`,
  band: (label: string, pts: string) => `${label} ${pts} 分`,
  proportional: (pts: string) => `按比例得分（${pts} × 比例，不超过 ${pts} 分）`,
  perPoint: (above: boolean, threshold: string, per: string, floor: string) =>
    `${above ? "不超过" : "不低于"} ${threshold} 得满分，每${above ? "超出" : "低于"} 1 个百分点扣 ${per} 分，最低 ${floor} 分`,
  judgedFallback: "；未填写数据时按是/否评定",
  full: "达到 100% 得满分，否则 0 分",
  change: (name: string, cur: string, prev: string) => `${name} = (${cur} − ${prev}) / ${prev}`,
  quarterly: (q: string, avg: string) => `各季度累计支出进度 / 序时进度，每季度 ${q} 分，全年平均执行率 ${avg} 分`,
  survey: (name: string, input: string, bands: string, allowed: string[]) =>
    `${name}（${input}）${bands}；未填写时保留表中得分（${allowed.join(" / ")}）`,
  effect: (grades: string[]) =>
    `按个性化绩效指标表：正向 实际/目标，反向 目标/实际，定性按等级（${grades.join("、")}）`,
  sep: "；",
  plus: " + ",
} as const;
