/** Workbook weight and grade overrides: applyOverrides, checkWeights and their effect on scores. */
import {
  applyOverrides,
  builtinRuleSet,
  BUILTIN_RULE_SET_IDS,
  checkWeights,
  gradeOf,
  scoreCase,
  type RuleSet,
} from "../../src/engine";
import { Dec } from "../../src/engine/decimal";
import { caseFileFrom, errorSummary, ind, load, scoreFrom, SEED000, SEED004 } from "./helpers";

function rs(id: string): RuleSet {
  const r = builtinRuleSet(id);
  if (!r) throw new Error(id);
  return r;
}

describe("built-in rule sets", () => {
  test.each([...BUILTIN_RULE_SET_IDS])(
    "%s: weights add up (checkWeights → no errors), 21 indicators, total 100",
    (id) => {
      const r = rs(id);
      expect(checkWeights(r)).toEqual([]);
      const inds = r.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators));
      expect(inds).toHaveLength(21);
      expect(inds.reduce((s, i) => s.plus(i.weight), new Dec(0)).toNumber()).toBe(100);
    },
  );
  test("level-1 weights per scoring-rules.md", () => {
    expect(rs("district-2020").levels.map((l) => [l.name, l.weight])).toEqual([
      ["部门决策", "25"],
      ["部门管理", "20"],
      ["部门绩效", "55"],
    ]);
    expect(rs("city-2021").levels.map((l) => [l.name, l.weight])).toEqual([
      ["部门决策", "20"],
      ["部门管理", "20"],
      ["部门绩效", "60"],
    ]);
  });
  test("builtinRuleSet returns a fresh copy each call", () => {
    const a = rs("city-2021");
    a.levels[0].weight = "99";
    expect(rs("city-2021").levels[0].weight).toBe("20");
  });
  test("unknown rule set id → undefined", () => {
    expect(builtinRuleSet("guangdong-2022")).toBeUndefined();
  });
});

describe("re-weighting an indicator without its group", () => {
  test("政府采购执行情况 2 → 3: one error naming 资金管理, its 8 and the sum 9", () => {
    const { ruleSet, errors } = applyOverrides(rs("city-2021"), { indicatorWeights: { procurement: 3 } });
    expect(errors.map((e) => [e.code, e.target, e.found, e.expected])).toEqual([["weights", "资金管理", "9", "8"]]);
    expect(errors[0].message).toBe("权重不一致：二级指标“资金管理”的分值为 8，但其三级指标分值合计为 9。");
    // and scoring with it reports the same error and gives no total
    const r = scoreCase(ruleSet, load(caseFileFrom(SEED004)).c);
    expect(r.total).toBeNull();
    expect(r.errors.map((e) => [e.code, e.target])).toEqual([["weights", "资金管理"]]);
  });
  test("group re-weighted but not its level: errors name the level-1 sum and the total", () => {
    const { errors } = applyOverrides(rs("city-2021"), {
      indicatorWeights: { procurement: 3 },
      groupWeights: { 资金管理: 9 },
    });
    expect(errors.map((e) => e.message)).toEqual([
      "权重不一致：一级指标“部门管理”的分值为 20，但其二级指标分值合计为 21。",
    ]);
    const { errors: e2 } = applyOverrides(rs("city-2021"), {
      indicatorWeights: { procurement: 3 },
      groupWeights: { 资金管理: 9, 部门管理: 21 },
    });
    expect(e2.map((e) => e.message)).toEqual(["权重不一致：一级指标分值合计为 101，应为 100。"]);
  });
  test("an indicator may be named by its Chinese name as well as its id", () => {
    const { errors } = applyOverrides(rs("district-2020"), { indicatorWeights: { 政府采购执行情况: "3" } });
    expect(errors.map((e) => e.target)).toEqual(["资金管理"]);
  });
  test("unknown names and bad weights are errors", () => {
    const { errors } = applyOverrides(rs("district-2020"), {
      indicatorWeights: { 不存在的指标: 3, procurement: "三分" },
      groupWeights: { 不存在的组: 1 },
    });
    expect(errors.map((e) => [e.code, e.target])).toEqual([
      ["weights", "不存在的指标"],
      ["weights", "procurement"],
      ["weights", "不存在的组"],
    ]);
    expect(errors[1].message).toContain("“三分”");
  });
});

