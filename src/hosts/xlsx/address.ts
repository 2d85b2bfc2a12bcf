/** A1 addresses: parsing and formatting. Rows and columns are 1-based. */

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface CellPos {
  row: number;
  col: number;
}

export function colToIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
}

export function indexToCol(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function formatAddress(row: number, col: number): string {
  return indexToCol(col) + row;
}

/** "C5" or "$C$5" (any case) → position; undefined when not a valid in-bounds cell address. */
export function parseAddress(a: string): CellPos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(a);
  if (!m) return undefined;
  const col = colToIndex(m[1]);
  const row = Number(m[2]);
  if (col > MAX_COL || row > MAX_ROW) return undefined;
  return { row, col };
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:B3", "$A$1", "B3:A1" → normalised rectangle. */
export function parseRange(ref: string): RangePos | undefined {
  const parts = ref.split(":");
  if (parts.length > 2) return undefined;
  const a = parseAddress(parts[0]);
  const b = parts.length === 2 ? parseAddress(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function formatRange(r: RangePos): string {
  const a = formatAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${formatAddress(r.bottom, r.right)}`;
}

export function intersects(a: RangePos, b: RangePos): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
