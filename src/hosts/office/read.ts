/**
 * Reading a live workbook into a WorkbookSnapshot in as few `context.sync()` calls as possible,
 * with every read bounded (the cost follows what scoring needs, not the workbook's size).
 *
 * Batch 1 (always, one sync) is speculative: without knowing what exists it queues
 *   - the sheet list with each sheet's protection, the calculation mode,
 *   - the workbook-level name list (name/type/value),
 *   - every name the contract may need: `getItemOrNullObject(n).getRangeOrNullObject()`, its
 *     address, and its cells only within NAME_BLOCK (a name over a whole ledger column costs its
 *     address, not a million cells),
 *   - the 评分表 through its defined name (within NAME_BLOCK) plus the two rows under it, with its
 *     merged areas fetched in row chunks of at most MERGE_CHUNK_CELLS cells (Excel refuses more
 *     than 512 merged areas per call),
 *   - the 评分设置 sheet's used range within OWN_SHEET_WINDOW.
 * Batch 2 (the scan; one more sync, only on a first run or when batch 1 left something unexplained)
 *   reads every other sheet's used range within SCAN_WINDOW (rows 1–300, A–AN) with its merges in
 *   chunks, each sheet's own names, and names of the user's mapping that batch 1 could not guess.
 *
 * Two fallbacks keep this safe where Excel differs from what the docs promise:
 *   - a sync refused for its response size (Excel on the web: 5 MB) is retried with the batch's
 *     requests split in halves, one sync each, down to single requests;
 *   - if batch 1 fails for any other reason (e.g. a client that does not chain methods off null
 *     objects), the read switches to the documented pattern: names and sheets first, then each
 *     existing range by its exact address (one more sync; the self-check reports which path runs).
 */
import type { CellData, CellScalar, DefinedNameData, GridData, WorkbookSnapshot } from "../../workbook/snapshot";
import { fitsNameBlock, NAME_BLOCK, OWN_SHEET_WINDOW, SCAN_WINDOW } from "../../workbook/snapshot";
import { areaAddress, cellAddress, colLetters, parseArea, splitAddress, type Area } from "../../workbook/address";
import { NAMES, OWN_SHEETS, SHEETS } from "../../text/vocabulary";
import type { NamedItemLike, RangeAreasLike, RangeLike, WorkbookLike } from "./excelApi";
import { isOfficeError } from "./errors";

/** The contract's names, re-exported for the host's batches. */
export const TABLE_NAME = NAMES.table;
/** Sheets the contract writes itself: read in batch 1 (评分设置) or not at all. */

/** Cells read per merged-area call: fewer than 512 merged areas can intersect them. */
export const MERGE_CHUNK_CELLS = 500;

const NAME_PROPS = ["address", "values", "text", "numberFormat", "formulas", "valueTypes"];
const GRID_PROPS = ["address", "values", "formulas", "valueTypes"];
const NAME_LIST_PROPS = "name,type,value,visible";

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
  /** The 评分框架 sheet's window (a framework the workbook carries). */
  framework?: GridData;
  tableName: TableNameState;
  /** Target of a valid `评分表` name. */
  table?: { sheet: string; address: string };
  /** Whether batch 2 (the scan) ran. */
  scanned: boolean;
  calculationMode?: string;
  /** Which read path ran: chained null objects, or the documented two-step pattern. */
  mode: "speculative" | "documented";
  /** Documented path: windows whose addresses are known and whose values are still to read. */
  pendingWindows?: { sheet: string; area: Area; own?: OwnGrid }[];
}

/** The contract's own sheets read whole (within OWN_SHEET_WINDOW) into their own snapshot field. */
type OwnGrid = "settings" | "framework";
const OWN_GRIDS: { key: OwnGrid; sheet: string }[] = [
  { key: "settings", sheet: SHEETS.settings },
  { key: "framework", sheet: SHEETS.framework },
];

export function nameKey(scope: string | null, name: string): string {
  return `${scope ?? ""}\u0000${name}`;
}

function toScalar(v: unknown): CellScalar {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Excel gives scalars; anything else is shown as it stringifies.
  return JSON.stringify(v);
}

/**
 * Cells of a loaded range, row-major. A cell is a formula only where its formula text differs
 * from its value: a text cell that starts with "=" (typed with Excel's quote prefix) reads back
 * through `formulas` without the quote (office-js#6687) and must not become a live formula.
 */
