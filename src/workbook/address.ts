/** A1 addresses of the contract (1-based rows and columns). Pure; hosts have their own copies. */

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

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function parseCell(a: string): Pos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: colIndex(m[1]) };
}

export function parseArea(a: string): Area | undefined {
  const [p, q] = a.split(":");
  const s = parseCell(p);
  const e = q === undefined ? s : parseCell(q);
  if (!s || !e) return undefined;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

export function areaAddress(a: Area): string {
  const s = cellAddress(a.top, a.left);
  const e = cellAddress(a.bottom, a.right);
  return s === e ? s : `${s}:${e}`;
}

export function contains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}