describe("a consistent re-weighting", () => {
  // district-2020: 政府采购 2 → 3 (资金管理 8 → 9, 部门管理 20 → 21);
  // 效果性 20 → 19 (group 效果性 20 → 19, 部门绩效 55 → 54). Sums: 25 + 21 + 54 = 100.
  const weights = {
    indicatorWeights: { procurement: 3, "社会效益、经济效益、生态效益及可持续影响等": 19 } as Record<string, number>,
    groupWeights: { 资金管理: 9, 部门管理: 21, 效果性: 19, 部门绩效: 54 },
  };
  test("no errors; the re-weighted formula indicator scales by new/base weight", () => {
    const { errors } = applyOverrides(rs("district-2020"), weights);
    expect(errors).toEqual([]);
    const r = scoreFrom(SEED000, { weights });
    expect(errorSummary(r)).toBe("");
    // 政府采购: (30.43/32.43 + 1) × 3/2 = 1.938328... × 1.5 = 2.907492... → 2.91
    const p = ind(r, "政府采购执行情况");
    expect(p.score).toBe(2.91);
    expect(p.max).toBe(3);
    expect(p.explanation).toContain("按调整后分值折算：× 3 / 2");
    // 效果性 is a typed manual 18 (≤ 19): kept, not scaled.
    expect(ind(r, "effectiveness").score).toBe(18);
    // total 95.93 − 1.94 + 2.91 = 96.9
    expect(r.total).toBe(96.9);
    expect(r.grade).toBe("优");
  });
  test("a typed manual score above the new 分值 is an error", () => {
    const r = scoreFrom(SEED000, { weights, manual: { "社会效益、经济效益、生态效益及可持续影响等": 19.5 } });
    expect(r.errors.map((e) => [e.code, e.target])).toEqual([["outOfRange", "effectiveness"]]);
  });
  test("a checklist scales too: 预算编制合理性 5 → 4 with 4 of 5 items met = 3.2", () => {
    const w = {
      indicatorWeights: { budgetReasonableness: 4, procurement: 3 },
      groupWeights: { 预算编制: 9, 部门决策: 19, 资金管理: 9, 部门管理: 21 },
    };
    const r = scoreFrom(SEED004, { weights: w });
    expect(errorSummary(r)).toBe("");
    // 4 × 4/5 = 3.2; 政府采购 2 × 3/2 = 3; total 89.46 − 4 + 3.2 − 2 + 3 = 89.66
    expect(ind(r, "预算编制合理性").score).toBe(3.2);
    expect(ind(r, "政府采购执行情况").score).toBe(3);
    expect(r.total).toBe(89.66);
  });
  test("效果性 table rows add up to the re-weighted 分值 and are not scaled again (core fix)", () => {
    const w = {
      indicatorWeights: { effectiveness: 24, procurement: 3 },
      groupWeights: { 资金管理: 9, 部门管理: 21, 效果性: 24, 部门绩效: 59 },
    };
    const table = [
      { 名称: "A", 分值: 12, 性质: "正向", 目标值: 100, 实际值: 90 },
      { 名称: "B", 分值: 12, 性质: "定性", 实际值: "较好" },
    ];
    const r = scoreFrom(SEED004, { weights: w, effectTable: table });
    expect(errorSummary(r)).toBe("");
    // 12 × 0.9 + 12 × 0.8 = 10.8 + 9.6 = 20.4 (not 20.4 × 24/25)
    expect(ind(r, "effectiveness").score).toBe(20.4);
    // rows still summing to the old 25 are an error naming the new 分值 24
    const r2 = scoreFrom(SEED004, {
      weights: w,
      effectTable: [...table, { 名称: "C", 分值: 1, 性质: "定性", 实际值: "好" }],
    });
    expect(r2.errors.map((e) => [e.code, e.target])).toEqual([["effectTable", "effectiveness.指标表"]]);
    expect(r2.errors[0].message).toContain("合计为 25，应等于效果性指标分值 24");
  });
});

describe("grade bands and labels", () => {
  test("Guangdong labels 优秀/良好 with the default lines: 89.46 → 良好, shown as a grade difference to 良", () => {
    const grades = [
      { min: 90, label: "优秀" },
      { min: 80, label: "良好" },
      { min: 60, label: "中" },
      { min: 0, label: "差" },
    ];
    const { errors, ruleSet } = applyOverrides(rs("city-2021"), { grades });
    expect(errors).toEqual([]);
    expect(gradeOf(ruleSet, new Dec("89.46"))).toBe("良好");
    expect(gradeOf(ruleSet, new Dec("90"))).toBe("优秀");
    const r = scoreFrom(SEED004, { weights: { grades }, keepReported: true });
    expect(r.grade).toBe("良好");
    expect(r.differences.find((d) => d.target === "grade")).toMatchObject({ previous: "良", current: "良好" });
  });
  test("moved lines: ≥85 优秀 makes 89.46 优秀; 84.99 stays 良好", () => {
    const grades = [
      { min: "85", label: "优秀" },
      { min: "75", label: "良好" },
      { min: "60", label: "合格" },
      { min: "0", label: "不合格" },
    ];
    const { ruleSet, errors } = applyOverrides(rs("city-2021"), { grades });
    expect(errors).toEqual([]);
    expect(gradeOf(ruleSet, new Dec("89.46"))).toBe("优秀");
    expect(gradeOf(ruleSet, new Dec("85"))).toBe("优秀");
    expect(gradeOf(ruleSet, new Dec("84.99"))).toBe("良好");
    expect(gradeOf(ruleSet, new Dec("59.99"))).toBe("不合格");
  });
  test.each([
    [
      [
        { min: 80, label: "良" },
        { min: 90, label: "优" },
        { min: 0, label: "差" },
      ],
    ], // not descending
    [
      [
        { min: 90, label: "优" },
        { min: 60, label: "中" },
      ],
    ], // lowest line not 0
    [
      [
        { min: 90, label: "" },
        { min: 0, label: "差" },
      ],
    ], // empty label
    [
      [
        { min: "九十", label: "优" },
        { min: 0, label: "差" },
      ],
    ], // not a number
    [[]],
  ])("bad grade bands %j → error, defaults kept", (grades) => {
    const { ruleSet, errors } = applyOverrides(rs("city-2021"), { grades });
    expect(errors.map((e) => [e.code, e.target])).toEqual([["weights", "grades"]]);
    expect(ruleSet.grades.map((g) => g.label)).toEqual(["优", "良", "中", "差"]);
  });
});
