/**
 * Applying a WritePlan to a live workbook in ONE `context.sync()`, and undoing it when Excel
 * fails half-way (an Office batch is not a transaction: statements before a failing one stay).
 *
 * Order inside the batch (Excel runs a batch in order):
 *   1. cells of existing sheets, each column's contiguous cells as one 2-D `values` write
 *      (office-js#1046: per-cell writes of large plans hang);
 *   2. sheets the plan creates (added, then filled) or replaces;
 *   3. defined names — after the sheets they point at exist (a name added before its sheet would
 *      resolve against a missing sheet); an existing name is re-pointed through `formula`
 *      (keeps its comment and visibility), a new one added;
 *   4. in manual calculation mode, one recalculation, so formula totals over the scores are current.
 * Text goes in with Excel's quote prefix ("'"): Excel would otherwise turn "2024" into a number,
 * "2026-11-30 10:00" into a date serial and "=…" into a formula; the prefix is not part of the value.
 */
import type { CellData, CellWrite, DefinedNameData, NameWrite, SheetWrite, WritePlan } from "../../workbook/snapshot";
import { officeText } from "../../text/office";
import type { ScoreError } from "../../engine/types";
import { areaAddress, requireCell } from "../../workbook/address";
import { hostError } from "./errors";
import type { ApiSupport, RangeLike, WorkbookLike, WorksheetLike } from "./excelApi";
import { nameKey, TABLE_NAME, type ReadState } from "./read";

type Value = string | number | boolean | null;

/** A value as written through `Range.values`: numbers as numbers, text always as text. */
export function asExcelValue(v: string | number | boolean | null): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
}

export interface Run {
  sheet: string;
  /** A1 range of one column, top to bottom. */
  address: string;
  cells: CellWrite[];
  /** Set when the cells carry number formats (only cells the plan creates). */
  formats?: string[];
}

/** Groups plan cells into column runs: same sheet, same column, consecutive rows, same "has format". */
export function columnRuns(cells: readonly CellWrite[]): Run[] {
  const sorted = cells
    .map((c) => ({ c, p: requireCell(c.address) }))
    .sort((a, b) =>
      a.c.sheet !== b.c.sheet ? (a.c.sheet < b.c.sheet ? -1 : 1) : a.p.col - b.p.col || a.p.row - b.p.row,
    );
  const runs: Run[] = [];
  let cur: { sheet: string; col: number; start: number; last: number; fmt: boolean; cells: CellWrite[] } | undefined;
  const flush = () => {
    if (!cur) return;
    const run: Run = {
      sheet: cur.sheet,
      address: areaAddress({ top: cur.start, left: cur.col, bottom: cur.start + cur.cells.length - 1, right: cur.col }),
      cells: cur.cells,
    };
    if (cur.fmt) run.formats = cur.cells.map((c) => c.numberFormat ?? "General");
    runs.push(run);
  };
  for (const { c, p } of sorted) {
    const fmt = c.numberFormat !== undefined;
    if (cur && cur.sheet === c.sheet && cur.col === p.col && cur.last + 1 === p.row && cur.fmt === fmt) {
      cur.cells.push(c);
      cur.last = p.row;
    } else if (cur && cur.sheet === c.sheet && cur.col === p.col && cur.last === p.row) {
      // The same cell twice: the later write wins, as a cell-by-cell writer would do.
      cur.cells[cur.cells.length - 1] = c;
    } else {
      flush();
      cur = { sheet: c.sheet, col: p.col, start: p.row, last: p.row, fmt, cells: [c] };
    }
  }
  flush();
  return runs;
}

/**
 * The cells Excel is really given: a `keepFormula` write (a formula 综合评分) is left to Excel,
 * which recomputes it from the scores written around it.
 */
export function writtenCells(plan: WritePlan): CellWrite[] {
  return plan.cells.filter((c) => !c.keepFormula);
}

/** Refusals found in the read state: sheets that vanished, existing sheets the plan would replace while protected. */
export function checkWritable(plan: WritePlan, state: ReadState): ScoreError[] {
  const bySheet = new Map(state.sheets.map((s) => [s.name, s]));
  const errors: ScoreError[] = [];
  for (const sheet of new Set(writtenCells(plan).map((c) => c.sheet))) {
    if (bySheet.has(sheet) || plan.sheets.some((s) => s.sheet === sheet)) continue;
    errors.push(hostError("itemNotFound", officeText.itemNotFound(sheet), "ItemNotFound", sheet));
  }
  for (const s of plan.sheets) {
    if (bySheet.get(s.sheet)?.protected)
      errors.push(hostError("protected", officeText.protectedSheet(s.sheet), "AccessDenied", s.sheet));
  }
  return errors;
}

