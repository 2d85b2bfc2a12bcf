/**
 * Property tests (fast-check) over both built-in rule sets: bounds, the total as a decimal sum, and
 * monotonicity of the control rates, 编外, 固定资产利用率 and 满意度.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import {
  builtinRuleSet,
  scoreCase,
  type InputId,
  type RawValue,
  type RuleSet,
  type ScoreCase,
  type ScoreResult,
} from "../../src/engine";
import { ind } from "./helpers";

const RULE_SETS: Record<string, RuleSet> = {
  "district-2020": builtinRuleSet("district-2020")!,
  "city-2021": builtinRuleSet("city-2021")!,
};
const v = (value: RawValue["value"]): RawValue => ({ value });

/** Money with up to 2 decimals, as a JSON number. */
const amount = (max = 100_000) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const positiveAmount = (max = 100_000) => fc.integer({ min: 1, max: max * 100 }).map((n) => n / 100);
/** A percent text with up to 2 decimals, e.g. "95.61%". */
const pctText = (maxPct: number) =>
  fc.integer({ min: 0, max: maxPct * 100 }).map((n) => `${new Decimal(n).dividedBy(100).toString()}%`);
const yesNo = fc.constantFrom<RawValue["value"]>(1, 0, "是", "否", true, false);
const level = fc.constantFrom("按规定公开", "公开但不符合时限、内容、范围要求", "未公开", "涉密或未到公开时限");

