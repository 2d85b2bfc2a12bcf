/**
 * Applying a WritePlan to a live workbook in ONE `context.sync()`.
 *
 * - Contiguous cells of one column become one 2-D `values` write (office-js#1046: per-cell writes
 *   of large plans hang); numbers stay JS numbers; text is neutralised against formula injection
 *   again here, because `Range.values` turns any string starting with "=" / "+" / "-" into a formula.
 * - Protected target sheets are refused before anything is queued (an Office batch is not a
 *   transaction: statements before a failing one stay applied).
 * - Score-table cells are queued first, so an unexpected failure (e.g. protection switched on
 *   between read and write) hits the first statement and nothing is applied; if a later statement
 *   fails, `queueRollback` restores the original content read in batch 1 (formulas included).
 */
import type { CellData, CellWrite, DefinedNameData, NameWrite, SheetWrite, WritePlan } from "../../workbook/snapshot";
import { officeText } from "../../text/office";
import type { ScoreError } from "../../engine/types";
import { areaAddress, requireCell } from "../../workbook/address";
import { hostError } from "./errors";
import type { ApiSupport, WorkbookLike, WorksheetLike } from "./excelApi";
import { nameKey, TABLE_NAME, type ReadState } from "./read";

type Value = string | number | boolean | null;

/** Text that Excel would read as a formula gets Excel's own text prefix "'" (not stored in the cell). */
export function formulaSafe(v: string | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
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

/** Sheets the plan writes into that exist now (new sheets cannot be protected yet). */
export function sheetsToWrite(plan: WritePlan, state: ReadState): string[] {
  const existing = new Set(state.sheets.map((s) => s.name));
  const out = new Set<string>();
  for (const c of plan.cells) out.add(c.sheet);
  for (const s of plan.sheets) if (existing.has(s.sheet)) out.add(s.sheet);
  return Array.from(out);
}

/** Refusals found in the read state: protected sheets, sheets that vanished. */
export function checkWritable(plan: WritePlan, state: ReadState): ScoreError[] {
  const bySheet = new Map(state.sheets.map((s) => [s.name, s]));
  const errors: ScoreError[] = [];
  for (const sheet of sheetsToWrite(plan, state)) {
    const info = bySheet.get(sheet);
    if (!info) errors.push(hostError("itemNotFound", officeText.itemNotFound(sheet), "ItemNotFound", sheet));
    else if (info.protected) errors.push(hostError("protected", officeText.protectedSheet(sheet), "AccessDenied", sheet));
  }
  return errors;
}

export interface WriteRecord {
  runs: Run[];
  createdSheets: string[];
  addedTableName: boolean;
  addedNames: string[];
  /** Workbook-level names deleted to be re-pointed, as they were (for the rollback). */
  replacedNames: DefinedNameData[];
}

/**
 * Queues the whole plan (no sync). `recordTable`: the 评分表 the contract used; written as a
 * workbook-level name when the workbook has none or a broken/different one, so the next
 * rescoring finds it in batch 1 (2 syncs instead of 3).
 */
export function queueWrite(
  wb: WorkbookLike,
  plan: WritePlan,
  state: ReadState,
  recordTable?: { sheet: string; address: string },
  /** Which ExcelApi sets may be used: data validation of new sheets needs 1.8, else it is skipped. */
  support: ApiSupport = () => false,
): WriteRecord {
  const runs = columnRuns(plan.cells);
  for (const run of runs) {
    const range = wb.worksheets.getItem(run.sheet).getRange(run.address);
    if (run.formats) range.numberFormat = run.formats.map((f) => [f]);
    range.values = run.cells.map((c) => [formulaSafe(c.value)]);
  }

  // Names: the plan's own (binding inputs) plus the 评分表 record. A name that exists is deleted
  // and added again in the same batch (NamedItem has no settable reference in ExcelApi 1.4).
  const nameWrites: NameWrite[] = [...(plan.names ?? [])];
  let addedTableName = false;
  if (recordTable && !nameWrites.some((n) => n.name === TABLE_NAME)) {
    const same =
      state.tableName === "valid" &&
      state.table?.sheet === recordTable.sheet &&
      state.table.address === recordTable.address.replace(/\$/g, "").toUpperCase();
    if (!same) {
      nameWrites.push({ name: TABLE_NAME, sheet: recordTable.sheet, address: recordTable.address });
      addedTableName = true;
    }
  }
  const replacedNames: DefinedNameData[] = [];
  for (const n of nameWrites) {
    const old = state.names.get(nameKey(null, n.name));
    if (old || (n.name === TABLE_NAME && state.tableName !== "absent")) {
      wb.names.getItemOrNullObject(n.name).delete();
      if (old) replacedNames.push(old);
    }
    wb.names.add(n.name, `=${quoteSheet(n.sheet)}!${absolute(n.address)}`);
  }

  const existing = new Set(state.sheets.map((s) => s.name));
  const createdSheets: string[] = [];
  for (const s of plan.sheets) {
    let ws;
    if (existing.has(s.sheet)) {
      ws = wb.worksheets.getItem(s.sheet);
      ws.getRange().clear();
    } else {
      ws = wb.worksheets.add(s.sheet);
      createdSheets.push(s.sheet);
    }
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    if (s.rows.length === 0) continue;
    const rows = s.rows.map((r) => Array.from({ length: width }, (_, i) => formulaSafe(r[i] ?? null)));
    ws.getRange(areaAddress({ top: 1, left: 1, bottom: rows.length, right: width })).values = rows;
    queueSheetExtras(ws, s, support);
  }
  return { runs, createdSheets, addedTableName, addedNames: nameWrites.map((n) => n.name), replacedNames };
}

/** Number formats and (ExcelApi 1.8) data validation of a sheet the plan creates. */
function queueSheetExtras(ws: WorksheetLike, s: SheetWrite, support: ApiSupport): void {
  for (const f of s.formats ?? []) {
    const [a, b] = f.address.replace(/\$/g, "").split(":");
    const p = requireCell(a);
    const q = requireCell(b ?? a);
    const rows = q.row - p.row + 1;
    const cols = q.col - p.col + 1;
    ws.getRange(f.address).numberFormat = Array.from({ length: rows }, () => Array.from({ length: cols }, () => f.numberFormat));
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

/**
 * A sheet name in a reference given to Excel: quoted whenever it is not plain ASCII, which is
 * valid for every name (Excel stores the reference in its own form anyway). The .xlsx host writes
 * Excel's own form instead (workbook/address quoteSheet), as the file is what is stored.
 */
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

/** Original content of a cell as read in batch 1: formula, text made safe, number, or empty. */
function original(cell: CellData | undefined, fallback: Value): string | number | boolean {
  if (cell?.formula) return `=${cell.formula}`;
  const v = cell ? cell.value : fallback;
  if (v === null) return "";
  if (typeof v === "string") return formulaSafe(v);
  return v;
}

/** Queues the undo of a failed write batch (one more sync, only on that path). */
export function queueRollback(wb: WorkbookLike, record: WriteRecord, state: ReadState): void {
  const cellsBySheet = new Map<string, Map<string, CellData>>();
  for (const g of state.grids) {
    const m = cellsBySheet.get(g.sheet) ?? new Map<string, CellData>();
    for (const row of g.rows) for (const c of row) m.set(c.address, c);
    cellsBySheet.set(g.sheet, m);
  }
  for (const run of record.runs) {
    const cells = cellsBySheet.get(run.sheet);
    const range = wb.worksheets.getItem(run.sheet).getRange(run.address);
    if (run.formats) range.numberFormat = run.cells.map((c) => [cells?.get(c.address)?.numberFormat ?? "General"]);
    range.values = run.cells.map((c) => [original(cells?.get(c.address), c.previous)]);
  }
  for (const n of record.addedNames) wb.names.getItemOrNullObject(n).delete();
  for (const n of record.replacedNames) wb.names.add(n.name, `=${n.reference}`);
  for (const s of record.createdSheets) wb.worksheets.getItemOrNullObject(s).delete();
}