export function readRange(
  range: RangeLike,
  withText: boolean,
): { sheet: string; address: string; cells: CellData[] } | undefined {
  const where = splitAddress(range.address);
  if (!where) return undefined;
  const origin = parseArea(where.address)!; // splitAddress checked the shape
  const cells: CellData[] = [];
  range.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell: CellData = { address: cellAddress(origin.top + r, origin.left + c), value: toScalar(v) };
      const type: string | undefined = range.valueTypes[r]?.[c];
      const formula: unknown = range.formulas[r]?.[c];
      if (typeof formula === "string" && formula.startsWith("=") && formula !== v) cell.formula = formula.slice(1);
      if (withText) {
        const text: string | undefined = range.text[r]?.[c];
        if (text !== undefined) cell.text = text;
        const fmt: unknown = range.numberFormat[r]?.[c];
        if (typeof fmt === "string") cell.numberFormat = fmt;
      }
      if (type === "Error") {
        cell.error = String(v as string);
        cell.value = null;
      }
      cells.push(cell);
    }),
  );
  return { sheet: where.sheet, address: where.address, cells };
}

function hasContent(c: CellData): boolean {
  return c.value !== null || c.formula !== undefined || c.error !== undefined;
}

function mergeAddresses(areas: (RangeAreasLike | undefined)[]): string[] {
  const out = new Set<string>();
  for (const a of areas) {
    if (!a || a.isNullObject) continue;
    for (const part of a.address.split(",")) {
      const x = splitAddress(part)?.address;
      if (x) out.add(x);
    }
  }
  return [...out];
}

function reference(value: unknown): string {
  // A name's value: its reference text, or a constant (a number or boolean).
  const text = typeof value === "string" ? value : value === null || value === undefined ? "" : JSON.stringify(value);
  return text.replace(/^=/, "");
}

/** Row chunks of a block of `rows` × `cols` cells, each of at most MERGE_CHUNK_CELLS cells. */
function chunkRows(cols: number): number {
  return Math.max(1, Math.floor(MERGE_CHUNK_CELLS / Math.max(1, cols)));
}

/** One thing to read: queues its loads, returns what to do with them after the sync. */
export type Request = (wb: WorkbookLike) => (state: ReadState) => void;

/** Thrown when one request alone is too big for Excel to answer. */
export class PayloadTooLarge extends Error {
  constructor() {
    super("response payload too large");
    this.name = "PayloadTooLarge";
  }
}

function isPayloadError(e: unknown): boolean {
  return isOfficeError(e) && /PayloadSizeLimitExceeded/i.test(e.code);
}

/**
 * Runs requests in one sync; when Excel refuses the response as too large, in halves, recursively
 * (each half one sync). `sync` counts round trips for the caller.
 */
export async function runRequests(
  wb: WorkbookLike,
  sync: () => Promise<void>,
  requests: Request[],
  state: ReadState,
): Promise<void> {
  if (!requests.length) return;
  const finishers = requests.map((r) => r(wb));
  try {
    await sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    if (requests.length === 1) throw new PayloadTooLarge();
    const half = Math.ceil(requests.length / 2);
    await runRequests(wb, sync, requests.slice(0, half), state);
    await runRequests(wb, sync, requests.slice(half), state);
    return;
  }
  for (const f of finishers) f(state);
}

export function emptyState(mode: ReadState["mode"] = "speculative"): ReadState {
  return { sheets: [], names: new Map(), grids: [], tableName: "absent", scanned: false, mode };
}

// ---------------------------------------------------------------------------------------------
// Requests of batch 1

const sheetsRequest: Request = (wb) => {
  const sheets = wb.worksheets.load("items/name,items/protection/protected");
  return (state) => {
    state.sheets = sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
  };
};

const calculationRequest: Request = (wb) => {
  const app = wb.application.load("calculationMode");
  return (state) => {
    state.calculationMode = app.calculationMode;
  };
};

const namesListRequest: Request = (wb) => {
  const names = wb.names.load(NAME_LIST_PROPS);
  return (state) => {
    for (const item of names.items) {
      const key = nameKey(null, item.name);
      if (!state.names.has(key))
        state.names.set(key, { name: item.name, scope: null, reference: reference(item.value) });
    }
  };
};

interface NameProbe {
  name: string;
  sheet?: string | undefined;
  item: NamedItemLike;
  range: RangeLike;
  block: RangeLike;
}

/** A name's range (address) and, within NAME_BLOCK, its cells; chained off the item. */
function probeName(name: string, item: NamedItemLike, sheet?: string): NameProbe {
  const range = item.getRangeOrNullObject();
  range.load("address");
  const block = range.getCell(0, 0).getResizedRange(NAME_BLOCK.rows - 1, NAME_BLOCK.cols - 1);
  const clipped = intersect(block, range);
  clipped.load(NAME_PROPS);
  return { name, sheet, item, range, block: clipped };
}

