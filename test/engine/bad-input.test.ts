/**
 * Bad inputs of every kind: scoreCase never throws, gives no total, and reports an error with the
 * right code and target whose Chinese message names the defined name, what was found and what is
 * expected. Cases are derived from the golden seeds (loaded, then one raw value replaced).
 */
import {
  builtinRuleSet,
  parseInput,
  scoreCase,
  type ErrorCode,
  type RawValue,
  type RuleSet,
  type ScoreCase,
  type ScoreResult,
} from "../../src/engine";
import { caseFileFrom, ind, load, SEED000, SEED004 } from "./helpers";

function base(file: string): { rs: RuleSet; c: ScoreCase } {
  return load(caseFileFrom(file));
}

const v = (value: RawValue["value"], numberFormat?: string): RawValue =>
  numberFormat === undefined ? { value } : { value, numberFormat };
const err = (errorValue: string): RawValue => ({ value: null, errorValue });

interface BadCase {
  what: string;
  file?: string;
  mutate: (c: ScoreCase) => void;
  code: ErrorCode;
  target: string;
  /** The name the message must carry (defined name, part name, or indicator name). */
  name: string;
  /** Text `found` must contain. */
  found: string;
  /** What the message says is expected, when it is not `expected` verbatim. */
  expectedText?: string;
}

const input = (id: keyof ScoreCase["inputs"], raw: RawValue) => (c: ScoreCase) => {
  c.inputs[id] = raw;
};
const part = (indicator: string, key: string, raw: RawValue) => (c: ScoreCase) => {
  c.parts[indicator] = { ...(c.parts[indicator] ?? {}), [key]: raw };
};
/** Unbind an indicator's parts and type a manual score. */
const manual = (indicator: string, raw: RawValue) => (c: ScoreCase) => {
  delete c.parts[indicator];
  c.manual[indicator] = raw;
};
const override =
  (indicator: string, raw: RawValue, reason = "复核调整") =>
  (c: ScoreCase) => {
    c.overrides[indicator] = { score: raw, reason };
  };
const effectRows = (rows: Record<string, RawValue["value"]>[]) => (c: ScoreCase) => {
  c.effectTable = rows.map((r) => ({
    name: v(r.名称 ?? null),
    weight: v(r.分值 ?? null),
    nature: v(r.性质 ?? null),
    target: v(r.目标值 ?? null),
    actual: v(r.实际值 ?? null),
    notApplicable: v(r.不适用 ?? null),
  }));
};
const okRow = { 名称: "B", 分值: 15, 性质: "定性", 实际值: "好" };

