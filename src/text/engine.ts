/**
 * Chinese text of the scoring core: error wording and explanation templates.
 * Code elsewhere in the core only assembles these pieces.
 */
import type { SourceRef } from "../engine/types";

/** The 个性化绩效指标 table's vocabulary and field names. */
export const EFFECT = {
  positive: "正向",
  negative: "反向",
  qualitative: "定性",
  notApplicable: "不适用",
  row: (n: number) => `第 ${n} 行`,
  field: { weight: "分值", notApplicable: "不适用标记", nature: "性质", target: "目标值", actual: "实际值" },
  problem: (what: string, found: string, expected: string) => `${what}：发现${found}，应为${expected}`,
  allNotApplicable: "全部不适用",
  needOneApplicable: "至少一项适用的个性化绩效指标",
};

/** How weight messages name the levels of the indicator tree. */
export const LEVELS = {
  level1: (name: string) => `一级指标“${name}”`,
  level2: (name: string) => `二级指标“${name}”`,
  level2s: "二级指标",
  level3s: "三级指标",
};

export const UNIT_EXPECTED = {
  amount: "非负数字（金额，可写作 4,547 或全角数字）",
  count: "非负整数（人数、件数、项数）",
  percent: "百分比：设置为百分比格式的单元格（如 95.61%），或带 % 的文本",
} as const;

export const FOUND = {
  empty: "空单元格",
  text: (s: string) => `文本“${s}”`,
  number: (s: string) => `数字 ${s}`,
  plainNumberForPercent: (s: string, fmt: string | undefined) =>
    `数字 ${s}（单元格格式为“${fmt || "常规"}”，不是百分比格式）`,
  bool: (b: boolean) => `逻辑值 ${b ? "TRUE" : "FALSE"}`,
  error: (e: string) => `错误值 ${e}`,
  negative: (s: string) => `负数 ${s}`,
  fraction: (s: string) => `非整数 ${s}`,
  notBound: "未绑定（工作簿中没有这个定义名称）",
  percent: (pct: string) => ` ${pct}`,
};

export const EXPECTED = {
  judged: "是/否（或 1/0、符合/不符合）",
  veto: "是/否：是否发生超范围、超标准支出，虚列支出，截留、挤占、挪用资金（是=发生）",
  level: (labels: string[]) => `以下之一：${labels.join(" / ")}`,
  scoreIn: (max: string) => `0 到 ${max} 之间的分数`,
  scoreOneOf: (allowed: string[]) => `以下分值之一：${allowed.join(" / ")}`,
  positiveDenominator: (what: string) => `${what}大于 0`,
  notAbove: (a: string, b: string) => `${a}不大于${b}`,
  reason: "填写调整理由（人工调整必须说明理由）",
  percentAtMost100: "不超过 100% 的百分比",
  percentUpTo: (max: string) => `不超过 ${max} 的百分比`,
  quarterInputs: (q: number, progressName: string, amountName: string, budgetName: string) =>
    `绑定“${progressName}”（第 ${q} 季度累计支出进度，百分比），或绑定“${amountName}”并绑定“${budgetName}”`,
  nature: "正向 / 反向 / 定性",
  effectTable: "个性化绩效指标表（名称、分值、性质、目标值、实际值）",
  weight: "非负数字",
  indicatorName: "三级指标名称",
  groupName: "一级或二级指标名称",
  gradeLines: "从高到低的分数线",
  qualitative: (labels: string[]) => `定性等级：${labels.join(" / ")}`,
};

/** "定义名称“X”（评分依据!C5）" — how every message names where a value lives. */
export function where(src: SourceRef): string {
  const cell = src.sheet && src.address ? `（${src.sheet}!${src.address}）` : "";
  return `定义名称“${src.name}”${cell}`;
}

export function errorMessage(src: SourceRef, found: string, expected: string): string {
  return `${where(src)}：发现${found}，应为${expected}。`;
}

