/**
 * Undo of the last rescoring, kept IN the workbook (Excel's own undo does not cover add-in writes,
 * and pane state dies with the pane): the cells the last plan changed, with the value before and
 * the value written, live in a small block on the 评分设置 sheet:
 *
 *   上次评分记录 | 记录于 2026-11-23 16:50；…      title row (found by its text anywhere on the sheet)
 *   工作表 | 单元格 | 项目 | 原值 | 写入值 | 原公式  header row
 *   评分表 | F12    | budgetExecution | 5.66 | 5.96 |     data rows until the first blank row
 *
 * The record is written by the same plan as the scores (one write batch), so it can never
 * disagree with what was written. The contract's settings reader only looks for its own titles,
 * so this block is invisible to it. No host, no DOM: plain data in, plain data out.
 */
import type { CellData, CellScalar, CellWrite, SheetWrite, WorkbookSnapshot, WritePlan } from "./snapshot";
import { cellAddress, parseCell } from "./address";
import { SheetView } from "./grid";
import { DETAIL } from "../text/workbook";
import { SHEETS } from "../text/vocabulary";
import { UNDO } from "../text/undo";
import { UNDO_BLOCK } from "../text/vocabulary";
import { rescore, type RescoreOptions, type RescoreOutcome } from "./rescore";
import { withPlan } from "./plan-snapshot";
import { refused, type Planned } from "./planned";

/** CellWrite.role of the record's own cells (never counted as a score change). */
export const UNDO_ROLE = "undo";
/** CellWrite.role of the cells an undo restores. */
export const RESTORE_ROLE = "restore";

const WIDTH = UNDO_BLOCK.headers.length;

export interface UndoEntry {
  sheet: string;
  address: string;
  role: string;
  /** Value before the rescoring (what an undo writes back). */
  previous: CellScalar;
  /** Value the rescoring wrote (what the cell must still hold for an undo to proceed). */
  written: CellScalar;
  /** Formula the cell held before, without "=" (it cannot be restored as a formula). */
  formula?: string;
}