const AMOUNT = "政府采购计划金额";
const CASES: BadCase[] = [
  // --- amounts (政府采购计划金额 / 其他金额)
  {
    what: "amount: text 约三十万",
    mutate: input("procurement.planned", v("约三十万")),
    code: "notNumber",
    target: "procurement.planned",
    name: AMOUNT,
    found: "文本“约三十万”",
  },
  {
    what: "amount: empty text is missing",
    mutate: input("procurement.planned", v("")),
    code: "missing",
    target: "procurement.planned",
    name: AMOUNT,
    found: "空单元格",
  },
  {
    what: "amount: spaces only is missing",
    mutate: input("procurement.planned", v("  ")),
    code: "missing",
    target: "procurement.planned",
    name: AMOUNT,
    found: "空单元格",
  },
  {
    what: "amount: null is missing",
    mutate: input("procurement.planned", v(null)),
    code: "missing",
    target: "procurement.planned",
    name: AMOUNT,
    found: "空单元格",
  },
  {
    what: "amount: not bound at all",
    mutate: (c) => delete c.inputs["procurement.planned"],
    code: "missing",
    target: "procurement.planned",
    name: AMOUNT,
    found: "未绑定",
  },
  {
    what: "amount: #DIV/0!",
    mutate: input("procurement.planned", err("#DIV/0!")),
    code: "errorValue",
    target: "procurement.planned",
    name: AMOUNT,
    found: "错误值 #DIV/0!",
  },
  {
    what: "amount: #REF!",
    mutate: input("sanGong.budget", err("#REF!")),
    code: "errorValue",
    target: "sanGong.budget",
    name: "三公经费预算数",
    found: "#REF!",
  },
  {
    what: "amount: -1",
    mutate: input("procurement.planned", v(-1)),
    code: "negative",
    target: "procurement.planned",
    name: AMOUNT,
    found: "负数 -1",
  },
  {
    what: "amount: -0.01",
    mutate: input("procurement.actual", v(-0.01)),
    code: "negative",
    target: "procurement.actual",
    name: "政府采购实际金额",
    found: "负数 -0.01",
  },
  {
    what: "amount: text -5",
    mutate: input("assets.total", v("-5")),
    code: "negative",
    target: "assets.total",
    name: "固定资产原值总额",
    found: "负数 -5",
  },
  {
    what: "amount: TRUE",
    mutate: input("procurement.planned", v(true)),
    code: "notNumber",
    target: "procurement.planned",
    name: AMOUNT,
    found: "逻辑值 TRUE",
  },
  {
    what: "amount: NaN",
    mutate: input("dailyPublic.budget", v(NaN)),
    code: "notNumber",
    target: "dailyPublic.budget",
    name: "日常公用经费调整预算数",
    found: "NaN",
  },
  {
    what: "amount: Infinity",
    mutate: input("dailyPublic.actual", v(Infinity)),
    code: "notNumber",
    target: "dailyPublic.actual",
    name: "日常公用经费决算数",
    found: "Infinity",
  },
  {
    what: "amount: 1,2,3 (bad grouping)",
    mutate: input("procurement.planned", v("1,2,3")),
    code: "notNumber",
    target: "procurement.planned",
    name: AMOUNT,
    found: "“1,2,3”",
  },
  {
    what: "amount: text 1e3 (decision: exponents are not accepted in text)",
    mutate: input("procurement.planned", v("1e3")),
    code: "notNumber",
    target: "procurement.planned",
    name: AMOUNT,
    found: "“1e3”",
  },
  {
    what: "amount: 30万 (unit in the cell)",
    mutate: input("assets.inUse", v("30万")),
    code: "notNumber",
    target: "assets.inUse",
    name: "在用固定资产原值",
    found: "“30万”",
  },
  {
    what: "amount: 12.5.3",
    mutate: input("budget.total", v("12.5.3")),
    code: "notNumber",
    target: "budget.total",
    name: "部门预算总额",
    found: "“12.5.3”",
  },
  {
    what: "amount: 4,54,7 (bad grouping)",
    mutate: input("budget.total", v("4,54,7")),
    code: "notNumber",
    target: "budget.total",
    name: "部门预算总额",
    found: "“4,54,7”",
  },
  {
    what: "amount: 1 2 3 (spaces between digits; core fix, was read as 123)",
    mutate: input("procurement.planned", v("1 2 3")),
    code: "notNumber",
    target: "procurement.planned",
    name: AMOUNT,
    found: "“1 2 3”",
  },
  {
    what: "amount: 4 547 (decision: space grouping is not accepted, only 4,547)",
    mutate: input("budget.total", v("4 547")),
    code: "notNumber",
    target: "budget.total",
    name: "部门预算总额",
    found: "“4 547”",
  },
  // --- counts
  {
    what: "count: 1.5 persons",
    mutate: input("staff.onPayroll", v(1.5)),
    code: "notWhole",
    target: "staff.onPayroll",
    name: "在编人数",
    found: "非整数 1.5",
  },
  {
    what: "count: 12人",
    mutate: input("staff.contract", v("12人")),
    code: "notNumber",
    target: "staff.contract",
    name: "编外人员数",
    found: "文本“12人”",
  },
  {
    what: "count: -1",
    mutate: input("staff.authorized", v(-1)),
    code: "negative",
    target: "staff.authorized",
    name: "核定编制数",
    found: "负数 -1",
  },
  {
    what: "count: 三十",
    mutate: input("staff.authorized", v("三十")),
    code: "notNumber",
    target: "staff.authorized",
    name: "核定编制数",
    found: "“三十”",
  },
  {
    what: "count: 0.5 unfinished tasks",
    mutate: input("keyTasks.unfinished", v(0.5)),
    code: "notWhole",
    target: "keyTasks.unfinished",
    name: "未完成重点工作数",
    found: "0.5",
  },
  {
    what: "count: #N/A petitions",
    mutate: input("petitions.total", err("#N/A")),
    code: "errorValue",
    target: "petitions.total",
    name: "信访件数",
    found: "#N/A",
  },
  {
    what: "count: 3 0 (spaces between digits)",
    mutate: input("staff.authorized", v("3 0")),
    code: "notNumber",
    target: "staff.authorized",
    name: "核定编制数",
    found: "“3 0”",
  },
  {
    what: "count: text 2.5 projects",
    mutate: input("projects.planned", v("2.5")),
    code: "notWhole",
    target: "projects.planned",
    name: "计划完成项目数",
    found: "2.5",
  },
  // --- percents
  {
    what: "percent: text 95.61 without %",
    mutate: input("progress.q4", v("95.61")),
    code: "notPercent",
    target: "progress.q4",
    name: "四季度支出进度",
    found: "文本“95.61”",
  },
  {
    what: "percent: 0.9561 in a General cell",
    mutate: input("progress.q4", v(0.9561, "General")),
    code: "percentFormat",
    target: "progress.q4",
    name: "四季度支出进度",
    found: "不是百分比格式",
  },
  {
    what: "percent: 95.61 in a 0.00 cell",
    mutate: input("progress.q4", v(95.61, "0.00")),
    code: "percentFormat",
    target: "progress.q4",
    name: "四季度支出进度",
    found: "数字 95.61",
  },
  {
    what: "percent: 0.95 in an empty-format cell",
    mutate: input("satisfaction", v(0.95, "")),
    code: "percentFormat",
    target: "satisfaction",
    name: "满意度",
    found: "0.95",
  },
  {
    what: "percent: a % only inside quotes of the format",
    mutate: input("satisfaction", v(0.95, '0.00"%"')),
    code: "percentFormat",
    target: "satisfaction",
    name: "满意度",
    found: "0.95",
  },
  {
    what: "percent: abc%",
    mutate: input("progress.q1", v("abc%")),
    code: "notNumber",
    target: "progress.q1",
    name: "一季度支出进度",
    found: "“abc%”",
  },
  {
    what: "percent: a lone %",
    mutate: input("progress.q1", v("%")),
    code: "notNumber",
    target: "progress.q1",
    name: "一季度支出进度",
    found: "“%”",
  },
  {
    what: "percent: -5%",
    mutate: input("progress.q2", v("-5%")),
    code: "negative",
    target: "progress.q2",
    name: "二季度支出进度",
    found: "负数",
  },
  {
    what: "percent: 满意度 101%",
    mutate: input("satisfaction", v("101%")),
    code: "implausible",
    target: "satisfaction",
    name: "满意度",
    found: "101.00%",
  },
  // A percent number typed into a percent cell (issue 11.3): an error that says what was meant.
  {
    what: "percent: 72.95 in a 0.00% 支出进度 cell is 7295%",
    mutate: input("progress.q1", v(72.95, "0.00%")),
    code: "implausible",
    target: "progress.q1",
    name: "一季度支出进度",
    found: "7295.00%",
    expectedText: "是否应为 72.95%？",
  },
  {
    what: "percent: 7.63 in a 0.00% 调整调剂比例 cell is 763%",
    mutate: input("budget.adjustedRatio", v(7.63, "0.00%")),
    code: "implausible",
    target: "budget.adjustedRatio",
    name: "调整调剂比例",
    found: "763.00%",
    expectedText: "是否应为 7.63%？",
  },
  {
    what: "percent: 支出进度 160% is beyond 150%, no guess",
    mutate: input("progress.q4", v("160%")),
    code: "implausible",
    target: "progress.q4",
    name: "四季度支出进度",
    found: "160.00%",
    expectedText: "不超过 150.00% 的百分比",
  },
  {
    what: "percent: TRUE",
    mutate: input("satisfaction", v(true)),
    code: "notNumber",
    target: "satisfaction",
    name: "满意度",
    found: "逻辑值 TRUE",
  },
  {
    what: "percent: Infinity in a % cell",
    mutate: input("progress.q3", v(Infinity, "0%")),
    code: "notNumber",
    target: "progress.q3",
    name: "三季度支出进度",
    found: "Infinity",
  },
  {
    what: "percent: #VALUE!",
    mutate: input("progress.q3", err("#VALUE!")),
    code: "errorValue",
    target: "progress.q3",
    name: "三季度支出进度",
    found: "#VALUE!",
  },
  {
    what: "percent: 调整调剂比例 as text 7.63",
    file: SEED004,
    mutate: input("budget.adjustedRatio", v("7.63")),
    code: "notPercent",
    target: "budget.adjustedRatio",
    name: "调整调剂比例",
    found: "“7.63”",
  },
  // --- judged 是/否
  {
    what: "judged: 也许",
    mutate: part("projectSupervision", "1", v("也许")),
    code: "badChoice",
    target: "projectSupervision.1",
    name: "项目监管_1",
    found: "文本“也许”",
  },
  {
    what: "judged: 2",
    mutate: part("projectSupervision", "1", v(2)),
    code: "badChoice",
    target: "projectSupervision.1",
    name: "项目监管_1",
    found: "数字 2",
  },
  {
    what: "judged: 0.5",
    mutate: part("assetSafety", "2", v(0.5)),
    code: "badChoice",
    target: "assetSafety.2",
    name: "资产管理安全性_2",
    found: "数字 0.5",
  },
  {
    what: "judged: #N/A",
    mutate: part("projectProcedure", "2", err("#N/A")),
    code: "errorValue",
    target: "projectProcedure.2",
    name: "项目实施程序_2",
    found: "#N/A",
  },
  {
    what: "judged: one part left empty",
    mutate: part("projectProcedure", "2", v("")),
    code: "missing",
    target: "projectProcedure.2",
    name: "项目实施程序_2",
    found: "空单元格",
  },
  {
    what: "judged: 违规支出 可能",
    mutate: part("financialCompliance", "4", v("可能")),
    code: "badChoice",
    target: "financialCompliance.4",
    name: "财务合规性_4",
    found: "“可能”",
  },
  {
    what: "judged: 信访渠道 -1",
    mutate: part("petitions", "1", v(-1)),
    code: "badChoice",
    target: "petitions.1",
    name: "群众信访办理情况_1",
    found: "数字 -1",
  },
  // --- disclosure levels
  {
    what: "level: 半公开",
    mutate: part("disclosure", "1", v("半公开")),
    code: "badChoice",
    target: "disclosure.1",
    name: "预决算信息公开_1",
    found: "文本“半公开”",
  },
  {
    what: "level: 0.5",
    mutate: part("disclosure", "2", v(0.5)),
    code: "badChoice",
    target: "disclosure.2",
    name: "预决算信息公开_2",
    found: "数字 0.5",
  },
  {
    what: "level: empty",
    mutate: part("disclosure", "2", v(" ")),
    code: "missing",
    target: "disclosure.2",
    name: "预决算信息公开_2",
    found: "空单元格",
  },
  // --- deduction counts
  {
    what: "deduction: -1",
    mutate: part("budgetCompliance", "不符合项数", v(-1)),
    code: "negative",
    target: "budgetCompliance.不符合项数",
    name: "预算编制规范性_不符合项数",
    found: "负数 -1",
  },
  {
    what: "deduction: 1.5",
    mutate: part("budgetCompliance", "不符合项数", v(1.5)),
    code: "notWhole",
    target: "budgetCompliance.不符合项数",
    name: "预算编制规范性_不符合项数",
    found: "非整数 1.5",
  },
  {
    what: "deduction: 两项",
    mutate: part("targetCompleteness", "不符合项数", v("两项")),
    code: "notNumber",
    target: "targetCompleteness.不符合项数",
    name: "绩效目标完整性_不符合项数",
    found: "“两项”",
  },
  // --- judged partial score (政府采购 policy part, 0..1)
  {
    what: "judged score: 1.5 of 1",
    mutate: part("procurement", "2", v(1.5)),
    code: "outOfRange",
    target: "procurement.2",
    name: "政府采购执行情况_2",
    found: "数字 1.5",
  },
  {
    what: "judged score: -0.5",
    mutate: part("procurement", "2", v(-0.5)),
    code: "negative",
    target: "procurement.2",
    name: "政府采购执行情况_2",
    found: "负数 -0.5",
  },
  // --- manual scores
  {
    what: "manual: 5.5 for a 5-point indicator",
    mutate: manual("budgetReasonableness", v(5.5)),
    code: "outOfRange",
    target: "budgetReasonableness",
    name: "预算编制合理性",
    found: "数字 5.5",
  },
  {
    what: "manual: -1",
    mutate: manual("budgetReasonableness", v(-1)),
    code: "negative",
    target: "budgetReasonableness",
    name: "预算编制合理性",
    found: "负数 -1",
  },
  {
    what: "manual: 满分 (text)",
    mutate: manual("budgetReasonableness", v("满分")),
    code: "notNumber",
    target: "budgetReasonableness",
    name: "预算编制合理性",
    found: "“满分”",
  },
  {
    what: "manual: #REF!",
    mutate: manual("budgetReasonableness", err("#REF!")),
    code: "errorValue",
    target: "budgetReasonableness",
    name: "预算编制合理性",
    found: "#REF!",
  },
  {
    what: "manual: empty and no parts",
    mutate: manual("budgetReasonableness", v("")),
    code: "missing",
    target: "budgetReasonableness",
    name: "预算编制合理性",
    found: "空单元格",
    expectedText:
      "请填写 预算编制合理性_1、预算编制合理性_2、预算编制合理性_3、预算编制合理性_4、预算编制合理性_5，或在得分单元格中填写人工评分",
  },
  {
    what: "manual: 效果性 20.5 of 20",
    mutate: manual("effectiveness", v(20.5)),
    code: "outOfRange",
    target: "effectiveness",
    name: "社会效益、经济效益、生态效益及可持续影响等",
    found: "20.5",
  },
  {
    what: "manual: 满意度 typed 5",
    mutate: manual("satisfaction", v(5)),
    code: "badChoice",
    target: "satisfaction",
    name: "公众或服务对象满意度",
    found: "数字 5",
  },
  {
    what: "manual: NaN",
    mutate: manual("managementSystems", v(NaN)),
    code: "notNumber",
    target: "managementSystems",
    name: "管理制度健全性",
    found: "NaN",
  },
  // --- overrides
  {
    what: "override: 2.5 of 2",
    mutate: override("projectSupervision", v(2.5)),
    code: "outOfRange",
    target: "projectSupervision.override",
    name: "项目监管",
    found: "数字 2.5",
  },
  {
    what: "override: text",
    mutate: override("projectSupervision", v("两分")),
    code: "notNumber",
    target: "projectSupervision.override",
    name: "项目监管",
    found: "“两分”",
  },
  {
    what: "override: -1",
    mutate: override("projectSupervision", v(-1)),
    code: "negative",
    target: "projectSupervision.override",
    name: "项目监管",
    found: "负数 -1",
  },
  {
    what: "override: no reason",
    mutate: override("projectSupervision", v(1), ""),
    code: "overrideReason",
    target: "projectSupervision",
    name: "项目监管",
    found: "空单元格",
  },
  // --- effect table cells (seed 004, 效果性 25)
  {
    what: "effect: 分值 text 十",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: "十", 性质: "正向", 目标值: 1, 实际值: 1 }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的分值",
    found: "文本“十”",
  },
  {
    what: "effect: 性质 中性",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: 10, 性质: "中性", 目标值: 1, 实际值: 1 }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的性质",
    found: "文本“中性”",
  },
  {
    what: "effect: 定性 grade 优",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: 10, 性质: "定性", 实际值: "优" }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的实际值",
    found: "文本“优”",
  },
  {
    what: "effect: 正向 目标值 empty",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: 10, 性质: "正向", 目标值: "", 实际值: 5 }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的目标值",
    found: "空单元格",
  },
  {
    what: "effect: 反向 实际值 -3",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: 10, 性质: "反向", 目标值: 1, 实际值: -3 }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的实际值",
    found: "负数 -3",
  },
  {
    what: "effect: 不适用 也许",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: 10, 性质: "正向", 目标值: 1, 实际值: 1, 不适用: "也许" }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的不适用标记",
    found: "“也许”",
  },
  {
    what: "effect: 分值 -10",
    file: SEED004,
    mutate: effectRows([{ 名称: "A", 分值: -10, 性质: "正向", 目标值: 1, 实际值: 1 }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“A”的分值",
    found: "负数 -10",
  },
  {
    what: "effect: unnamed row",
    file: SEED004,
    mutate: effectRows([{ 名称: null, 分值: 10, 性质: "正向", 目标值: 1, 实际值: "八成" }, okRow]),
    code: "effectTable",
    target: "effectiveness.指标表",
    name: "个性化绩效指标“第 1 行”",
    found: "“八成”",
  },
];

function run(file: string, mutate: (c: ScoreCase) => void): ScoreResult {
  const { rs, c } = base(file);
  mutate(c);
  let r: ScoreResult | undefined;
  expect(() => (r = scoreCase(rs, c))).not.toThrow();
  return r!;
}

test("at least 50 distinct bad values", () => {
  expect(new Set(CASES.map((x) => x.what)).size).toBe(CASES.length);
  expect(CASES.length).toBeGreaterThanOrEqual(50);
});

describe.each(CASES)("bad input — $what", ({ file, mutate, code, target, name, found, expectedText }) => {
  test(`→ ${code} @ ${target}`, () => {
    const r = run(file ?? SEED000, mutate);
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.errors.map((e) => [e.code, e.target])).toEqual([[code, target]]);
    const e = r.errors[0];
    expect(e.found).toContain(found);
    expect(e.message).toContain(name);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    // One sentence says what is expected once (issue 11.11).
    expect(e.message.split("应为").length - 1).toBeLessThanOrEqual(1);
    if (code === "overrideReason") {
      expect(e.message).toContain("理由");
    } else {
      expect(e.message).toContain(expectedText ?? e.expected);
      expect(e.expected.length).toBeGreaterThan(0);
      if (code === "missing") expect(e.message).toMatch(/未绑定或为空|未填写|为空/);
      else expect(e.message).toContain(e.found);
    }
  });
});

