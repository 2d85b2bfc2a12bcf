/**
 * Every golden case file in ../shared/golden is scored and compared with ITS OWN expectations:
 * the numbers are read from the files, never copied here.
 */
import * as fs from "fs";
import { Dec } from "../../src/engine/decimal";
import { GOLDEN_DIR, goldenFiles, ind, load, readGolden } from "./helpers";
import { scoreCase, type CaseFile } from "../../src/engine";

interface Golden extends CaseFile {
  id: string;
  expected: Record<string, number>;
  expectedTotal: number;
  expectedGrade: string;
  reported: Record<string, number>;
  reportedTotal?: number | null;
  reportedGrade?: string | null;
}

describe("golden directory", () => {
  test("resolves to /work/shared/golden and holds case files", () => {
    expect(fs.existsSync(GOLDEN_DIR)).toBe(true);
    expect(goldenFiles().length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(goldenFiles())("golden %s", (file) => {
  const g = readGolden(file) as unknown as Golden;
  const { rs, c } = load(g);
  const r = scoreCase(rs, c);

  test("no errors, total and grade as expected", () => {
    expect(r.errors).toEqual([]);
    expect(r.total).toBe(g.expectedTotal);
    expect(r.grade).toBe(g.expectedGrade);
  });

  test("every indicator of the rule set has an expectation and matches it", () => {
    expect(Object.keys(g.expected).sort()).toEqual(r.indicators.map((i) => i.name).sort());
    for (const [name, exp] of Object.entries(g.expected)) {
      expect([name, ind(r, name).score]).toEqual([name, exp]);
    }
  });

  test("every indicator below its 分值 gives at least one plain-words reason in problems", () => {
    for (const i of r.indicators) {
      if (i.score !== null && i.score < i.max) {
        expect([i.name, i.lostPoints.length > 0]).toEqual([i.name, true]);
        for (const l of i.lostPoints) expect(r.problems).toContain(l);
      } else expect([i.name, i.lostPoints]).toEqual([i.name, []]);
    }
  });

  test("total is the decimal sum of the rounded indicator scores", () => {
    const sum = r.indicators.reduce((s, i) => s.plus(String(i.score)), new Dec(0));
    expect(sum.toNumber()).toBe(r.total);
    const expSum = Object.values(g.expected).reduce((s, v) => s.plus(String(v)), new Dec(0));
    expect(expSum.toNumber()).toBe(g.expectedTotal);
  });

  test("differences are exactly the indicators where reported ≠ expected (+ total/grade)", () => {
    const want: { target: string; previous: number | string; current: number | string }[] = [];
    for (const [name, exp] of Object.entries(g.expected)) {
      const rep = g.reported[name];
      if (rep !== undefined && rep !== null && !new Dec(String(rep)).equals(String(exp))) {
        want.push({ target: ind(r, name).id, previous: rep, current: exp });
      }
    }
    if (g.reportedTotal != null && !new Dec(String(g.reportedTotal)).equals(String(g.expectedTotal))) {
      want.push({ target: "total", previous: g.reportedTotal, current: g.expectedTotal });
    }
    if (g.reportedGrade && g.reportedGrade !== g.expectedGrade) {
      want.push({ target: "grade", previous: g.reportedGrade, current: g.expectedGrade });
    }
    expect(r.differences.map((d) => ({ target: d.target, previous: d.previous, current: d.current }))).toEqual(want);
  });
});

describe("seed 004 known difference (scoring-rules.md, Known differences)", () => {
  const file = goldenFiles().find((f) => f.startsWith("seed-004"));
  const maybe = file ? test : test.skip;
  maybe("预算执行率 5.66 → 5.96, total 89.16 → 89.46, with the misreading note", () => {
    const g = readGolden(file!) as unknown as Golden;
    const { rs, c } = load(g);
    const r = scoreCase(rs, c);
    const d = r.differences.find((x) => x.name === "预算执行率");
    expect(d).toMatchObject({ target: "budgetExecution", previous: 5.66, current: 5.96 });
    // Misreading: 3.9561 + 2 × mean(72.95, 78.28, 84.01, 95.61)% = 3.9561 + 2 × 0.827125 = 5.61035 → 5.61,
    // closer to 5.66 than 5.96 is.
    expect(d!.note).toContain("各季度累计支出进度的平均值");
    expect(d!.note).toContain("5.61");
    expect(r.differences.find((x) => x.target === "total")).toMatchObject({ previous: 89.16, current: 89.46 });
    expect(r.differences.find((x) => x.target === "grade")).toBeUndefined();
    // The explanation carries the rule's arithmetic.
    expect(ind(r, "预算执行率").explanation).toContain("95.61%");
    expect(ind(r, "预算执行率").explanation).toContain("0.9561");
    expect(ind(r, "项目完成及时性").kind).toBe("override");
  });
});

test("存在的问题 prints amounts as a report would: 扣 0.06 分, never 0.0617 (issue 11.11)", () => {
  const { rs, c } = load(readGolden("seed-000-district-2020.json"));
  const r = scoreCase(rs, c);
  const text = r.problems.join("\n");
  expect(text).toContain("扣 0.06 分");
  expect(text).not.toMatch(/扣 \d+\.\d{3,} 分|得 \d+\.\d{3,} 分/);
});
