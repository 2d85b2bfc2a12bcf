/**
 * Score changes and subtotals are exact decimals from the engine: the pane, the ribbon message and
 * the CLI only print them (src/text/numbers.ts), so no view can show 0.29999999999999716 or lose a
 * cent adding floats. Figures are hand-checked against seed 004 (scoring-rules.md, Known differences).
 */
import { Dec } from "../../src/engine/decimal";
import { scoreCase, scoreChanges, TOTAL } from "../../src/engine";
import { caseFileFrom, ind, load, SEED000, SEED004 } from "./helpers";
import { showDelta, showPoints, showScore, showValue } from "../../src/text/numbers";

function seed004(mutate?: (c: ReturnType<typeof load>["c"]) => void) {
  const { rs, c } = load(caseFileFrom(SEED004, { keepReported: true }));
  mutate?.(c);
  return scoreCase(rs, c);
}

describe("differences carry an exact delta", () => {
  test("预算执行率 5.66 → 5.96 is +0.3 exactly, the total 89.16 → 89.46 likewise", () => {
    // In binary floating point 5.96 − 5.66 = 0.2999999999999998 and 89.46 − 89.16 = 0.29999999999999716.
    expect(5.96 - 5.66).not.toBe(0.3);
    const r = seed004();
    const d = r.differences.find((x) => x.target === "budgetExecution")!;
    expect(d).toMatchObject({ previous: 5.66, current: 5.96, delta: 0.3 });
    expect(r.differences.find((x) => x.target === TOTAL)).toMatchObject({
      previous: 89.16,
      current: 89.46,
      delta: 0.3,
    });
    expect(showDelta(d.delta)).toBe("+0.30");
  });

  test("a previous score is compared after rounding it to cents: 5.955 reads as 5.96, no change", () => {
    const r = seed004((c) => {
      c.previous!.budgetExecution = 5.955;
    });
    expect(r.differences.find((x) => x.target === "budgetExecution")).toBeUndefined();
  });

  test("a lower score gives a negative delta", () => {
    const r = seed004((c) => {
      c.previous!.budgetExecution = 6.21;
    });
    expect(r.differences.find((x) => x.target === "budgetExecution")).toMatchObject({ delta: -0.25 });
    expect(showDelta(-0.25)).toBe("-0.25");
  });

  test("an empty previous score cell is a change with no delta; an absent one is not listed", () => {
    const r = seed004((c) => {
      c.previous!.budgetExecution = null;
      delete c.previous!.budgetPreparation;
    });
    expect(r.differences.find((x) => x.target === "budgetExecution")).toEqual({
      target: "budgetExecution",
      name: "预算执行率",
      previous: null,
      current: 5.96,
      delta: null,
    });
    expect(r.differences.find((x) => x.target === "budgetPreparation")).toBeUndefined();
    expect(scoreChanges(r.differences).map((x) => x.target)).toEqual(["budgetExecution"]);
  });
});

describe("level subtotals", () => {
  for (const seed of [SEED000, SEED004]) {
    test(`${seed}: every group's subtotal is the decimal sum of its indicators, and 一级 sum to the total`, () => {
      const { rs, c } = load(caseFileFrom(seed));
      const r = scoreCase(rs, c);
      expect(r.levels.map((l) => l.name)).toEqual(rs.levels.map((l) => l.name));
      let total = new Dec(0);
      for (const l1 of r.levels) {
        let l1sum = new Dec(0);
        for (const g of l1.groups) {
          const sum = g.indicators.reduce((s, id) => s.plus(String(ind(r, id).score)), new Dec(0));
          expect([g.name, g.score]).toEqual([g.name, sum.toNumber()]);
          expect(g.score!).toBeLessThanOrEqual(g.max);
          l1sum = l1sum.plus(sum);
        }
        expect([l1.name, l1.score]).toEqual([l1.name, l1sum.toNumber()]);
        total = total.plus(l1sum);
      }
      expect(total.toNumber()).toBe(r.total);
      expect(r.levels.reduce((s, l) => s + l.max, 0)).toBe(100);
    });
  }

  test("a group with an unscored indicator has no subtotal, and neither has its 一级", () => {
    const { rs, c } = load(caseFileFrom(SEED004));
    c.inputs["procurement.planned"] = { value: "约三十万" };
    const res = scoreCase(rs, c);
    const unscored = res.indicators.find((i) => i.score === null)!;
    const l1 = res.levels.find((l) => l.groups.some((g) => g.indicators.includes(unscored.id)))!;
    const g = l1.groups.find((x) => x.indicators.includes(unscored.id))!;
    expect(g.score).toBeNull();
    expect(l1.score).toBeNull();
  });
});

describe("parts carry their rounded score", () => {
  test("every part's rounded score is its exact score rounded half-up to cents", () => {
    for (const seed of [SEED000, SEED004]) {
      const { rs, c } = load(caseFileFrom(seed));
      const r = scoreCase(rs, c);
      for (const i of r.indicators)
        for (const p of i.parts ?? []) {
          expect([i.name, p.key, p.rounded]).toEqual([
            i.name,
            p.key,
            new Dec(p.score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber(),
          ]);
          expect(p.rounded).toBe(new Dec(p.score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber());
        }
    }
  });
});

describe("one formatter", () => {
  test("scores print with two decimals, none as a dash", () => {
    expect([showScore(5), showScore(89.46), showScore(0), showScore(null), showScore(undefined)]).toEqual([
      "5.00",
      "89.46",
      "0.00",
      "—",
      "—",
    ]);
  });
  test("分值 print bare when whole, with their decimals otherwise", () => {
    expect([showPoints(5), showPoints(2.5), showPoints(1.25), showPoints(20)]).toEqual(["5", "2.5", "1.25", "20"]);
  });
  test("deltas are signed; none is empty", () => {
    expect([showDelta(0.3), showDelta(-1.25), showDelta(0), showDelta(null)]).toEqual(["+0.30", "-1.25", "0.00", ""]);
  });
  test("a grade difference shows its text", () => {
    expect([showValue("良"), showValue(89.46), showValue(null)]).toEqual(["良", "89.46", "—"]);
  });
});