describe("accepted spellings of the same value", () => {
  test.each([
    ["95.61% text", v("95.61%"), "0.9561"],
    ["0.9561 in a 0.00% cell", v(0.9561, "0.00%"), "0.9561"],
    ["0.9561 in a [Red]0.0% cell", v(0.9561, "[Red]0.0%"), "0.9561"],
    ["full-width ９５.６１％", v("９５.６１％"), "0.9561"],
    ["full-width point ９５．６１％", v("９５．６１％"), "0.9561"],
    ["spaces ' 95.61 % '", v(" 95.61 % "), "0.9561"],
    ["JSON fraction (no format)", v(0.9561), "0.9561"],
    ["120% (cumulative progress may exceed 100%)", v("120%"), "1.2"],
  ])("percent %s", (_label, raw, want) => {
    const p = parseInput(raw, "percent");
    expect(p).toEqual({ ok: true, value: expect.anything() });
    if (p.ok) expect(p.value.toString()).toBe(want);
  });
  test.each([
    ["4,547", v("4,547"), "4547"],
    ["1,234,567.89", v("1,234,567.89"), "1234567.89"],
    ["full-width ４５４７", v("４５４７"), "4547"],
    ["surrounding spaces", v("  4547\u3000"), "4547"],
    ["number 30.43", v(30.43), "30.43"],
    ["0.1 + 0.2 as a float keeps its exact shortest form", v(0.1 + 0.2), "0.30000000000000004"],
    ["number 1e3 (a number, not text, is fine)", v(1e3), "1000"],
    ["-0 is 0", v(-0), "0"],
  ])("amount %s", (_label, raw, want) => {
    const p = parseInput(raw, "amount");
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.value.toString()).toBe(want);
  });
  test("a whole-number count given as 30.0 is accepted", () => {
    const p = parseInput(v("30.0"), "count");
    expect(p.ok && p.value.toNumber()).toBe(30);
  });
  test("seed 004 with 四季度支出进度 as a 0.00%-formatted cell, full-width text and a grouped budget scores 5.96", () => {
    const r = run(SEED004, (c) => {
      c.inputs["progress.q4"] = v(0.9561, "0.00%");
      c.inputs["progress.q3"] = v("８４.０１％");
      c.inputs["budget.total"] = v("10,329.34");
    });
    expect(r.errors).toEqual([]);
    expect(ind(r, "预算执行率").score).toBe(5.96);
    expect(r.total).toBe(89.46);
  });
  test("judged values: 是/否, 1/0, TRUE/FALSE, 符合/不符合, √/×", () => {
    const r = run(SEED000, (c) => {
      c.parts["budgetReasonableness"] = { "1": v("是"), "2": v(true), "3": v("符合"), "4": v("√"), "5": v(1) };
      c.parts["indicatorClarity"] = { "1": v("否"), "2": v(false), "3": v("不符合"), "4": v("×"), "5": v(0) };
    });
    expect(r.errors).toEqual([]);
    expect(ind(r, "预算编制合理性").score).toBe(5);
    expect(ind(r, "绩效指标明确性").score).toBe(0);
  });
});

