/**
 * A plain-data picture of a workbook: what every host (Office.js, .xlsx) reads in one pass and
 * what the pure workbook-contract code works on. No Office, no ExcelJS, no I/O here.
 */

export type CellScalar = string | number | boolean | null;

export interface CellData {
  /** A1 address without sheet, e.g. "C5". */
  address: string;
  /** null = empty. For an error cell, the error text ("#DIV/0!") is in `error` and value is null. */
  value: CellScalar;
  /** Text as displayed, when the host knows it. */
  text?: string;
  /** Excel number format code, e.g. "0.00%", "General". Undefined when unknown. */
  numberFormat?: string;
  /** Formula without the leading "=", when the cell holds one. */
  formula?: string;
  error?: string;
}

export interface DefinedNameData {
  name: string;
  /** null = workbook scope; otherwise the sheet name the name is local to. */
  scope: string | null;
  /** The name's formula text as stored, without "=", e.g. "评分依据!$C$5", "#REF!", "0.06". */
  reference: string;
  /** Resolved target when the reference is a plain cell/range reference on one sheet. */
  sheet?: string;
  /** A1 address without sheet and without "$", e.g. "C5" or "C5:D6". */
  address?: string;
  /** The cells of the target (row-major), when resolved; one entry for a single cell. */
  cells?: CellData[];
}

/**
 * A rectangular block of a sheet as read (a window of its used range, or the region of a known
 * table), kept sparse: memory follows the cells that hold something, never the area, so a stray
 * value in XFD1048576 costs one cell, not a dense grid.
 */
export interface GridData {
  sheet: string;
  /**
   * The rectangle the host read, as an A1 range ("A1:I30"); "" when the sheet has nothing in it.
   * A cell inside it that `cells` does not list is empty; a cell outside it is unknown.
   */
  area: string;
  /** Cells that hold a value, a formula or an error, row-major. */
  cells: CellData[];
  /** Merged areas intersecting the area, as A1 ranges without "$", e.g. "A3:A8". */
  merges: string[];
}

export interface WorkbookSnapshot {
  /** Sheet names in workbook order. */
  sheets: string[];
  names: DefinedNameData[];
  /**
   * Grids of sheets that may hold the 评分表 (hosts may pass all sheets' used ranges, or only the
   * region of a known table).
   */
  grids: GridData[];
  /** Used range of the `评分设置` sheet, when it exists. */
  settings?: GridData;
  /** Used range of the `评分框架` sheet (a framework the workbook carries), when it exists. */
  framework?: GridData;
}

/** One cell to write. */
export interface CellWrite {
  sheet: string;
  /** A1 address without sheet. */
  address: string;
  /** New value: numbers as numbers; text as meant (hosts keep it from becoming a formula). */
  value: string | number | null;
  /** Value before the write (for undo and for the change summary). */
  previous: CellScalar;
  /** Optional number format to set with the value (only for cells we create, e.g. a new total row). */
  numberFormat?: string;
  /** What this write is, for summaries: indicator id, "total", "grade", "label", "detail". */
  role: string;
  /**
   * The cell holds a formula that stays: only the value readers see changes (an .xlsx gets the
   * formula's cached result; Excel computes it from the cells written around it).
   */
  keepFormula?: boolean;
}

/** A sheet the plan creates or replaces wholly (the optional 评分明细 audit sheet). */
export interface SheetWrite {
  sheet: string;
  /** Row-major values starting at A1; text as meant (hosts keep it from becoming a formula). */
  rows: (string | number | null)[][];
  /**
   * Optional number formats of cells of the new sheet (e.g. "0.00%" for percent inputs, which the
   * engine rejects as plain numbers). Hosts apply them with the values.
   */
  formats?: { address: string; numberFormat: string }[];
  /** Optional data validation (drop-downs, whole numbers) of cells of the new sheet. */
  validations?: ValidationWrite[];
  /** Optional column widths in characters, A first. */
  columnWidths?: number[];
}

/** A data-validation rule on a range of a sheet the plan creates. */
export interface ValidationWrite {
  /** A1 cell or range without sheet, e.g. "C12" or "D40:D45". */
  address: string;
  /** list: one of `list`; whole / decimal: a number >= `min` (and <= `max` when given). */
  type: "list" | "whole" | "decimal";
  list?: string[];
  min?: number;
  max?: number;
  /** Error text shown when a value is refused. */
  error?: string;
}

/** A workbook-scoped defined name to create or re-point (binding an input to a cell). */
export interface NameWrite {
  name: string;
  sheet: string;
  /** A1 address without sheet and without "$", e.g. "C5". */
  address: string;
}

export interface WritePlan {
  cells: CellWrite[];
  sheets: SheetWrite[];
  /** Names to add or re-point; absent or empty for a rescoring (which touches no name). */
  names?: NameWrite[];
}

/**
 * How much of a sheet a host reads when it does not know where the 评分表 is: rows 1 to `rows`
 * in columns A to `cols` (clipped to the used range). A
 * table further down or right is found through the defined name 评分表 (written after every
 * successful rescoring, or set by the user). The contract's own sheets (评分设置, 评分依据,
 * 评分明细) are read with the larger window. Both hosts use these figures, so a workbook scores
 * the same in Excel and from the CLI, and the cost of a read never follows the size of a data sheet.
 */
export const SCAN_WINDOW = { rows: 300, cols: 40 } as const;
export const OWN_SHEET_WINDOW = { rows: 2000, cols: 40 } as const;
/**
 * A defined name is read (its cells in the snapshot) when its range spans at most these rows and
 * columns: inputs are single cells, the 评分表 and 个性化绩效指标 tables are small; a name over a
 * data range (e.g. a whole ledger column) is listed with its address but not read.
 */
export const NAME_BLOCK = { rows: 200, cols: 40 } as const;

export function fitsNameBlock(a: { top: number; left: number; bottom: number; right: number }): boolean {
  return a.bottom - a.top < NAME_BLOCK.rows && a.right - a.left < NAME_BLOCK.cols;
}
