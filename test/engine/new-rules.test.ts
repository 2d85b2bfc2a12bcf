/**
 * The rule kinds other regions publish (../shared/reference/other-frameworks.md): a per-point
 * deduction above or below a standard with a floor (在职人员控制率), and the change rate against
 * last year's figure (“三公经费”变动率). Hand-checked numbers at and around every edge, zero
 * previous figures under each policy, the explanation, and properties over random figures.
 */
import fc from "fast-check";
import {
  parseFramework,
  scoreCase,
  type PartRule,
  type RuleSet,
  type ScoreCase,
  type ScoreResult,
} from "../../src/engine";

/** A framework of the two rules under test and a manual filler that brings the total to 100. */
function framework(staffRule: Partial<PartRule> = {}, changeRule: Partial<PartRule> = {}): RuleSet {
  const zero = { bothZero: "full", numeratorPositive: "error" };
  const data = {
    id: "t",
    title: "测试框架",
    inputs: [
      { id: "onPayroll", name: "在职人数", unit: "count", label: "在职人数" },
      { id: "authorized", name: "编制数", unit: "count", label: "编制数" },
      { id: "cur", name: "本年三公", unit: "amount", label: "本年度三公经费预算数" },
      { id: "prev", name: "上年三公", unit: "amount", label: "上年度三公经费预算数" },
    ],
    levels: [
      {
        name: "投入",
        weight: "100",
        groups: [
          {
            name: "预算配置",
            weight: "100",
            indicators: [
              {
                id: "staff",
                name: "在职人员控制率",
                weight: "5",
                kind: "formula",
                manualAllowed: false,
                criteria: "≤100% 5 分，每超过一个百分点扣 0.5 分",
                parts: [
                  {
                    key: "1",
                    label: "在职人员控制率",
                    text: "在职人员控制率",
                    points: "5",
                    rule: {
                      kind: "perPointDeduction",
                      numerator: ["onPayroll"],
                      denominator: ["authorized"],
                      threshold: "1",
                      perPoint: "0.5",
                      judgedFallback: false,
                      zero,
                      ratioName: "在职人员控制率",
                      ...staffRule,
                    },
                  },
                ],
              },
              {
                id: "sanGong",
                name: "三公经费变动率",
                weight: "8",
                kind: "formula",
                manualAllowed: false,
                criteria: "≤0 8 分，每超过一个百分点扣 0.8 分",
                parts: [
                  {
                    key: "1",
                    label: "变动率",
                    text: "变动率",
                    points: "8",
                    rule: {
                      kind: "changeRate",
                      current: "cur",
                      previous: "prev",
                      threshold: "0",
                      perPoint: "0.8",
                      zero: { bothZero: "full", numeratorPositive: "zero" },
                      ratioName: "“三公经费”变动率",
                      ...changeRule,
                    },
                  },
                ],
              },
              {
                id: "rest",
                name: "其他",
                weight: "87",
                kind: "manual",
                manualAllowed: true,
                criteria: "人工",
                parts: [{ key: "1", label: "其他", text: "其他", points: "87", rule: { kind: "judgedScore" } }],
              },
            ],
          },
        ],
      },
    ],
    grades: [
      { min: "90", label: "优" },
      { min: "0", label: "差" },
    ],
  };
  const r = parseFramework(data);
  if (!r.ruleSet) throw new Error(r.problems.join("\n"));
  return r.ruleSet;
}

function run(rs: RuleSet, inputs: Record<string, number>): ScoreResult {
  const c: ScoreCase = { inputs: {}, parts: { rest: { "1": { value: 87 } } }, manual: {}, overrides: {} };
  for (const [k, v] of Object.entries(inputs)) c.inputs[k] = { value: v };
  return scoreCase(rs, c);
}
const score = (r: ScoreResult, id: string) => r.indicators.find((i) => i.id === id)!.score;
const explanation = (r: ScoreResult, id: string) => r.indicators.find((i) => i.id === id)!.explanation;
const base = { cur: 100, prev: 100 };