/** A random but valid case for a rule set: every input consistent, every judged part filled. */
function validCase(rsId: string) {
  const rs = RULE_SETS[rsId];
  const effectWeight = rsId === "city-2021" ? 25 : 20;
  const quarters = fc.oneof(
    fc.record({
      kind: fc.constant("pct" as const),
      p: fc.tuple(pctText(150), pctText(150), pctText(150), pctText(150)),
    }),
    fc.record({ kind: fc.constant("amt" as const), p: fc.tuple(amount(), amount(), amount(), amount()) }),
  );
  const effect = fc.oneof(
    fc.record({
      kind: fc.constant("manual" as const),
      score: fc.integer({ min: 0, max: effectWeight * 100 }).map((n) => n / 100),
    }),
    fc.record({
      kind: fc.constant("table" as const),
      w1: fc.integer({ min: 1, max: effectWeight - 1 }),
      nature1: fc.constantFrom("正向", "反向"),
      t1: positiveAmount(1000),
      a1: amount(1000),
      grade2: fc.constantFrom("好", "较好", "一般", "差"),
      na2: fc.boolean(),
    }),
  );
  return fc
    .record({
      procPlanned: amount(),
      procActual: amount(),
      policy: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      sgBudget: amount(100),
      sgActual: amount(100),
      dpBudget: amount(1000),
      dpActual: amount(1000),
      budget: positiveAmount(1_000_000),
      adjustedRatio: fc.option(pctText(40), { nil: undefined }),
      quarters,
      assetsTotal: amount(),
      assetsShare: fc.integer({ min: 0, max: 120 }),
      authorized: fc.integer({ min: 1, max: 500 }),
      onPayroll: fc.integer({ min: 0, max: 600 }),
      contract: fc.integer({ min: 0, max: 300 }),
      planned: fc.integer({ min: 0, max: 50 }),
      onTimeShare: fc.integer({ min: 0, max: 100 }),
      unfinished: fc.integer({ min: 0, max: 5 }),
      petitions: fc.integer({ min: 0, max: 30 }),
      answeredShare: fc.integer({ min: 0, max: 100 }),
      onTimePetShare: fc.integer({ min: 0, max: 100 }),
      satisfaction: fc.option(pctText(100), { nil: undefined }),
      satManual: fc.constantFrom(6, 4, 2, 1),
      checklist5: fc.array(yesNo, { minLength: 5, maxLength: 5 }),
      clarity5: fc.array(yesNo, { minLength: 5, maxLength: 5 }),
      deductions: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
      fin: fc.array(yesNo, { minLength: 4, maxLength: 4 }),
      disclosure: fc.tuple(level, level),
      pairs: fc.array(yesNo, { minLength: 6, maxLength: 6 }),
      systems: fc.array(yesNo, { minLength: 3, maxLength: 3 }),
      channel: yesNo,
      effect,
    })
    .map((g) => {
      // Keep the inputs consistent: a zero denominator only with a zero numerator where the policy errs.
      const inUse = g.assetsTotal === 0 ? 0 : Math.round(g.assetsTotal * g.assetsShare) / 100;
      const onPayroll = g.onPayroll + g.contract === 0 ? 1 : g.onPayroll;
      const onTime = Math.floor((g.planned * g.onTimeShare) / 100);
      const answered = Math.floor((g.petitions * g.answeredShare) / 100);
      const petOnTime = Math.floor((g.petitions * g.onTimePetShare) / 100);
      const inputs: Partial<Record<InputId, RawValue>> = {
        "procurement.planned": v(g.procPlanned),
        "procurement.actual": v(g.procActual),
        "sanGong.budget": v(g.sgBudget),
        "sanGong.actual": v(g.sgActual),
        "dailyPublic.budget": v(g.dpBudget),
        "dailyPublic.actual": v(g.dpActual),
        "budget.total": v(g.budget),
        "assets.inUse": v(inUse),
        "assets.total": v(g.assetsTotal),
        "staff.authorized": v(g.authorized),
        "staff.onPayroll": v(onPayroll),
        "staff.contract": v(g.contract),
        "projects.planned": v(g.planned),
        "projects.onTime": v(onTime),
        "keyTasks.unfinished": v(g.unfinished),
        "petitions.total": v(g.petitions),
        "petitions.answered": v(answered),
        "petitions.onTime": v(petOnTime),
      };
      if (g.adjustedRatio !== undefined) inputs["budget.adjustedRatio"] = v(g.adjustedRatio);
      if (g.satisfaction !== undefined) inputs.satisfaction = v(g.satisfaction);
      const qs = ["q1", "q2", "q3", "q4"] as const;
      qs.forEach((q, i) => {
        if (g.quarters.kind === "pct") inputs[`progress.${q}`] = v(g.quarters.p[i]);
        else inputs[`execution.${q}`] = v(g.quarters.p[i]);
      });
      const arr = (xs: RawValue["value"][]) => Object.fromEntries(xs.map((x, i) => [String(i + 1), v(x)]));
      const c: ScoreCase = {
        inputs,
        parts: {
          budgetReasonableness: arr(g.checklist5),
          budgetCompliance: { 不符合项数: v(g.deductions[0]) },
          targetCompleteness: { 不符合项数: v(g.deductions[1]) },
          indicatorClarity: arr(g.clarity5),
          procurement: { "2": v(g.policy) },
          financialCompliance:
            g.adjustedRatio === undefined ? arr(g.fin) : { "1": v(g.fin[0]), "3": v(g.fin[2]), "4": v(g.fin[3]) },
          disclosure: { "1": v(g.disclosure[0]), "2": v(g.disclosure[1]) },
          projectProcedure: arr(g.pairs.slice(0, 2)),
          projectSupervision: arr(g.pairs.slice(2, 4)),
          assetSafety: arr(g.pairs.slice(4, 6)),
          managementSystems: arr(g.systems),
          petitions: { "1": v(g.channel) },
        },
        manual: { satisfaction: v(g.satManual) },
        overrides: {},
      };
      if (g.effect.kind === "manual") c.manual.effectiveness = v(g.effect.score);
      else {
        const e = g.effect;
        c.effectTable = [
          { name: v("数量指标"), weight: v(e.w1), nature: v(e.nature1), target: v(e.t1), actual: v(e.a1) },
          {
            name: v("满意程度"),
            weight: v(effectWeight - e.w1),
            nature: v("定性"),
            target: v(null),
            actual: v(e.grade2),
            notApplicable: v(e.na2 ? "是" : "否"),
          },
        ];
      }
      return { rs, c };
    });
}

const decimalSum = (r: ScoreResult) => r.indicators.reduce((s, i) => s.plus(String(i.score)), new Decimal(0));

