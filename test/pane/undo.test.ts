/**
 * Undo of the last rescoring (src/workbook/undo.ts) over the real sample workbooks: the record is
 * written in the same plan as the scores, survives in the file, restores exactly the changed cells,
 * refuses when a cell was edited since, and never leaves a stale tail of an older record.
 */
import { readXlsx } from "../../src/hosts/xlsx";
import { rescore } from "../../src/workbook/rescore";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import {
  readUndoRecord,
  sameValue,
  undoPlan,
  undoRecordPlan,
  UNDO_ROLE,
  withUndoRecord,
} from "../../src/workbook/undo";
import { UNDO } from "../../src/text/undo";
import { UNDO_BLOCK } from "../../src/text/vocabulary";
import { bad, NOW, score, SEED_000, SEED_004, valueAt, write } from "./helpers";

function rescoreAndRecord(bytes: Uint8Array) {
  const snapshot = readXlsx(bytes);
  const outcome = rescore(snapshot, { now: NOW });
  const plan = withUndoRecord(outcome.plan, snapshot, { now: NOW });
  return { outcome, plan, bytes: write(bytes, plan) };
}

describe("recording the last rescoring", () => {
  test("seed 004: the two changed cells are recorded in the same plan, on 评分设置", () => {
    const { bytes, snapshot, outcome } = score(SEED_004);
    expect(outcome.errors).toEqual([]);
    const plan = withUndoRecord(outcome.plan, snapshot, {
      now: NOW,
      label: (r) => (r === "budgetExecution" ? "预算执行率" : undefined),
    });
    // The scores are still first; the record follows in the same single plan.
    expect(plan.cells.slice(0, outcome.plan.cells.length)).toEqual(outcome.plan.cells);
    const record = plan.cells.filter((c) => c.role === UNDO_ROLE);
    expect(record.length).toBeGreaterThan(0);
    expect(new Set(record.map((c) => c.sheet))).toEqual(new Set(["评分设置"]));

    const after = readUndoRecord(readXlsx(write(bytes, plan)))!;
    expect(after.note).toBe(UNDO.note("2026-11-23 17:05"));
    expect(after.entries).toEqual([
      { sheet: "评分表", address: "I20", role: "预算执行率", previous: 5.66, written: 5.96 },
      { sheet: "评分表", address: "I26", role: "total", previous: 89.16, written: 89.46 },
    ]);
  });

  test("the block sits under everything on 评分设置 after one blank row, and the contract ignores it", () => {
    const { bytes } = score(SEED_004);
    const before = readXlsx(bytes).settings!;
    const lastRow = Number(/\d+$/.exec(before.area.split(":")[1])![0]);
    const once = rescoreAndRecord(bytes);
    const record = readUndoRecord(readXlsx(once.bytes))!;
    expect(record.row).toBe(lastRow + 2);
    expect(record.col).toBe(1);
    // Rescoring the recorded workbook: no settings error, nothing changes any more.
    const again = rescore(readXlsx(once.bytes), { now: NOW });
    expect(again.errors).toEqual([]);
    expect(again.result.differences).toEqual([]);
  });

  test("a rescoring that changes nothing adds no record cells (the older record stays valid)", () => {
    const once = rescoreAndRecord(score(SEED_004).bytes);
    const snap = readXlsx(once.bytes);
    const again = rescore(snap, { now: NOW });
    expect(undoRecordPlan(again.plan, snap, { now: NOW })).toEqual({ cells: [], sheets: [] });
    expect(readUndoRecord(snap)!.entries).toHaveLength(2);
  });

  test("a shorter record clears the tail of the older one", () => {
    const once = rescoreAndRecord(score(SEED_000).bytes);
    expect(readUndoRecord(readXlsx(once.bytes))!.entries).toHaveLength(4); // total, grade, two labels
    // The clerk types an old value back into one score; rescoring changes only that cell.
    const snap = readXlsx(once.bytes);
    const row = rescore(snap, { now: NOW }).plan; // empty: nothing differs
    expect(row.cells).toEqual([]);
    const edited = write(once.bytes, {
      cells: [{ sheet: "指标评分表", address: "I5", value: 1, previous: null, role: "edit" }],
      sheets: [],
    });
    const twice = rescoreAndRecord(edited);
    const record = readUndoRecord(readXlsx(twice.bytes))!;
    expect(record.entries).toEqual([
      { sheet: "指标评分表", address: "I5", role: expect.any(String), previous: 1, written: expect.any(Number) },
    ]);
    // Rows of the older record under the new one are empty now.
    expect(valueAt(twice.bytes, "评分设置", `A${record.row + 3}`)).toBeNull();
    expect(valueAt(twice.bytes, "评分设置", `E${record.row + 5}`)).toBeNull();
  });

  test("no 评分设置 sheet: the record creates it", () => {
    const { snapshot, outcome } = score(SEED_004);
    const without: WorkbookSnapshot = { ...snapshot, sheets: snapshot.sheets.filter((s) => s !== "评分设置") };
    delete without.settings;
    const plan = undoRecordPlan(outcome.plan, without, { now: NOW });
    expect(plan.cells).toEqual([]);
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0].sheet).toBe("评分设置");
    expect(plan.sheets[0].rows[0][0]).toBe(UNDO_BLOCK.title);
    expect(plan.sheets[0].rows.slice(2).map((r) => r[1])).toEqual(["I20", "I26"]);
  });

  test("errors: the contract's plan is empty and so is the record", () => {
    const { snapshot, outcome } = score(bad("div0"));
    expect(outcome.errors.length).toBeGreaterThan(0);
    expect(outcome.plan).toEqual({ cells: [], sheets: [] });
    expect(withUndoRecord(outcome.plan, snapshot, { now: NOW })).toEqual({ cells: [], sheets: [] });
  });

  test("a cell that held a formula is recorded with it", () => {
    const { snapshot, outcome } = score(SEED_004);
    const grid = snapshot.grids.find((g) => g.sheet === "评分表")!;
    const total = grid.cells.find((c) => c.address === "I26")!;
    total.formula = "SUM(I3:I25)";
    const plan = undoRecordPlan(outcome.plan, snapshot, { now: NOW });
    expect(plan.cells.some((c) => c.value === "SUM(I3:I25)")).toBe(true);
  });
});