export interface UndoRecord {
  sheet: string;
  /** Title cell of the block. */
  row: number;
  col: number;
  /** The title row's note (when the record was made, or that it was undone). */
  note: string;
  entries: UndoEntry[];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Local time as finance staff write it: 2026-11-23 16:50. */
export function stamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function isBlank(v: CellScalar | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Same cell content as a user would judge it: numbers by value, text trimmed, empty = "". */
export function sameValue(a: CellScalar | undefined, b: CellScalar | undefined): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (isBlank(a) || isBlank(b)) return false;
  const na = typeof a === "number" ? a : typeof a === "string" && a.trim() !== "" ? Number(a) : NaN;
  const nb = typeof b === "number" ? b : typeof b === "string" && b.trim() !== "" ? Number(b) : NaN;
  if ((typeof a === "number" || typeof b === "number") && Number.isFinite(na) && Number.isFinite(nb)) {
    return Math.abs(na - nb) <= 1e-9 * Math.max(1, Math.abs(na), Math.abs(nb));
  }
  return String(a).trim() === String(b).trim();
}

/** A value as a record cell can hold it: booleans become Excel's words, text is formula-safe. */
function storable(v: CellScalar | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? v : v;
}

/** A record cell's value as it was before `storable` made it formula-safe. */
function unstored(v: CellScalar): CellScalar {
  return typeof v === "string" && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

function show(v: CellScalar | undefined): string {
  return isBlank(v) ? UNDO.empty : String(v);
}

/**
 * The current content of a cell as the snapshot has it: its CellData, null when the sheet exists
 * but the cell lies outside everything read (hosts read whole used ranges, so it is empty), or
 * undefined when the sheet does not exist.
 */
export function cellAt(snapshot: WorkbookSnapshot, sheet: string, address: string): CellData | null | undefined {
  const pos = parseCell(address);
  const grids = [...snapshot.grids, ...(snapshot.settings ? [snapshot.settings] : [])].filter((g) => g.sheet === sheet);
  if (pos) {
    for (const g of grids) {
      const c = new SheetView(g).cell(pos.row, pos.col);
      if (c) return c;
    }
  }
  for (const n of snapshot.names) {
    if (n.sheet !== sheet) continue;
    const c = n.cells?.find((x) => x.address === address);
    if (c) return c;
  }
  return snapshot.sheets.includes(sheet) ? null : undefined;
}

function titleOf(view: SheetView): { row: number; col: number } | undefined {
  return view.find(UNDO_BLOCK.title);
}

/** The record on 评分设置, or undefined when there is none. Entries may be empty (undone). */
export function readUndoRecord(snapshot: WorkbookSnapshot): UndoRecord | undefined {
  const grid = snapshot.settings;
  if (!grid) return undefined;
  const view = new SheetView(grid);
  const at = titleOf(view);
  if (!at) return undefined;
  const value = (r: number, i: number): CellScalar => view.cell(r, at.col + i)?.value ?? null;
  const entries: UndoEntry[] = [];
  for (let r = at.row + 2; r <= view.bottom; r++) {
    const sheet = value(r, 0);
    const address = value(r, 1);
    if (isBlank(sheet) && isBlank(address)) break;
    if (typeof sheet !== "string" || typeof address !== "string" || !parseCell(address)) continue;
    const entry: UndoEntry = {
      sheet,
      address: address.trim().toUpperCase(),
      role: String(value(r, 2) ?? ""),
      previous: unstored(value(r, 3)),
      written: unstored(value(r, 4)),
    };
    const formula = value(r, 5);
    if (typeof formula === "string" && formula.trim() !== "") entry.formula = formula.trim();
    entries.push(entry);
  }
  const note = value(at.row, 1);
  return { sheet: grid.sheet, row: at.row, col: at.col, note: typeof note === "string" ? note : "", entries };
}

/** The cells a plan really changes (value differs from the one before), last write winning. */
function changedCells(plan: WritePlan): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const c of plan.cells) {
    if (c.role === UNDO_ROLE) continue;
    const key = `${c.sheet}!${c.address}`;
    const first = byCell.get(key);
    byCell.set(key, first ? { ...c, previous: first.previous } : c);
  }
  return Array.from(byCell.values()).filter((c) => !sameValue(c.value, c.previous));
}

interface Placement {
  sheet: string;
  row: number;
  col: number;
  /** Rows of an old record (data rows) that the new one must clear beyond its own length. */
  oldRows: number;
  view?: SheetView | undefined;
}

function placement(snapshot: WorkbookSnapshot): Placement | undefined {
  const grid = snapshot.settings;
  if (!grid) {
    if (!snapshot.sheets.includes(SHEETS.settings)) return undefined;
    return { sheet: SHEETS.settings, row: 1, col: 1, oldRows: 0 };
  }
  const view = new SheetView(grid);
  const record = readUndoRecord(snapshot);
  if (record) {
    let rows = 0;
    for (let r = record.row + 2; r <= view.bottom; r++, rows++) {
      const blank = Array.from({ length: WIDTH }, (_, i) => view.cell(r, record.col + i)?.value ?? null).every(isBlank);
      if (blank) break;
    }
    return { sheet: grid.sheet, row: record.row, col: record.col, oldRows: rows, view };
  }
  // Below everything on the sheet, after one blank row, in its first column.
  return { sheet: grid.sheet, row: view.bottom + 2, col: 1, oldRows: 0, view };
}

function rowsOf(entries: UndoEntry[], note: string): (string | number | null)[][] {
  return [
    [UNDO_BLOCK.title, note],
    [...UNDO_BLOCK.headers],
    ...entries.map((e) => [e.sheet, e.address, e.role, storable(e.previous), storable(e.written), e.formula ?? null]),
  ];
}