export const MSG = {
  implausible: (src: SourceRef, found: string, expected: string, meant: string | undefined) =>
    `${where(src)}：发现${found}，超出合理范围（${expected}）` +
    (meant ? `：是否应为 ${meant}？百分比格式的单元格请直接输入“${meant}”。` : "，请核对。"),
  missingInput: (src: SourceRef, forWhat: string, expected: string) =>
    `${where(src)}未绑定或为空：计算“${forWhat}”需要它，应为${expected}。`,
  missingPart: (src: SourceRef, indicator: string, expected: string) =>
    `${where(src)}未填写：“${indicator}”的这一项需要评定，应为${expected}（已绑定其他项或公式数据，不能沿用表中已填分数）。`,
  missingManual: (indicator: string, partNames: string[], scoreCell?: SourceRef) =>
    `“${indicator}”没有绑定评分依据，${scoreCell?.sheet && scoreCell.address ? `其得分单元格（${scoreCell.sheet}!${scoreCell.address}）` : "得分单元格"}也为空：请填写 ${partNames.join("、")}，或在得分单元格中填写人工评分。`,
  zeroDenominator: (src: SourceRef, ratioName: string, numerText: string) =>
    `${where(src)}为 0，无法计算${ratioName}（分子为 ${numerText}）：请核对数据，应为大于 0 的数。`,
  inconsistent: (src: SourceRef, a: string, b: string, found: string) =>
    `${where(src)}：${found}，${a}不应大于${b}，请核对。`,
  manualBad: (indicator: string, src: SourceRef | undefined, found: string, expected: string) =>
    `“${indicator}”的得分单元格${src?.sheet && src.address ? `（${src.sheet}!${src.address}）` : ""}：发现${found}，应为${expected}（未绑定评分依据时沿用该单元格中的人工评分）。`,
  caseFile: (what: string) => `案例文件有误：${what}。`,
  caseUnknownIndicator: (name: string) => `“${name}”不是本规则集中的三级指标名称`,
  caseUnknownPart: (indicator: string, label: string, known: string[]) =>
    `“${indicator}”没有名为“${label}”的评分项（应为 ${known.join(" / ")}）`,
  caseUnknownInput: (id: string) => `未知的输入项“${id}”`,
  overrideReason: (indicator: string) => `“${indicator}”设置了人工调整分数，但没有填写调整理由：人工调整必须说明理由。`,
  overrideScore: (indicator: string, src: SourceRef | undefined, found: string, expected: string) =>
    `“${indicator}”的人工调整分数${src?.sheet && src.address ? `（${src.sheet}!${src.address}）` : ""}：发现${found}，应为${expected}。`,
  weightSum: (parent: string, parentWeight: string, childSum: string, level: string) =>
    `权重不一致：${parent}的分值为 ${parentWeight}，但其${level}分值合计为 ${childSum}。`,
  totalWeight: (sum: string) => `权重不一致：一级指标分值合计为 ${sum}，应为 100。`,
  unknownWeightTarget: (name: string) => `权重调整中的“${name}”不是本规则集中的指标名称。`,
  badWeight: (name: string, found: string) => `“${name}”的调整分值${found}不是非负数字。`,
  badGrades: "评分等级分档应为从高到低的非负分数线，且最低一档为 0。",
  unknownRuleSet: (id: string, known: string[]) => `未知的规则集“${id}”，应为以下之一：${known.join("、")}。`,
  effectWeights: (src: SourceRef, sum: string, weight: string) =>
    `${where(src)}：个性化绩效指标的分值合计为 ${sum}，应等于效果性指标分值 ${weight}。`,
  effectAllNotApplicable: (src: SourceRef) =>
    `${where(src)}：个性化绩效指标全部标为不适用，无法计算效果性得分：请至少保留一项适用的指标，或不绑定该表而在得分单元格中填写人工评分。`,
  effectRow: (src: SourceRef, row: string, what: string) => `${where(src)}：个性化绩效指标“${row}”的${what}。`,
};

