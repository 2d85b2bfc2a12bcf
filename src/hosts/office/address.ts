/** A1 address helpers for the Office host (Excel returns "Sheet!$C$5:$D$6"; the snapshot wants "C5:D6"). */

export interface CellPos {
  row: number; // 0-based
  col: number; // 0-based
}

export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indexToCol(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseCell(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 cell: ${a1}`);
  return { row: Number(m[2]) - 1, col: colToIndex(m[1]) };
}

export function cellAddress(pos: CellPos): string {
  return `${indexToCol(pos.col)}${pos.row + 1}`;
}

export function rangeAddress(start: CellPos, rows: number, cols: number): string {
  const end = { row: start.row + rows - 1, col: start.col + cols - 1 };
  return rows === 1 && cols === 1 ? cellAddress(start) : `${cellAddress(start)}:${cellAddress(end)}`;
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

/** Top-left cell of "C5:D6" or "C5". */
export function topLeft(address: string): CellPos {
  return parseCell(address.split(":")[0]);
}

/** Sheet name as Excel wants it inside a reference: quoted when not a plain identifier. */
export function quoteSheet(sheet: string): string {
  // Quoted always when not plain ASCII: quoting is valid for every sheet name.
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
