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

/** A rectangular block of a sheet as read (used range or a named region). */
export interface GridData {
  sheet: string;
  /** A1 address of the top-left cell of `rows`, e.g. "A1". */
  origin: string;
  /** Row-major cells; rows[r][c] is the cell at origin + (r, c). */
  rows: CellData[][];
  /** Merged areas intersecting the grid, as A1 ranges without "$", e.g. "A3:A8". */
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