export const EXPLAIN = {
  sep: "；",
  points: (s: string) => `${s} 分`,
  total: (s: string) => `合计 ${s} 分`,
  clampedTo: (max: string) => `（不超过分值 ${max} 分）`,
  manual: (s: string) => `人工评分 ${s} 分（未绑定评分依据，沿用得分单元格中已填分数）`,
  judgedMet: (label: string, pts: string) => `${label}：符合，${pts} 分`,
  judgedNotMet: (label: string) => `${label}：不符合，0 分`,
  judgedScore: (label: string, pts: string) => `${label} ${pts} 分`,
  level: (label: string, levelLabel: string, pts: string) => `${label}：${levelLabel}，${pts} 分`,
  deduction: (max: string, per: string, count: string, pts: string) =>
    `${max} − ${per} × ${count}（不符合项数）= ${pts} 分`,
  countDeduction: (what: string, max: string, per: string, count: string, pts: string) =>
    `${what} ${count} 项：${max} − ${per} × ${count} = ${pts} 分`,
  floorZero: "（扣完为止）",
  ratio: (name: string, numer: string, denom: string, pct: string) => `${name} = ${numer} / ${denom} = ${pct}`,
  ratioDirect: (name: string, pct: string) => `${name} = ${pct}（直接填报）`,
  band: (label: string, pts: string) => `落在“${label}”档 → ${pts} 分`,
  proportional: (pct: string, points: string, pts: string) => `→ ${pct} × ${points} = ${pts} 分`,
  proportionalOver: (name: string) => `${name}超过 100%（实际大于计划），本项 0 分`,
  notApplicableBothZero: (name: string, pts: string) => `${name}：分子分母均为 0，不适用，按满分 ${pts} 分计`,
  zeroDenomNumerPositive: (name: string) => `${name}：分母为 0 而分子大于 0，按 0 分计`,
  linearWithin: (pct: string, threshold: string, pts: string) => `${pct} ≤ ${threshold} → ${pts} 分`,
  linearOver: (pct: string, threshold: string, per: string, over: string, pts: string) =>
    `${pct} 超出 ${threshold} ${over} 个百分点，扣 ${per} × ${over} → ${pts} 分`,
  linearAtLeast: (pct: string, threshold: string, pts: string) => `${pct} ≥ ${threshold} → ${pts} 分`,
  linearUnder: (pct: string, threshold: string, per: string, under: string, pts: string) =>
    `${pct} 低于 ${threshold} ${under} 个百分点，扣 ${per} × ${under} → ${pts} 分`,
  floorAt: (floor: string) => `（最低 ${floor} 分）`,
  changeRate: (name: string, current: string, previous: string, pct: string) =>
    `${name} = (${current} − ${previous}) / ${previous} = ${pct}`,
  changeBothZero: (name: string, pts: string) => `${name}：本年数与上年数均为 0，视为无变动，按满分 ${pts} 分计`,
  changeFromZero: (name: string) => `${name}：上年数为 0 而本年数大于 0，按 0 分计`,
  ratioFullMet: (pts: string) => `达到 100% → ${pts} 分`,
  ratioFullNotMet: "未达到 100% → 0 分",
  noPetitions: (name: string, pts: string) => `${name}：本年度无信访件，不适用，按 ${pts} 分计`,
  veto: "发生违规支出（超范围、超标准、虚列、截留挤占挪用），本指标 0 分",
  noVeto: "未发生违规支出",
  quarter: (q: string, progress: string, schedule: string, rate: string, pts: string) =>
    `${q}季度 ${progress} / 序时进度 ${schedule} = ${rate} → ${pts} 分`,
  progressName: "支出进度",
  quarterFromAmounts: (q: string, spent: string, budget: string, progress: string) =>
    `${q}季度支出进度 = ${spent} / ${budget} = ${progress}`,
  average: (rates: string[], avg: string, pts: string) =>
    `全年平均执行率 = (${rates.join(" + ")}) / 4 = ${avg} → min(${avg}, 100%) × 2 = ${pts} 分`,
  quarterNames: ["一", "二", "三", "四"],
  misreading: (prev: string, alt: string) =>
    `表中原分数 ${prev} 更接近把“各季度累计支出进度的平均值”当作全年平均执行率的算法（得 ${alt} 分）；按评分标准，全年平均执行率是四个季度执行率的平均值`,
  survey: (pct: string, band: string, pts: string) => `满意度 ${pct}，落在“${band}”档 → ${pts} 分`,
  surveyManual: (pts: string) => `未绑定满意度调查结果，沿用已填分数 ${pts} 分（按投诉等情况分档评定）`,
  effectRow: (name: string, detail: string, pts: string) => `${name}：${detail} → ${pts} 分`,
  effectPositive: (actual: string, target: string, w: string) => `分值 ${w} × min(${actual}/${target}, 1)`,
  effectNegative: (actual: string, target: string, w: string) => `分值 ${w} × min(${target}/${actual}, 1)（反向指标）`,
  effectQualitative: (grade: string, factor: string, w: string) => `定性“${grade}”${factor} × 分值 ${w}`,
  effectNotApplicable: (names: string[], sum: string) =>
    `${names.join("、")}不适用，其分值按比例分摊给其余指标（其余指标分值合计 ${sum}）`,
  effectScaled: (raw: string, factor: string, pts: string) => `${raw} × ${factor} = ${pts} 分`,
  override: (score: string, reason: string, rule: string | null) =>
    `人工调整为 ${score} 分，理由：${reason}${rule === null ? "" : `（按规则应得 ${rule} 分）`}`,
  ruleCouldNot: (why: string) => `按规则无法计算：${why}`,
  weightScaled: (base: string, weight: string) => `按调整后分值折算：× ${weight} / ${base}`,
};