/** Cell writes that put `rows` at the placement, clearing old data rows the new rows do not cover. */
function blockWrites(p: Placement, rows: (string | number | null)[][]): CellWrite[] {
  const out: CellWrite[] = [];
  const total = Math.max(rows.length, 2 + p.oldRows);
  for (let r = 0; r < total; r++) {
    for (let i = 0; i < WIDTH; i++) {
      const address = cellAddress(p.row + r, p.col + i);
      const before = p.view?.cell(p.row + r, p.col + i);
      const value = rows[r]?.[i] ?? null;
      const previous = before?.value ?? null;
      // Only cells that change: keeps the write batch small and the plan honest.
      if (sameValue(value, previous) && typeof value === typeof previous) continue;
      if (value === null && isBlank(previous) && !before?.formula) continue;
      out.push({ sheet: p.sheet, address, value, previous, role: UNDO_ROLE });
    }
  }
  return out;
}

/**
 * The writes that record `plan` as the last rescoring: cells on 评分设置 (or, when the workbook
 * has no 评分设置 sheet, that sheet created with the block). Empty when the plan changes no cell
 * (nothing to undo then; an older record stays valid since its written values still stand).
 */
export interface UndoRecordOptions {
  now?: Date | undefined;
  /** Readable text for the 项目 column (e.g. the 三级指标 name for an indicator id); default the role. */
  label?: (role: string) => string | undefined;
}

export function undoRecordPlan(
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  options: UndoRecordOptions = {},
): WritePlan {
  const now = options.now ?? new Date();
  const changed = changedCells(plan);
  if (changed.length === 0) return { cells: [], sheets: [] };
  const entries: UndoEntry[] = changed.map((c) => {
    const role = options.label?.(c.role) ?? c.role;
    const e: UndoEntry = { sheet: c.sheet, address: c.address, role, previous: c.previous, written: c.value };
    const cell = cellAt(snapshot, c.sheet, c.address);
    if (cell?.formula) e.formula = cell.formula;
    return e;
  });
  const rows = rowsOf(entries, UNDO.note(stamp(now)));
  const p = placement(snapshot);
  if (p) return { cells: blockWrites(p, rows), sheets: [] };
  // No 评分设置 sheet: the plan may create it itself (then the block goes under its rows).
  const created = plan.sheets.find((s) => s.sheet === SHEETS.settings);
  if (created) {
    return { cells: [], sheets: [{ sheet: created.sheet, rows: [...created.rows, [], ...rows] }] };
  }
  return { cells: [], sheets: [{ sheet: SHEETS.settings, rows }] };
}

/** The rescoring plan with its undo record appended: one plan, one write batch. */
export function withUndoRecord(
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  options: UndoRecordOptions = {},
): WritePlan {
  const record = undoRecordPlan(plan, snapshot, options);
  const replaced = new Set(record.sheets.map((s) => s.sheet));
  const sheets: SheetWrite[] = [...plan.sheets.filter((s) => !replaced.has(s.sheet)), ...record.sheets];
  const out: WritePlan = { cells: [...plan.cells, ...record.cells], sheets };
  if (plan.names) out.names = plan.names;
  return out;
}

export type UndoOutcome = Planned<{
  /** How many cells go back to their previous value. */
  restored: number;
  /** Cells that held a formula before the rescoring ("评分表!F27"); restored as values. */
  formulaCells: string[];
}>;

/**
 * The plan that undoes the last rescoring: each recorded cell back to its previous value, and the
 * record emptied (so the same rescoring cannot be undone twice). Refuses, writing nothing, when any
 * recorded cell no longer holds what the rescoring wrote: the user edited it since, and an undo
 * would silently destroy that edit.
 */