/** `a ∩ b` of two proxies (b's address is not known before the sync). */
function intersect(a: RangeLike, b: RangeLike): RangeLike {
  return a.getIntersectionOrNullObject(b);
}

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
  const where = splitAddress(p.range.address);
  if (!where) return;
  entry.sheet = where.sheet;
  entry.address = where.address;
  const area = parseArea(where.address);
  if (!area || !fitsNameBlock(area) || p.block.isNullObject) return;
  const cells = readRange(p.block, true)?.cells;
  if (cells) entry.cells = cells;
}

function nameProbesRequest(names: readonly string[]): Request {
  return (wb) => {
    const probes = names.map((n) => probeName(n, wb.names.getItemOrNullObject(n)));
    return (state) => probes.forEach((p) => applyProbe(state, p));
  };
}

/** Merged areas of `range` (any size) in row chunks under Excel's 512-areas-per-call limit. */
function queueMerges(range: RangeLike, rows: number, cols: number): RangeAreasLike[] {
  const step = chunkRows(cols);
  const out: RangeAreasLike[] = [];
  for (let r = 0; r < rows; r += step) {
    const chunk = intersect(range.getCell(r, 0).getResizedRange(Math.min(step, rows - r) - 1, cols - 1), range);
    out.push(chunk.getMergedAreasOrNullObject().load("address"));
  }
  return out;
}

/** The 评分表 through its defined name: cells within NAME_BLOCK, the two rows under it, merges. */
const tableRequest: Request = (wb) => {
  const item = wb.names.getItemOrNullObject(TABLE_NAME);
  const range = item.getRangeOrNullObject();
  range.load("address");
  const block = intersect(range.getCell(0, 0).getResizedRange(NAME_BLOCK.rows - 1, NAME_BLOCK.cols - 1), range);
  block.load(GRID_PROPS);
  const below = block.getRowsBelow(2).load(GRID_PROPS);
  const merges = [
    ...queueMerges(block, NAME_BLOCK.rows, NAME_BLOCK.cols),
    below.getMergedAreasOrNullObject().load("address"),
  ];
  return (state) => {
    if (item.isNullObject) return;
    const where = range.isNullObject ? undefined : splitAddress(range.address);
    const area = where ? parseArea(where.address) : undefined;
    if (!where || !area || !fitsNameBlock(area) || block.isNullObject) {
      state.tableName = "invalid";
      return;
    }
    const cells = [
      ...(readRange(block, false)?.cells ?? []),
      ...(below.isNullObject ? [] : (readRange(below, false)?.cells ?? [])),
    ];
    const grid: GridData = {
      sheet: where.sheet,
      area: areaAddress({ ...area, bottom: area.bottom + (below.isNullObject ? 0 : 2) }),
      cells: cells.filter(hasContent),
      merges: mergeAddresses(merges),
    };
    state.tableName = "valid";
    state.table = where;
    state.grids.push(grid);
  };
};

/** A used range within a window anchored at A1 (rows 1..rows, columns A..cols). */
function windowOf(used: RangeLike, rows: number, cols: number): RangeLike {
  return used.getIntersectionOrNullObject(`A1:${colLetters(cols)}${rows}`);
}

function gridFrom(window: RangeLike, merges: RangeAreasLike[]): GridData | undefined {
  if (window.isNullObject) return undefined;
  const read = readRange(window, false);
  if (!read) return undefined;
  return {
    sheet: read.sheet,
    area: read.address,
    cells: read.cells.filter(hasContent),
    merges: mergeAddresses(merges),
  };
}

/** 评分设置 and 评分框架, each whole within OWN_SHEET_WINDOW. */
const ownSheetRequests: Request[] = OWN_GRIDS.map(({ key, sheet }) => (wb) => {
  const used = wb.worksheets.getItemOrNullObject(sheet).getUsedRangeOrNullObject(true);
  const window = windowOf(used, OWN_SHEET_WINDOW.rows, OWN_SHEET_WINDOW.cols).load(GRID_PROPS);
  return (state) => {
    const g = gridFrom(window, []);
    if (g) state[key] = g;
  };
});

/** Names probed in groups (a payload split then halves groups, not single names). */
const NAME_GROUP = 16;

