/**
 * A1 addresses (1-based rows and columns), shared by the contract and both hosts. Pure.
 * Addresses are accepted with or without "$" and in any case, and must lie on the sheet grid.
 */

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface Pos {
  row: number;
  col: number;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "C" → 3, "AA" → 27 (letters are not checked; callers pass [A-Za-z]+). */
export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
}

/** 3 → "C"; 0 → "". */
export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** "C5", " $c$5 " → position; undefined when not a cell address on the sheet grid. */
export function parseCell(a: string): Pos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(a.trim());
  if (!m) return undefined;
  const col = colIndex(m[1]);
  const row = Number(m[2]);
  if (col > MAX_COL || row > MAX_ROW) return undefined;
  return { row, col };
}

/** parseCell for addresses that must be valid (a plan's own): throws on anything else. */
export function requireCell(a: string): Pos {
  const p = parseCell(a);
  if (!p) throw new Error(`not an A1 cell: ${a}`);
  return p;
}

/** "A1:B3", "$A$1", "B3:A1" → normalised rectangle; undefined for anything else. */
export function parseArea(a: string): Area | undefined {
  const parts = a.split(":");
  if (parts.length > 2) return undefined;
  const s = parseCell(parts[0]);
  const e = parts.length === 2 ? parseCell(parts[1]) : s;
  if (!s || !e) return undefined;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/** "C5" for one cell, else "C5:D6". */
export function areaAddress(a: Area): string {
  const s = cellAddress(a.top, a.left);
  const e = cellAddress(a.bottom, a.right);
  return s === e ? s : `${s}:${e}`;
}

export function contains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** `a` grown (in place) to cover (row, col); a new one-cell area when there is none yet. */
export function extendArea(a: Area | undefined, row: number, col: number): Area {
  if (!a) return { top: row, left: col, bottom: row, right: col };
  if (row < a.top) a.top = row;
  if (row > a.bottom) a.bottom = row;
  if (col < a.left) a.left = col;
  if (col > a.right) a.right = col;
  return a;
}

export function intersects(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is a plain identifier that cannot
 * be read as a cell reference (A1 or R1C1 style) or a boolean, else quoted.
 */
export function quoteSheet(name: string): string {
  const plain =
    /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^(R[0-9]*C[0-9]*|R|C|TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'My Sheet'!$A$1:$B$2" into sheet "My Sheet" and "A1:B2". Undefined when not a plain one-area reference. */
export function splitAddress(full: string): { sheet: string; address: string } | undefined {
  const text = full.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = text.slice(0, bang);
  const address = text.slice(bang + 1).replace(/\$/g, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(address)) return undefined;
  return { sheet, address: address.toUpperCase() };
}