describe.each(Object.keys(RULE_SETS))("random valid cases, %s", (rsId) => {
  test("no errors; every score in [0, 分值] with at most 2 decimals; total = decimal sum; grade by the bands", () => {
    fc.assert(
      fc.property(validCase(rsId), ({ rs, c }) => {
        const r = scoreCase(rs, c);
        expect(r.errors).toEqual([]);
        for (const i of r.indicators) {
          expect(i.score).not.toBeNull();
          const s = new Decimal(String(i.score));
          expect(s.greaterThanOrEqualTo(0) && s.lessThanOrEqualTo(i.max)).toBe(true);
          expect(s.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        expect(r.total).not.toBeNull();
        expect(decimalSum(r).equals(String(r.total))).toBe(true);
        const t = new Decimal(String(r.total));
        const grade = t.gte(90) ? "优" : t.gte(80) ? "良" : t.gte(60) ? "中" : "差";
        expect(r.grade).toBe(grade);
      }),
      { numRuns: 200 },
    );
  });
});

/** Score one indicator of a fixed base case with some inputs replaced. */
function scoreWith(
  rsId: string,
  base: ScoreCase,
  inputs: Partial<Record<InputId, RawValue>>,
  indicator: string,
): number {
  const c: ScoreCase = { ...base, inputs: { ...base.inputs, ...inputs } };
  const r = scoreCase(RULE_SETS[rsId], c);
  const s = ind(r, indicator).score;
  if (s === null) throw new Error(r.errors.map((e) => e.message).join("; "));
  return s;
}

describe("monotonicity", () => {
  // One valid base case per rule set; only the inputs under test vary.
  const bases: Record<string, ScoreCase> = Object.fromEntries(
    Object.keys(RULE_SETS).map((id) => [id, fc.sample(validCase(id), { numRuns: 1, seed: 42 })[0].c]),
  );
  const rsArb = fc.constantFrom(...Object.keys(RULE_SETS));
  const twoAmounts = fc.tuple(amount(1000), amount(1000)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

  test("spending more against the same 三公 budget never raises 公用经费控制率", () => {
    fc.assert(
      fc.property(rsArb, amount(1000), twoAmounts, (rsId, budget, [less, more]) => {
        const s = (a: number) =>
          scoreWith(rsId, bases[rsId], { "sanGong.budget": v(budget), "sanGong.actual": v(a) }, "publicExpenseControl");
        expect(s(more)).toBeLessThanOrEqual(s(less));
      }),
      { numRuns: 200 },
    );
  });
  test("spending more against the same 日常公用 budget never raises 公用经费控制率", () => {
    fc.assert(
      fc.property(rsArb, amount(1000), twoAmounts, (rsId, budget, [less, more]) => {
        const s = (a: number) =>
          scoreWith(
            rsId,
            bases[rsId],
            { "dailyPublic.budget": v(budget), "dailyPublic.actual": v(a) },
            "publicExpenseControl",
          );
        expect(s(more)).toBeLessThanOrEqual(s(less));
      }),
      { numRuns: 200 },
    );
  });
  test("more 编外 staff (same 在编) never raises 编外人员控制率", () => {
    fc.assert(
      fc.property(
        rsArb,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        (rsId, onPayroll, c1, extra) => {
          const s = (c: number) =>
            scoreWith(
              rsId,
              bases[rsId],
              { "staff.onPayroll": v(onPayroll), "staff.contract": v(c) },
              "contractStaffControl",
            );
          expect(s(c1 + extra)).toBeLessThanOrEqual(s(c1));
        },
      ),
      { numRuns: 200 },
    );
  });
  test("higher 固定资产利用率 never lowers its score", () => {
    fc.assert(
      fc.property(rsArb, positiveAmount(10_000), twoAmounts, (rsId, total, [less, more]) => {
        const s = (inUse: number) =>
          scoreWith(rsId, bases[rsId], { "assets.total": v(total), "assets.inUse": v(inUse) }, "assetUtilization");
        expect(s(more)).toBeGreaterThanOrEqual(s(less));
      }),
      { numRuns: 200 },
    );
  });
  test("higher satisfaction never lowers its score", () => {
    fc.assert(
      fc.property(rsArb, fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (rsId, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = (n: number) =>
          scoreWith(
            rsId,
            bases[rsId],
            { satisfaction: v(`${new Decimal(n).dividedBy(100).toString()}%`) },
            "satisfaction",
          );
        expect(s(hi)).toBeGreaterThanOrEqual(s(lo));
      }),
      { numRuns: 200 },
    );
  });
  test("more unfinished 重点工作 never raises its score", () => {
    fc.assert(
      fc.property(rsArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 }), (rsId, n, extra) => {
        const s = (k: number) => scoreWith(rsId, bases[rsId], { "keyTasks.unfinished": v(k) }, "keyTasks");
        expect(s(n + extra)).toBeLessThanOrEqual(s(n));
      }),
      { numRuns: 100 },
    );
  });
});
