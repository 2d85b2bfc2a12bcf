/**
 * Reading a live workbook into a WorkbookSnapshot in as few `context.sync()` calls as possible.
 *
 * Batch 1 (always, one sync) is speculative: it queues, without knowing what exists,
 *   - the sheet list with each sheet's protection (needed to refuse writes before writing),
 *   - the workbook-level name list (name/type/value),
 *   - `names.getItemOrNullObject(n).getRangeOrNullObject()` for every name the contract may need
 *     (null objects cost nothing when a name is absent; isNullObject is loaded by the sync),
 *   - the 评分表 through its defined name, plus the two rows under it (where a missing 综合评分 /
 *     评分等级 row may be added),
 *   - the used range of the 评分设置 sheet.
 * Batch 2 (one more sync, only on a first run or when batch 1 left something unexplained) scans
 * every sheet's used range, lists every sheet's own names and looks up still-missing names there
 * (workbook.names does not list worksheet-scoped names), and reads ranges of names the user
 * mapped in 评分设置 that batch 1 could not guess.
 */
import type { CellData, CellScalar, DefinedNameData, GridData, WorkbookSnapshot } from "../../workbook/snapshot";
import { cellAddress, parseArea, splitAddress } from "../../workbook/address";
import { NAMES, SHEETS } from "../../text/workbook";
import type { ApiSupport, NamedItemLike, RangeAreasLike, RangeLike, WorkbookLike } from "./excelApi";

/** The contract's names, re-exported for the host's batches. */
export const TABLE_NAME = NAMES.table;
export const SETTINGS_SHEET = SHEETS.settings;

const RANGE_PROPS = ["address", "values", "text", "numberFormat", "formulas", "valueTypes"];
/** Collections are loaded with the item properties directly (no "items/" prefix), as the docs advise. */
const NAME_PROPS = "name,type,value,visible";
const SHEET_NAME_PROPS = "name,type,value,scope";

export interface SheetInfo {
  name: string;
  protected: boolean;
}

export type TableNameState = "absent" | "valid" | "invalid";

/** Everything the host learnt, the snapshot plus what the writer needs. */
export interface ReadState {
  sheets: SheetInfo[];
  /** Keyed by `${scope ?? ""}\u0000${name}`. */
  names: Map<string, DefinedNameData>;
  grids: GridData[];
  settings?: GridData;
  tableName: TableNameState;
  /** Target of a valid `评分表` name. */
  table?: { sheet: string; address: string };
  /** Whether batch 2 (the scan) ran. */
  scanned: boolean;
}

interface RangeProbe {
  range: RangeLike;
  merges?: RangeAreasLike;
}

interface NameProbe {
  name: string;
  /** Sheet whose `names` collection was asked; undefined for workbook.names. */
  sheet?: string;
  item: NamedItemLike;
  range: RangeLike;
}

export function nameKey(scope: string | null, name: string): string {
  return `${scope ?? ""}\u0000${name}`;
}

function queueRange(range: RangeLike, support: ApiSupport): RangeProbe {
  range.load(RANGE_PROPS);
  // Merged areas need ExcelApi 1.13; without them the snapshot just has no merges.
  const merges = support("1.13") ? range.getMergedAreasOrNullObject().load("address") : undefined;
  return { range, merges };
}

