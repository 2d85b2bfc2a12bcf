/**
 * Text written to a cell can never become a formula, in either host, while the plan carries the
 * text as meant (so undo compares like with like): Office.js gets Excel's hidden "'" prefix, an
 * .xlsx gets an inline string (never a formula, no visible quote). CSV output is escaped too.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { readFirst, Syncs, writePlan } from "../../src/hosts/office/session";
import { cellsOf } from "../support/cells";
import { csvSafe } from "../../src/cli/score";
import type { WritePlan } from "../../src/workbook/snapshot";
import { fakeFromXlsx } from "../fakes/fromSnapshot";

const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "../../assets/samples/seed-004-city-2021.xlsx")));
const DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@A1", '=HYPERLINK("http://x")'];
const sheet = readXlsx(SAMPLE).sheets[0];
const plan: WritePlan = {
  cells: DANGEROUS.map((value, i) => ({ sheet, address: `Z${i + 1}`, value, previous: null, role: "label" })),
  sheets: [{ sheet: "评分明细", rows: [DANGEROUS] }],
};

test(".xlsx host: dangerous text is stored as text, read back exactly, with no formula", () => {
  const snap = readXlsx(applyPlan(SAMPLE, plan));
  const cells = DANGEROUS.map((_, i) => cellsOf(snap, sheet).find((c) => c.address === `Z${i + 1}`)!);
  expect(cells.map((c) => c.value)).toEqual(DANGEROUS);
  expect(cells.every((c) => c.formula === undefined)).toBe(true);
  const detail = cellsOf(snap, "评分明细").filter((c) => /^[A-Z]1$/.test(c.address));
  expect(detail.map((c) => c.value)).toEqual(DANGEROUS);
  expect(detail.every((c) => c.formula === undefined)).toBe(true);
});

test("Office host: dangerous text goes to Excel behind its text prefix", async () => {
  const data = fakeFromXlsx(SAMPLE);
  const ctx = data.context();
  const syncs = new Syncs(ctx);
  const state = await readFirst(ctx, syncs, []);
  expect((await writePlan(ctx, syncs, plan, state)).errors).toEqual([]);
  const written = data.writeLog.flatMap((w) => w.values.flat());
  for (const t of DANGEROUS) expect(written).toContain(`'${t}`);
  expect(written.some((v) => typeof v === "string" && /^[=+\-@]/.test(v))).toBe(false);
});

test.each([
  ["=1+1", "'=1+1"],
  ["+x", "'+x"],
  ["-x", "'-x"],
  ["@x", "'@x"],
  ["\tx", "'\tx"],
  ["良", "良"],
  ["1+1", "1+1"],
])("CSV output: csvSafe(%j) = %j", (s, want) => expect(csvSafe(s)).toBe(want));
