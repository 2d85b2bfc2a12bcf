/**
 * Score and total cells that hold formulas (issue 11.5): a formula 综合评分 keeps its formula and
 * the scored copy stores the new total as its cached value, so every reader sees 89.46; a score
 * cell whose formula already gives the score is left alone; undo puts the cached total back
 * without touching the formula. Formula-looking text written by the .xlsx host carries Excel's
 * quote prefix (issue 11.7).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { rescoreWithUndo, undoPlan } from "../../src/workbook/undo";
import { rescore } from "../../src/workbook/rescore";
import { withParts } from "../support/hostile";
import { cellsOf } from "../support/cells";

const SEED = new Uint8Array(readFileSync(join(__dirname, "../../assets/samples/seed-004-city-2021.xlsx")));
const NOW = new Date(2026, 10, 30, 9, 0);

/** The seed with its 综合评分 as =SUM(I3:I25) (cached 89.16) and 重点工作完成情况 as a formula giving 8. */
function withFormulas(): Uint8Array {
  return withParts(SEED, [], [], (name, xml) =>
    name === "xl/worksheets/sheet1.xml"
      ? xml
          .replace('<c r="I26" s="6"><v>89.16</v></c>', '<c r="I26" s="6"><f>SUM(I3:I25)</f><v>89.16</v></c>')
          .replace('<c r="I21" s="6"><v>8</v></c>', '<c r="I21" s="6"><f>4+4</f><v>8</v></c>')
      : xml,
  );
}

const cell = (bytes: Uint8Array, address: string) =>
  cellsOf(readXlsx(bytes), "评分表").find((c) => c.address === address);

test("a formula 综合评分 keeps its formula and the copy stores the new total as its cached value", () => {
  const bytes = withFormulas();
  const out = rescore(readXlsx(bytes), { now: NOW });
  expect(out.errors).toEqual([]);
  expect(out.result.total).toBe(89.46);
  expect(out.plan.cells.find((c) => c.role === "total")).toMatchObject({
    address: "I26",
    value: 89.46,
    keepFormula: true,
  });
  const scored = applyPlan(bytes, out.plan);
  expect(cell(scored, "I26")).toMatchObject({ value: 89.46, formula: "SUM(I3:I25)" });
  const xml = strFromU8(unzipSync(scored)["xl/worksheets/sheet1.xml"]);
  expect(xml).toContain('<c r="I26" s="6"><f>SUM(I3:I25)</f><v>89.46</v></c>');
});

test("a score cell whose formula already gives the score keeps its formula; one that differs is replaced", () => {
  const bytes = withFormulas();
  const out = rescore(readXlsx(bytes), { now: NOW });
  expect(out.plan.cells.some((c) => c.address === "I21")).toBe(false);
  const scored = applyPlan(bytes, out.plan);
  expect(cell(scored, "I21")).toMatchObject({ value: 8, formula: "4+4" });
  expect(cell(scored, "I20")).toMatchObject({ value: 5.96 });
});

test("undo puts the cached total back and keeps the formula", () => {
  const bytes = withFormulas();
  const scored = applyPlan(bytes, rescoreWithUndo(readXlsx(bytes), { now: NOW }).plan);
  const u = undoPlan(readXlsx(scored), NOW);
  if (!u.ok) throw new Error(u.message);
  expect(u.formulaCells).toEqual([]);
  const undone = applyPlan(scored, u.plan);
  expect(cell(undone, "I26")).toMatchObject({ value: 89.16, formula: "SUM(I3:I25)" });
  expect(cell(undone, "I20")).toMatchObject({ value: 5.66 });
});

test("formula-looking text written to a cell gets Excel's quote prefix style; other text does not", () => {
  const danger = "+cmd|' /C calc'!A0";
  const out = applyPlan(SEED, {
    cells: [
      { sheet: "评分表", address: "K1", value: danger, previous: null, role: "label" },
      { sheet: "评分表", address: "K2", value: "良", previous: null, role: "label" },
    ],
    sheets: [{ sheet: "评分明细", rows: [["名称"], [danger]] }],
  });
  const files = unzipSync(out);
  const styles = strFromU8(files["xl/styles.xml"]);
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
  const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  const styleOf = (xml: string, address: string) =>
    Number(new RegExp(`<c r="${address}"[^>]*\\ss="(\\d+)"`).exec(xml)?.[1] ?? 0);
  expect(xfs[styleOf(sheet, "K1")]).toContain('quotePrefix="1"');
  expect(xfs[styleOf(sheet, "K2")] ?? "").not.toContain("quotePrefix");
  const detailPart = Object.keys(files).find(
    (f) =>
      /worksheets\/sheet\d+\.xml$/.test(f) && f !== "xl/worksheets/sheet1.xml" && strFromU8(files[f]).includes("cmd|"),
  )!;
  const detail = strFromU8(files[detailPart]);
  expect(xfs[styleOf(detail, "A2")]).toContain('quotePrefix="1"');
  expect(cellsOf(readXlsx(out), "评分表").find((c) => c.address === "K1")).toMatchObject({ value: danger });
  expect(cellsOf(readXlsx(out), "评分表").find((c) => c.address === "K1")?.formula).toBeUndefined();
});

describe("matching the 评分表 (issue 11.6)", () => {
  const sheet1 = () => strFromU8(unzipSync(SEED)["xl/worksheets/sheet1.xml"]);

  test("three-level names with a trailing empty bracket pair are matched", () => {
    const snap = readXlsx(SEED);
    const rename = (name: string, to: string) => {
      for (const g of snap.grids) for (const c of g.cells) if (c.value === name) c.value = to;
    };
    rename("财务合规性", "财务合规性（）");
    rename("项目实施程序", "项目实施程序()");
    const out = rescore(snap, { now: NOW });
    expect(out.errors).toEqual([]);
    expect(out.result.total).toBe(89.46);
  });

  test("two complete 评分表 in one workbook: the first is scored and the outcome says which, and where the other is", () => {
    const { deflateSync, strToU8 } = require("fflate") as typeof import("fflate");
    const copy = strToU8(sheet1());
    const bytes = withParts(SEED, [
      {
        name: "评分表（上年）",
        entry: { name: "xl/worksheets/copy.xml", compressed: deflateSync(copy), size: copy.length, crc: 0 },
      },
    ]);
    const out = rescore(readXlsx(bytes), { now: NOW });
    expect(out.errors).toEqual([]);
    expect(out.table?.sheet).toBe("评分表");
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(
      /有 2 张评分表：本次评分的是“评分表”!A\d+:I\d+，另有“评分表（上年）”!A\d+:I\d+。如需为另一张评分，请用定义名称“评分表”指向它/,
    );
    expect(rescore(readXlsx(SEED), { now: NOW }).warnings).toEqual([]);
  });
});