/** Plain-words reasons for lost points (存在的问题). */
export const LOST = {
  judged: (indicator: string, text: string, pts: string) => `${indicator}：“${text}”未达到要求，扣 ${pts} 分`,
  deduction: (indicator: string, count: string, pts: string) =>
    `${indicator}：发现 ${count} 项不符合要求，扣 ${pts} 分`,
  band: (name: string, pct: string, band: string, pts: string) => `${name} ${pct}，落在“${band}”档，此项得 ${pts} 分`,
  bandVsStandard: (name: string, pct: string, relation: string, pts: string) =>
    `${name} ${pct}，${relation}，此项得 ${pts} 分`,
  notFull: "未达到 100%",
  proportional: (name: string, pct: string, lost: string) => `${name} ${pct}，扣 ${lost} 分`,
  over: (name: string, pct: string) => `${name} ${pct}，实际大于计划，此项得 0 分`,
  quarter: (q: string, rate: string) => `${q}季度预算执行率 ${rate}，未达到序时进度`,
  average: (avg: string) => `全年平均执行率 ${avg}，未达到 100%`,
  level: (label: string, levelLabel: string, lost: string) => `${label}${levelLabel}，扣 ${lost} 分`,
  veto: (indicator: string) => `${indicator}：发生违规支出，本指标得 0 分`,
  manual: (indicator: string, lost: string) => `${indicator}：人工评定扣 ${lost} 分`,
  override: (indicator: string, reason: string) => `${indicator}：人工调整（${reason}）`,
  countInput: (indicator: string, label: string, count: string, lost: string) =>
    `${indicator}：${label} ${count} 项，扣 ${lost} 分`,
  effectRow: (name: string, lost: string) => `个性化绩效指标“${name}”未完全实现目标，扣 ${lost} 分`,
};

export const DIFF = {
  total: "综合评分",
  grade: "评分等级",
};