function toScalar(v: unknown): CellScalar {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Cells of a loaded range, row-major, with their sheet and address. */
function readRange(range: RangeLike): { sheet: string; address: string; rows: CellData[][] } | undefined {
  const where = splitAddress(range.address);
  if (!where) return undefined;
  const origin = parseArea(where.address)!; // splitAddress checked the shape
  const values = range.values;
  const rows: CellData[][] = values.map((row, r) =>
    row.map((v, c): CellData => {
      const address = cellAddress(origin.top + r, origin.left + c);
      const type = range.valueTypes[r]?.[c];
      const formula = range.formulas[r]?.[c];
      const cell: CellData = { address, value: toScalar(v) };
      const text = range.text[r]?.[c];
      if (text !== undefined) cell.text = text;
      const fmt = range.numberFormat[r]?.[c];
      if (typeof fmt === "string") cell.numberFormat = fmt;
      if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula.slice(1);
      if (type === "Error") {
        cell.error = String(v);
        cell.value = null;
      }
      return cell;
    }),
  );
  return { sheet: where.sheet, address: where.address, rows };
}

function mergesOf(probe: RangeProbe): string[] {
  if (!probe.merges || probe.merges.isNullObject) return [];
  return probe.merges.address
    .split(",")
    .map((a) => splitAddress(a)?.address)
    .filter((a): a is string => !!a);
}

function gridOf(probe: RangeProbe, extraRows?: RangeLike): GridData | undefined {
  const read = readRange(probe.range);
  if (!read) return undefined;
  let rows = read.rows;
  if (extraRows && !extraRows.isNullObject) {
    const below = readRange(extraRows);
    if (below) rows = rows.concat(below.rows);
  }
  const area = parseArea(read.address)!;
  return { sheet: read.sheet, origin: cellAddress(area.top, area.left), rows, merges: mergesOf(probe) };
}

function reference(value: unknown): string {
  return String(value ?? "").replace(/^=/, "");
}

function nameProbe(name: string, item: NamedItemLike, sheet?: string): NameProbe {
  const range = item.getRangeOrNullObject();
  range.load(RANGE_PROPS);
  return { name, sheet, item, range };
}

/** Fills sheet/address/cells of a name from its probed range. */
function applyProbe(state: ReadState, p: NameProbe): void {
  if (p.item.isNullObject) return;
  let scope: string | null = null;
  if (p.sheet !== undefined) {
    // worksheet.names also lists workbook-level names (office-js#1011): keep only the sheet's own.
    if (p.item.scope !== "Worksheet") return;
    scope = p.sheet;
  }
  const key = nameKey(scope, p.name);
  let entry = state.names.get(key);
  if (!entry) {
    const ref = p.sheet !== undefined ? reference(p.item.value) : p.range.isNullObject ? "" : p.range.address;
    entry = { name: p.name, scope, reference: ref };
    state.names.set(key, entry);
  }
  if (p.range.isNullObject) return;
  const read = readRange(p.range);
  if (!read) return;
  entry.sheet = read.sheet;
  entry.address = read.address;
  entry.cells = read.rows.flat();
}

export interface FirstRead {
  finish(): ReadState;
}

/** Queues batch 1; call `finish()` after one `context.sync()`. */
export function queueFirstRead(wb: WorkbookLike, wanted: readonly string[], support: ApiSupport): FirstRead {
  const sheets = wb.worksheets.load("name,protection/protected");
  const names = wb.names.load(NAME_PROPS);
  const unique = Array.from(new Set([TABLE_NAME, ...wanted]));
  const probes = unique.map((n) => nameProbe(n, wb.names.getItemOrNullObject(n)));
  const tableProbe = probes[0];
  const table: RangeProbe = { range: tableProbe.range };
  if (support("1.13")) table.merges = tableProbe.range.getMergedAreasOrNullObject().load("address");
  const below = tableProbe.range.getRowsBelow(2).load(RANGE_PROPS);
  const settingsRange = queueRange(wb.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true), support);

  return {
    finish(): ReadState {
      const state: ReadState = {
        sheets: sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })),
        names: new Map(),
        grids: [],
        tableName: "absent",
        scanned: false,
      };
      for (const item of names.items) {
        state.names.set(nameKey(null, item.name), { name: item.name, scope: null, reference: reference(item.value) });
      }
      for (const p of probes) applyProbe(state, p);

      if (!tableProbe.item.isNullObject) {
        const target = tableProbe.range.isNullObject ? undefined : splitAddress(tableProbe.range.address);
        const grid = target ? gridOf(table, below) : undefined;
        if (target && grid) {
          state.tableName = "valid";
          state.table = target;
          state.grids.push(grid);
        } else {
          state.tableName = "invalid";
        }
      }
      if (!settingsRange.range.isNullObject) state.settings = gridOf(settingsRange);
      return state;
    },
  };
}

export interface ScanRead {
  finish(): ReadState;
}

/**
 * Queues batch 2 over a state from batch 1: used ranges of all sheets, each sheet's own names,
 * and ranges of names not resolved yet (`lookFor`: names wanted but not found at workbook level).
 */
export function queueScan(wb: WorkbookLike, state: ReadState, lookFor: readonly string[], support: ApiSupport): ScanRead {
  const used = state.sheets.map((s) => {
    const ws = wb.worksheets.getItem(s.name);
    return {
      sheet: s.name,
      used: queueRange(ws.getUsedRangeOrNullObject(true), support),
      list: ws.names.load(SHEET_NAME_PROPS),
      probes: lookFor.map((n) => {
        const item = ws.names.getItemOrNullObject(n);
        item.load(SHEET_NAME_PROPS);
        return nameProbe(n, item, s.name);
      }),
    };
  });
  // Workbook-level names whose cells batch 1 did not guess (e.g. the user's own mapped names).
  const unresolved = Array.from(state.names.values()).filter((n) => n.scope === null && !n.cells && splitAddress(n.reference));
  const wbProbes = unresolved.map((n) => nameProbe(n.name, wb.names.getItemOrNullObject(n.name)));

  return {
    finish(): ReadState {
      const next: ReadState = { ...state, names: new Map(state.names), grids: [], scanned: true };
      for (const s of used) {
        const grid = s.used.range.isNullObject ? undefined : gridOf(s.used);
        if (grid) next.grids.push(grid);
        for (const item of s.list.items) {
          if (item.scope !== "Worksheet") continue;
          const key = nameKey(s.sheet, item.name);
          if (!next.names.has(key)) next.names.set(key, { name: item.name, scope: s.sheet, reference: reference(item.value) });
        }
        for (const p of s.probes) applyProbe(next, p);
      }
      for (const p of wbProbes) applyProbe(next, p);
      return next;
    },
  };
}

export function toSnapshot(state: ReadState): WorkbookSnapshot {
  const names = Array.from(state.names.values()).sort((a, b) =>
    a.scope === b.scope ? 0 : a.scope === null ? -1 : b.scope === null ? 1 : 0,
  );
  const snapshot: WorkbookSnapshot = { sheets: state.sheets.map((s) => s.name), names, grids: state.grids };
  if (state.settings) snapshot.settings = state.settings;
  return snapshot;
}

/** Contract names wanted but absent from the workbook-level names found so far. */
export function missingAtWorkbookLevel(state: ReadState, wanted: readonly string[]): string[] {
  return wanted.filter((n) => !state.names.get(nameKey(null, n))?.cells);
}