export function undoPlan(snapshot: WorkbookSnapshot, now: Date = new Date()): UndoOutcome {
  const record = readUndoRecord(snapshot);
  if (!record || record.entries.length === 0) return refused(UNDO.noRecord);
  const edited: string[] = [];
  const cells: CellWrite[] = [];
  for (const e of record.entries) {
    const where = `${e.sheet}!${e.address}`;
    const current = cellAt(snapshot, e.sheet, e.address);
    if (current === undefined) {
      edited.push(UNDO.missingSheet(e.sheet));
      continue;
    }
    const held = current?.error ?? current?.value ?? null;
    // A formula the rescoring kept (a formula 综合评分) still stands: only its value goes back.
    const kept = !!current?.formula && current.formula === e.formula;
    if ((current?.formula && !kept) || !sameValue(held, e.written)) {
      edited.push(UNDO.editedCell(where, current?.formula ? `=${current.formula}` : show(held), show(e.written)));
      continue;
    }
    const w: CellWrite = {
      sheet: e.sheet,
      address: e.address,
      value: storable(e.previous),
      previous: held,
      role: RESTORE_ROLE,
    };
    if (kept) w.keepFormula = true;
    cells.push(w);
  }
  if (edited.length > 0) return refused(UNDO.edited(Array.from(new Set(edited))));
  const view = snapshot.settings ? new SheetView(snapshot.settings) : undefined;
  const p: Placement = { sheet: record.sheet, row: record.row, col: record.col, oldRows: record.entries.length, view };
  const rows = [[UNDO_BLOCK.title, UNDO.noteUndone(stamp(now))], [...UNDO_BLOCK.headers]];
  return {
    ok: true,
    plan: { cells: [...cells, ...blockWrites(p, rows)], sheets: [] },
    restored: cells.length,
    // Cells whose formula the rescoring replaced come back as values.
    formulaCells: record.entries
      .filter((e) => e.formula && !cells.some((c) => c.keepFormula && c.sheet === e.sheet && c.address === e.address))
      .map((e) => `${e.sheet}!${e.address}`),
  };
}

/** Readable 项目 for the undo record: the 三级指标 name, 综合评分, 评分等级. */
function labeller(outcome: RescoreOutcome): (role: string) => string | undefined {
  const names = new Map(outcome.result.indicators.map((i) => [i.id, i.name]));
  return (role) =>
    names.get(role) ?? (role === "total" ? DETAIL.totalRow : role === "grade" ? DETAIL.gradeRow : undefined);
}

/**
 * A rescoring whose plan also records what it overwrites, so 撤销本次评分 works after the ribbon
 * button and the pane alike; the record goes in the same single write batch.
 */
export function rescoreWithUndo(snapshot: WorkbookSnapshot, options: RescoreOptions = {}): RescoreOutcome {
  const out = rescore(snapshot, options);
  if (out.errors.length) return out;
  return { ...out, plan: withUndoRecord(out.plan, snapshot, { now: options.now, label: labeller(out) }) };
}

/** Two plans as one batch: later writes to a cell win, the first `previous` is kept. */
export function mergePlans(first: WritePlan, second: WritePlan): WritePlan {
  const byCell = new Map<string, CellWrite>();
  for (const c of [...first.cells, ...second.cells]) {
    const key = `${c.sheet}!${c.address}`;
    const before = byCell.get(key);
    byCell.set(key, before ? { ...c, previous: before.previous } : c);
  }
  const sheets = [...first.sheets.filter((s) => !second.sheets.some((t) => t.sheet === s.sheet)), ...second.sheets];
  const out: WritePlan = { cells: [...byCell.values()], sheets };
  const names = [...(first.names ?? []), ...(second.names ?? [])];
  if (names.length) out.names = names;
  return out;
}

export interface EditOutcome {
  /** The rescoring of the workbook as the edit leaves it. */
  outcome: RescoreOutcome;
  /** What to write: the edit, and, when the rescoring has no error, its scores and one undo record. */
  plan: WritePlan;
  /** Whether the plan carries the rescoring (false: the edit alone, the errors stand). */
  rescored: boolean;
}

/**
 * An edit made through the pane (a judged item, a binding, a setting) and the rescoring it calls
 * for, as ONE plan: the scores never lag behind the inputs, and one undo record covers both (undo
 * puts the edit back with the scores). When the rescoring still has errors (inputs not filled yet),
 * only the edit is written and the errors are the outcome.
 */
export function rescoreAfterEdit(
  snapshot: WorkbookSnapshot,
  edit: WritePlan,
  options: RescoreOptions = {},
): EditOutcome {
  const after = withPlan(snapshot, edit);
  const out = rescore(after, options);
  if (out.errors.length) return { outcome: out, plan: edit, rescored: false };
  const plan = withUndoRecord(mergePlans(edit, out.plan), after, { now: options.now, label: labeller(out) });
  return { outcome: { ...out, plan }, plan, rescored: true };
}