describe("all errors of a case are reported together, in one pass", () => {
  test("seven bad values of different kinds → seven errors", () => {
    const r = run(SEED000, (c) => {
      c.inputs["procurement.planned"] = v("约三十万");
      c.inputs["staff.onPayroll"] = v(1.5);
      c.inputs["progress.q4"] = v(0.9561, "General");
      c.inputs["sanGong.budget"] = err("#DIV/0!");
      c.parts["projectSupervision"] = { "1": v("也许"), "2": v(1) };
      c.parts["disclosure"] = { "1": v("半公开"), "2": v("按规定公开") };
      c.overrides["keyTasks"] = { score: v(9), reason: "x" };
    });
    expect(r.total).toBeNull();
    expect(r.errors.map((e) => `${e.code}@${e.target}`).sort()).toEqual(
      [
        "notNumber@procurement.planned",
        "notWhole@staff.onPayroll",
        "percentFormat@progress.q4",
        "errorValue@sanGong.budget",
        "badChoice@projectSupervision.1",
        "badChoice@disclosure.1",
        "outOfRange@keyTasks.override",
      ].sort(),
    );
    // unaffected indicators are still scored
    expect(ind(r, "预算编制合理性").score).toBe(5);
    expect(ind(r, "项目监管").score).toBeNull();
  });
  test("an input needed by two indicators is reported once", () => {
    const r = run(SEED000, (c) => {
      delete c.inputs["staff.onPayroll"];
    });
    expect(r.errors.map((e) => `${e.code}@${e.target}`)).toEqual(["missing@staff.onPayroll"]);
    expect(ind(r, "财政供养人员控制率").score).toBeNull();
    expect(ind(r, "编外人员控制率").score).toBeNull();
  });
});