describe("undoing", () => {
  test("restores exactly the previous values and empties the record", () => {
    const original = score(SEED_004).bytes;
    const once = rescoreAndRecord(original);
    expect(valueAt(once.bytes, "评分表", "I20")).toBe(5.96);
    const u = undoPlan(readXlsx(once.bytes), NOW);
    if (!u.ok) throw new Error(u.message);
    expect(u.restored).toBe(2);
    expect(u.formulaCells).toEqual([]);
    expect(u.plan.cells.filter((c) => c.role === "restore")).toEqual([
      { sheet: "评分表", address: "I20", value: 5.66, previous: 5.96, role: "restore" },
      { sheet: "评分表", address: "I26", value: 89.16, previous: 89.46, role: "restore" },
    ]);
    const undone = write(once.bytes, u.plan);
    expect(valueAt(undone, "评分表", "I20")).toBe(5.66);
    expect(valueAt(undone, "评分表", "I26")).toBe(89.16);
    // Every cell of the score table is back as it was before the rescoring.
    const table = (b: Uint8Array) =>
      readXlsx(b)
        .grids.find((g) => g.sheet === "评分表")!
        .cells.map((c) => [c.address, c.value]);
    expect(table(undone)).toEqual(table(original));
    // The same rescoring cannot be undone twice.
    const second = undoPlan(readXlsx(undone), NOW);
    expect(second).toEqual({ ok: false, message: UNDO.noRecord });
    expect(readUndoRecord(readXlsx(undone))!.note).toBe(UNDO.noteUndone("2026-11-23 17:05"));
  });

  test("seed 000: the added total / grade rows are emptied again", () => {
    const original = score(SEED_000).bytes;
    const once = rescoreAndRecord(original);
    expect(valueAt(once.bytes, "指标评分表", "A26")).toBe("综合评分");
    const u = undoPlan(readXlsx(once.bytes), NOW);
    if (!u.ok) throw new Error(u.message);
    const undone = write(once.bytes, u.plan);
    for (const a of ["A26", "A27", "I26", "I27"]) expect(valueAt(undone, "指标评分表", a)).toBeNull();
    expect(rescore(readXlsx(undone), { now: NOW }).summary).toBe(rescore(readXlsx(original), { now: NOW }).summary);
  });

  test("refuses, naming the cell, when a recorded cell was edited since", () => {
    const once = rescoreAndRecord(score(SEED_004).bytes);
    const edited = write(once.bytes, {
      cells: [{ sheet: "评分表", address: "I20", value: 6, previous: 5.96, role: "edit" }],
      sheets: [],
    });
    const u = undoPlan(readXlsx(edited), NOW);
    expect(!u.ok && u.message).toBe(UNDO.edited([UNDO.editedCell("评分表!I20", "6", "5.96")]));
    expect(u).not.toHaveProperty("plan");
  });

  test("no record at all", () => {
    expect(undoPlan(score(SEED_004).snapshot, NOW)).toEqual({ ok: false, message: UNDO.noRecord });
  });
});

test("sameValue: numbers by value, text trimmed, empty cells alike", () => {
  expect(sameValue(5.96, 5.96)).toBe(true);
  expect(sameValue(5.96, "5.96")).toBe(true);
  expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
  expect(sameValue(null, "")).toBe(true);
  expect(sameValue("良 ", "良")).toBe(true);
  expect(sameValue(0, null)).toBe(false);
  expect(sameValue(5.96, 5.97)).toBe(false);
  expect(sameValue("优", "良")).toBe(false);
});