/** Cells on protected sheets whose lock state must be read before writing (one more sync). */
export function cellsToCheck(plan: WritePlan, state: ReadState): CellWrite[] {
  const locked = new Set(state.sheets.filter((s) => s.protected).map((s) => s.name));
  return writtenCells(plan).filter((c) => locked.has(c.sheet));
}

/**
 * Queues a read of `format.protection.locked` of each cell; after the sync, `finish()` lists the
 * locked ones (Excel refuses to write them on a protected sheet; unlocked ones are fine).
 */
export function queueLockCheck(wb: WorkbookLike, cells: CellWrite[]): { finish(): ScoreError[] } {
  const probes = cells.map((c) => ({
    c,
    range: wb.worksheets.getItem(c.sheet).getRange(c.address).load("format/protection/locked"),
  }));
  return {
    finish(): ScoreError[] {
      const bySheet = new Map<string, string[]>();
      for (const p of probes) {
        if (p.range.format.protection.locked === false) continue;
        bySheet.set(p.c.sheet, [...(bySheet.get(p.c.sheet) ?? []), p.c.address]);
      }
      return [...bySheet].map(([sheet, addresses]) =>
        hostError("protected", officeText.lockedCells(sheet, addresses), "AccessDenied", sheet),
      );
    },
  };
}

export interface WriteRecord {
  runs: Run[];
  createdSheets: string[];
  addedTableName: boolean;
  /** Names the write added (deleted again by a rollback). */
  addedNames: string[];
  /** Workbook-level names re-pointed, as they were (a rollback restores their formula). */
  replacedNames: DefinedNameData[];
  recalculated: boolean;
}