describe("per-point deduction above a standard (在职人员控制率 5 分, −0.5 per point, 扣完为止)", () => {
  const rs = framework();
  test.each([
    [50, 50, 5], // exactly at 100%: full
    [101, 100, 4.5], // 1 point above
    [1005, 1000, 4.75], // half a point above: deducted pro rata
    [51, 50, 4], // 102%
    [109, 100, 0.5], // 109%: 9 points, 4.5 deducted
    [60, 50, 0], // 120%: 10 points deducted, floor 0
    [90, 50, 0], // far above: still 0
    [40, 50, 5], // below the standard
  ])("%d / %d → %d", (onPayroll, authorized, expected) => {
    const r = run(rs, { onPayroll, authorized, ...base });
    expect(r.errors).toEqual([]);
    expect(score(r, "staff")).toBe(expected);
  });

  test("the explanation shows the ratio, the points beyond and the floor", () => {
    expect(explanation(run(rs, { onPayroll: 51, authorized: 50, ...base }), "staff")).toContain(
      "在职人员控制率 = 51 / 50 = 102.00%，102.00% 超出 100.00% 2 个百分点，扣 0.5 × 2 → 4 分",
    );
    expect(explanation(run(rs, { onPayroll: 60, authorized: 50, ...base }), "staff")).toContain("（扣完为止）");
  });

  test("no 编制 and nobody on the payroll: not applicable, full; people without 编制: a Chinese error naming the input", () => {
    expect(score(run(rs, { onPayroll: 0, authorized: 0, ...base }), "staff")).toBe(5);
    const r = run(rs, { onPayroll: 3, authorized: 0, ...base });
    expect(r.total).toBeNull();
    expect(r.errors[0]).toMatchObject({ code: "zeroDenominator" });
    expect(r.errors[0].message).toContain("编制数");
  });
});

describe("per-point deduction below a standard, with a floor above 0", () => {
  const rs = framework({ threshold: "0.9", perPoint: "1", direction: "below", floor: "1" });
  test.each([
    [95, 100, 5],
    [90, 100, 5], // exactly at the standard
    [87, 100, 2], // 3 points under
    [50, 100, 1], // 40 under: the floor
  ])("%d / %d → %d", (onPayroll, authorized, expected) => {
    expect(score(run(rs, { onPayroll, authorized, ...base }), "staff")).toBe(expected);
  });
  test("the explanation says under, and the floor", () => {
    const e = explanation(run(rs, { onPayroll: 50, authorized: 100, ...base }), "staff");
    expect(e).toContain("50.00% 低于 90.00% 40 个百分点");
    expect(e).toContain("（最低 1 分）");
  });
});

describe("change rate against last year (“三公经费”变动率 8 分, ≤0 full, −0.8 per point)", () => {
  const rs = framework();
  const staff = { onPayroll: 50, authorized: 50 };
  test.each([
    [100, 100, 8], // no change: at the standard
    [90, 100, 8], // a cut
    [100.5, 100, 7.6], // +0.5%
    [106, 100, 3.2], // +6%
    [110, 100, 0], // +10%: exactly used up
    [150, 100, 0], // far above
  ])("this year %d, last year %d → %d", (cur, prev, expected) => {
    const r = run(rs, { ...staff, cur, prev });
    expect(r.errors).toEqual([]);
    expect(score(r, "sanGong")).toBe(expected);
  });

  test("the explanation shows both figures and the rate", () => {
    expect(explanation(run(rs, { ...staff, cur: 106, prev: 100 }), "sanGong")).toBe(
      "“三公经费”变动率 = (106 − 100) / 100 = 6.00%，6.00% 超出 0.00% 6 个百分点，扣 0.8 × 6 → 3.2 分",
    );
  });

  test("last year 0: both 0 is no change (full); spending from nothing scores 0 under this framework's policy", () => {
    expect(score(run(rs, { ...staff, cur: 0, prev: 0 }), "sanGong")).toBe(8);
    const r = run(rs, { ...staff, cur: 5, prev: 0 });
    expect(score(r, "sanGong")).toBe(0);
    expect(explanation(r, "sanGong")).toContain("上年数为 0 而本年数大于 0，按 0 分计");
  });

  test("policy error: a Chinese error naming last year's input", () => {
    const strict = framework({}, { zero: { bothZero: "full", numeratorPositive: "error" } });
    const r = run(strict, { ...staff, cur: 5, prev: 0 });
    expect(r.total).toBeNull();
    expect(r.errors[0].message).toContain("上年三公");
  });

  test("last year's figure unbound: a missing-input error, never a silent score", () => {
    const c: ScoreCase = {
      inputs: { onPayroll: { value: 50 }, authorized: { value: 50 }, cur: { value: 100 } },
      parts: { rest: { "1": { value: 87 } } },
      manual: {},
      overrides: {},
    };
    const r = scoreCase(rs, c);
    expect(r.total).toBeNull();
    expect(r.errors).toEqual([expect.objectContaining({ code: "missing", target: "prev" })]);
  });
});

describe("properties", () => {
  const rs = framework();
  test("scores stay within [floor, points] and never rise as the ratio or the change grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 1000 }),
        (auth, on, more, prev) => {
          const a = run(rs, { authorized: auth, onPayroll: on, cur: prev + on, prev });
          const b = run(rs, { authorized: auth, onPayroll: on + more, cur: prev + on + more, prev });
          for (const [id, max] of [
            ["staff", 5],
            ["sanGong", 8],
          ] as const) {
            const x = score(a, id)!;
            const y = score(b, id)!;
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(max);
            expect(y).toBeLessThanOrEqual(x);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