function groups<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Batch 1, speculative (see the module comment). */
export function firstReadRequests(wanted: readonly string[]): Request[] {
  const names = Array.from(new Set(wanted.filter((n) => n !== TABLE_NAME)));
  return [
    sheetsRequest,
    calculationRequest,
    namesListRequest,
    tableRequest,
    ...ownSheetRequests,
    ...groups(names, NAME_GROUP).map((g) => nameProbesRequest(g)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Batch 2: the bounded scan

function scanSheetRequest(sheet: string): Request {
  return (wb) => {
    const used = wb.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    const window = windowOf(used, SCAN_WINDOW.rows, SCAN_WINDOW.cols).load(GRID_PROPS);
    const merges = queueMerges(window, SCAN_WINDOW.rows, SCAN_WINDOW.cols);
    return (state) => {
      const g = gridFrom(window, merges);
      if (g) state.grids.push(g);
    };
  };
}

function sheetNamesRequest(sheet: string, lookFor: readonly string[]): Request {
  return (wb) => {
    const ws = wb.worksheets.getItem(sheet);
    const list = ws.names.load("name,type,value,scope");
    const probes = lookFor.map((n) => {
      const item = ws.names.getItemOrNullObject(n);
      item.load("name,type,value,scope");
      return probeName(n, item, sheet);
    });
    return (state) => {
      for (const item of list.items) {
        if (item.scope !== "Worksheet") continue;
        const key = nameKey(sheet, item.name);
        if (!state.names.has(key))
          state.names.set(key, { name: item.name, scope: sheet, reference: reference(item.value) });
      }
      probes.forEach((p) => applyProbe(state, p));
    };
  };
}

/**
 * Batch 2 over the state of batch 1: every sheet's window, each sheet's own names (when
 * `sheetNames`; Excel for Mac throws on `worksheet.names` while another workbook is in front,
 * office-js#6365, so the caller may retry without), and workbook-level names not resolved yet.
 */
export function scanRequests(state: ReadState, lookFor: readonly string[], sheetNames = true): Request[] {
  const out: Request[] = [];
  for (const s of state.sheets) {
    if (OWN_SHEETS.includes(s.name)) continue;
    out.push(scanSheetRequest(s.name));
  }
  if (sheetNames) for (const s of state.sheets) out.push(sheetNamesRequest(s.name, lookFor));
  const unresolved = Array.from(state.names.values())
    .filter((n) => n.scope === null && !n.cells && !n.sheet && splitAddress(n.reference))
    .map((n) => n.name);
  if (unresolved.length) out.push(nameProbesRequest(unresolved));
  return out;
}

/** A state for the scan: the table found by name is dropped (the scan finds tables anew). */
export function forScan(state: ReadState): ReadState {
  return { ...state, names: new Map(state.names), grids: [], scanned: true };
}

// ---------------------------------------------------------------------------------------------
// Documented read: existence first, then exact addresses (no methods on null objects)

/** Batch 1a of the documented path: sheets, calculation mode, names (one sync). */
export function documentedListRequests(): Request[] {
  return [sheetsRequest, calculationRequest, namesListRequest];
}

/** Batch 1b: each existing wanted name's range by its exact address, the 评分表, the own sheets' used range addresses. */
export function documentedRangeRequests(state: ReadState, wanted: readonly string[]): Request[] {
  return [...documentedNameRequests(state, [TABLE_NAME, ...wanted]), ...documentedOwnRequests(state)];
}

/** Each existing name's range (the 评分表 with the rows under it and its merges) by its exact address. */
function documentedNameRequests(state: ReadState, wanted: readonly string[]): Request[] {
  const sheets = new Set(state.sheets.map((s) => s.name));
  const out: Request[] = [];
  for (const n of new Set(wanted)) {
    const entry = state.names.get(nameKey(null, n));
    const where = entry ? splitAddress(entry.reference) : undefined;
    if (!entry || !where || !sheets.has(where.sheet)) continue;
    const area = parseArea(where.address);
    if (!area) continue;
    entry.sheet = where.sheet;
    entry.address = area ? areaAddress(area) : where.address;
    const isTable = n === TABLE_NAME;
    if (!fitsNameBlock(area)) {
      if (isTable) state.tableName = "invalid";
      continue;
    }
    const withBelow = isTable ? { ...area, bottom: area.bottom + 2 } : area;
    out.push((wb) => {
      const range = wb.worksheets
        .getItem(where.sheet)
        .getRange(areaAddress(withBelow))
        .load(isTable ? GRID_PROPS : NAME_PROPS);
      const step = chunkRows(area.right - area.left + 1);
      const merges: RangeAreasLike[] = [];
      if (isTable) {
        for (let r = withBelow.top; r <= withBelow.bottom; r += step) {
          const chunk: Area = { ...withBelow, top: r, bottom: Math.min(withBelow.bottom, r + step - 1) };
          merges.push(
            wb.worksheets
              .getItem(where.sheet)
              .getRange(areaAddress(chunk))
              .getMergedAreasOrNullObject()
              .load("address"),
          );
        }
      }
      return (st) => {
        const read = readRange(range, !isTable);
        if (!read) return;
        if (!isTable) {
          entry.cells = read.cells;
          return;
        }
        st.tableName = "valid";
        st.table = { sheet: where.sheet, address: areaAddress(area) };
        st.grids.push({
          sheet: where.sheet,
          area: read.address,
          cells: read.cells.filter(hasContent),
          merges: mergeAddresses(merges),
        });
      };
    });
  }
  return out;
}

/** The own sheets' used-range addresses (their windows are read next). */
function documentedOwnRequests(state: ReadState): Request[] {
  const sheets = new Set(state.sheets.map((s) => s.name));
  const out: Request[] = [];
  for (const { key, sheet } of OWN_GRIDS) {
    if (!sheets.has(sheet)) continue;
    out.push((wb) => {
      const used = wb.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load("address");
      return (st) => {
        if (used.isNullObject) return;
        const where = splitAddress(used.address);
        const a = where ? parseArea(where.address) : undefined;
        const w = a ? clip(a, OWN_SHEET_WINDOW) : undefined;
        if (w) st.pendingWindows = [...(st.pendingWindows ?? []), { sheet, area: w, own: key }];
      };
    });
  }
  return out;
}

function clip(a: Area, w: { rows: number; cols: number }): Area | undefined {
  const c: Area = { top: a.top, left: a.left, bottom: Math.min(a.bottom, w.rows), right: Math.min(a.right, w.cols) };
  return c.top <= c.bottom && c.left <= c.right ? c : undefined;
}

/** Used-range addresses of the sheets to scan (documented path: addresses first). */
export function documentedUsedRequests(state: ReadState): Request[] {
  return state.sheets
    .filter((s) => !OWN_SHEETS.includes(s.name))
    .map((s) => (wb) => {
      const used = wb.worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
      used.load("address");
      return (st) => {
        if (used.isNullObject) return;
        const where = splitAddress(used.address);
        const a = where ? parseArea(where.address) : undefined;
        const w = a ? clip(a, SCAN_WINDOW) : undefined;
        if (w) st.pendingWindows = [...(st.pendingWindows ?? []), { sheet: s.name, area: w }];
      };
    });
}

/** Values (and, for scanned sheets, merges in chunks) of windows whose exact addresses are known. */
export function documentedWindowRequests(state: ReadState): Request[] {
  const pending = state.pendingWindows ?? [];
  state.pendingWindows = [];
  return pending.map((p) => (wb) => {
    const ws = wb.worksheets.getItem(p.sheet);
    const range = ws.getRange(areaAddress(p.area)).load(GRID_PROPS);
    const merges: RangeAreasLike[] = [];
    if (!p.own) {
      const step = chunkRows(p.area.right - p.area.left + 1);
      for (let r = p.area.top; r <= p.area.bottom; r += step) {
        const chunk: Area = { ...p.area, top: r, bottom: Math.min(p.area.bottom, r + step - 1) };
        merges.push(ws.getRange(areaAddress(chunk)).getMergedAreasOrNullObject().load("address"));
      }
    }
    return (st) => {
      const g = gridFrom(range, merges);
      if (!g) return;
      if (p.own) st[p.own] = g;
      else st.grids.push(g);
    };
  });
}

export function toSnapshot(state: ReadState): WorkbookSnapshot {
  const names = Array.from(state.names.values()).sort((a, b) =>
    a.scope === b.scope ? 0 : a.scope === null ? -1 : b.scope === null ? 1 : 0,
  );
  const snapshot: WorkbookSnapshot = { sheets: state.sheets.map((s) => s.name), names, grids: state.grids };
  if (state.settings) snapshot.settings = state.settings;
  if (state.framework) snapshot.framework = state.framework;
  return snapshot;
}

/**
 * Names the workbook has but whose cells were not read (not among the names wanted up front: the
 * inputs of a framework the workbook carries): their cells, in the state's read mode.
 */
export function laterNameRequests(state: ReadState, names: readonly string[]): Request[] {
  const unread = names.filter((n) => {
    const e = state.names.get(nameKey(null, n));
    return !!e && !e.cells;
  });
  if (!unread.length) return [];
  return state.mode === "documented"
    ? documentedNameRequests(state, unread)
    : groups(unread, NAME_GROUP).map((g) => nameProbesRequest(g));
}

/** Contract names wanted but absent from the workbook-level names found so far. */
export function missingAtWorkbookLevel(state: ReadState, wanted: readonly string[]): string[] {
  return wanted.filter((n) => !state.names.get(nameKey(null, n))?.cells);
}