function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function absolute(address: string): string {
  return address
    .replace(/\$/g, "")
    .split(":")
    .map((a) => a.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** A name's formula for `names.add` / `NamedItem.formula`: always quoted, valid for every sheet name. */
export function nameFormula(n: { sheet: string; address: string }): string {
  return `=${quoteSheet(n.sheet)}!${absolute(n.address)}`;
}

export interface WriteOptions {
  /** The 评分表 the contract used: recorded as the workbook-level name when absent or different. */
  recordTable?: { sheet: string; address: string };
  /** ExcelApi sets beyond the manifest's minimum (data validation 1.8 is inside it; kept for tests). */
  support?: ApiSupport;
}

/**
 * Queues the whole plan (no sync). The 评分表 record is written when the workbook has none or a
 * broken/different one, so the next rescoring finds it in batch 1 (2 syncs instead of 3).
 */
export function queueWrite(
  wb: WorkbookLike,
  plan: WritePlan,
  state: ReadState,
  options: WriteOptions = {},
): WriteRecord {
  const support = options.support ?? (() => true);
  // 1. Cells of existing sheets.
  const existing = new Set(state.sheets.map((s) => s.name));
  const created = new Set(plan.sheets.filter((s) => !existing.has(s.sheet)).map((s) => s.sheet));
  const cells = writtenCells(plan);
  const runs = columnRuns(cells.filter((c) => !created.has(c.sheet)));
  for (const run of runs) {
    const range = wb.worksheets.getItem(run.sheet).getRange(run.address);
    if (run.formats) range.numberFormat = run.formats.map((f) => [f]);
    range.values = run.cells.map((c) => [asExcelValue(c.value)]);
  }

  // 2. Sheets to create or replace, then cells the plan puts on a sheet it creates.
  const createdSheets: string[] = [];
  for (const s of plan.sheets) {
    let ws: WorksheetLike;
    if (existing.has(s.sheet)) {
      ws = wb.worksheets.getItem(s.sheet);
      ws.getRange().clear();
    } else {
      ws = wb.worksheets.add(s.sheet);
      createdSheets.push(s.sheet);
    }
    fillSheet(ws, s, support);
  }
  for (const run of columnRuns(cells.filter((c) => created.has(c.sheet)))) {
    wb.worksheets.getItem(run.sheet).getRange(run.address).values = run.cells.map((c) => [asExcelValue(c.value)]);
  }

  // 3. Names, after every sheet they may point at exists.
  const nameWrites: NameWrite[] = [...(plan.names ?? [])];
  let addedTableName = false;
  const table = options.recordTable;
  if (table && !nameWrites.some((n) => n.name === TABLE_NAME)) {
    const same =
      state.tableName === "valid" &&
      state.table?.sheet === table.sheet &&
      state.table.address === table.address.replace(/\$/g, "").toUpperCase();
    if (!same) {
      nameWrites.push({ name: TABLE_NAME, sheet: table.sheet, address: table.address });
      addedTableName = true;
    }
  }
  const replacedNames: DefinedNameData[] = [];
  const addedNames: string[] = [];
  for (const n of nameWrites) {
    const old = state.names.get(nameKey(null, n.name));
    const exists = !!old || (n.name === TABLE_NAME && state.tableName !== "absent");
    if (exists) {
      wb.names.getItem(n.name).formula = nameFormula(n);
      if (old) replacedNames.push(old);
    } else {
      wb.names.add(n.name, nameFormula(n));
      addedNames.push(n.name);
    }
  }

  // 4. Manual calculation: formulas over the written scores would keep stale values.
  const recalculated = state.calculationMode === "Manual";
  if (recalculated) wb.application.calculate("Recalculate");
  return { runs, createdSheets, addedTableName, addedNames, replacedNames, recalculated };
}

/** Values, number formats and (ExcelApi 1.8) data validation of a sheet the plan creates. */
function fillSheet(ws: WorksheetLike, s: SheetWrite, support: ApiSupport): void {
  if (s.rows.length > 0) {
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    const rows = s.rows.map((r) => Array.from({ length: width }, (_, i) => asExcelValue(r[i] ?? null)));
    ws.getRange(areaAddress({ top: 1, left: 1, bottom: rows.length, right: width })).values = rows;
  }
  for (const f of s.formats ?? []) {
    const [a, b] = f.address.replace(/\$/g, "").split(":");
    const p = requireCell(a);
    const q = requireCell(b ?? a);
    ws.getRange(f.address).numberFormat = Array.from({ length: q.row - p.row + 1 }, () =>
      Array.from({ length: q.col - p.col + 1 }, () => f.numberFormat),
    );
  }
  if (!s.validations?.length || !support("1.8")) return;
  for (const v of s.validations) {
    const rule: Excel.DataValidationRule =
      v.type === "list"
        ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
        : {
            [v.type === "whole" ? "wholeNumber" : "decimal"]:
              v.max !== undefined
                ? { formula1: v.min ?? 0, formula2: v.max, operator: "Between" }
                : { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" },
          };
    ws.getRange(v.address).dataValidation.rule = rule;
  }
}

/** Original content of a cell as read: its formula, its text (as text), its number, or empty. */
function original(cell: CellData | undefined, fallback: Value): string | number | boolean {
  if (cell?.formula) return `=${cell.formula}`;
  return asExcelValue(cell ? cell.value : fallback);
}

/** Queues the undo of a failed write batch (one more sync, only on that path). */
export function queueRollback(wb: WorkbookLike, record: WriteRecord, state: ReadState): void {
  const cellsBySheet = new Map<string, Map<string, CellData>>();
  const remember = (sheet: string, c: CellData) => {
    const m = cellsBySheet.get(sheet) ?? new Map<string, CellData>();
    m.set(c.address, c);
    cellsBySheet.set(sheet, m);
  };
  for (const g of [...state.grids, ...(state.settings ? [state.settings] : [])])
    for (const c of g.cells) remember(g.sheet, c);
  for (const n of state.names.values()) if (n.sheet) for (const c of n.cells ?? []) remember(n.sheet, c);
  for (const run of record.runs) {
    const cells = cellsBySheet.get(run.sheet);
    const range: RangeLike = wb.worksheets.getItem(run.sheet).getRange(run.address);
    if (run.formats) range.numberFormat = run.cells.map((c) => [cells?.get(c.address)?.numberFormat ?? "General"]);
    range.values = run.cells.map((c) => [original(cells?.get(c.address), c.previous)]);
  }
  for (const n of record.addedNames) wb.names.getItemOrNullObject(n).delete();
  for (const n of record.replacedNames) wb.names.getItem(n.name).formula = `=${n.reference}`;
  for (const s of record.createdSheets) wb.worksheets.getItemOrNullObject(s).delete();
}