describe("cell locations in messages", () => {
  test("an input with a cell source names 评分依据!C5", () => {
    const r = run(SEED000, (c) => {
      c.inputs["procurement.planned"] = v("约三十万");
      c.inputSources = { "procurement.planned": { name: "政府采购计划金额", sheet: "评分依据", address: "C5" } };
    });
    expect(r.errors[0].message).toBe(
      "定义名称“政府采购计划金额”（评分依据!C5）：发现文本“约三十万”，应为非负数字（金额，可写作 4,547 或全角数字）。",
    );
    expect(r.errors[0].source).toEqual({ name: "政府采购计划金额", sheet: "评分依据", address: "C5" });
  });
  test("a user's own mapped name is used in the message", () => {
    const r = run(SEED000, (c) => {
      delete c.inputs["staff.authorized"];
      c.inputSources = { "staff.authorized": { name: "编制数_2020", sheet: "人员", address: "B2" } };
    });
    expect(r.errors[0].message).toContain("定义名称“编制数_2020”（人员!B2）未绑定或为空");
  });
  test("a missing quarter names the cell too", () => {
    const r = run(SEED000, (c) => {
      c.inputs["progress.q2"] = v("");
      c.inputSources = { "progress.q2": { name: "二季度支出进度", sheet: "评分依据", address: "D12" } };
    });
    expect(r.errors[0].message).toContain("（评分依据!D12）");
  });
  test("a judged part with a cell source", () => {
    const r = run(SEED000, (c) => {
      c.parts["projectSupervision"] = { "1": v("也许"), "2": v(1) };
      c.partSources = { projectSupervision: { "1": { name: "项目监管_1", sheet: "评分依据", address: "F20" } } };
    });
    expect(r.errors[0].message).toContain("定义名称“项目监管_1”（评分依据!F20）：发现文本“也许”");
  });
  test("a manual score cell", () => {
    const r = run(SEED000, (c) => {
      delete c.parts["budgetReasonableness"];
      c.manual["budgetReasonableness"] = v(5.5);
      c.manualSources = { budgetReasonableness: { name: "预算编制合理性", sheet: "评分表", address: "E4" } };
    });
    expect(r.errors[0].message).toContain("（评分表!E4）");
  });
  test("an override cell (core fix: the location was missing)", () => {
    const r = run(SEED000, (c) => {
      c.overrides["keyTasks"] = {
        score: v(9),
        reason: "x",
        source: { name: "人工调整", sheet: "评分设置", address: "C8" },
      };
    });
    expect(r.errors[0].message).toBe(
      "“重点工作完成情况”的人工调整分数（评分设置!C8）：发现数字 9，应为0 到 8 之间的分数。",
    );
  });
  test("an effect-table row (core fix: the location was missing)", () => {
    const r = run(SEED004, (c) => {
      effectRows([{ 名称: "A", 分值: "十", 性质: "正向", 目标值: 1, 实际值: 1 }, okRow])(c);
      c.effectTable![0].source = { name: "效果性指标表", sheet: "个性化指标", address: "B3" };
    });
    expect(r.errors[0].message).toContain(
      "定义名称“效果性指标表”（个性化指标!B3）：个性化绩效指标“A”的分值：发现文本“十”",
    );
  });
});

describe("an empty case", () => {
  test.each(["district-2020", "city-2021"])(
    "%s: nothing bound → no throw, only 'missing' errors, one per input or indicator",
    (id) => {
      const rs = builtinRuleSet(id)!;
      let r: ScoreResult | undefined;
      expect(() => (r = scoreCase(rs, { inputs: {}, parts: {}, manual: {}, overrides: {} }))).not.toThrow();
      expect(r!.total).toBeNull();
      expect(new Set(r!.errors.map((e) => e.code))).toEqual(new Set(["missing"]));
      const targets = r!.errors.map((e) => e.target);
      expect(new Set(targets).size).toBe(targets.length); // deduplicated
      // every indicator is unscored, and each wholly judged one asks for its parts or a typed score
      expect(r!.indicators.every((i) => i.score === null)).toBe(true);
      expect(targets).toEqual(
        expect.arrayContaining([
          "budgetReasonableness",
          "procurement.planned",
          "procurement.2",
          "progress.q1",
          "effectiveness",
          "satisfaction",
        ]),
      );
    },
  );
});
