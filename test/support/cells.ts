/** Test helpers over sparse snapshots: every cell read of a sheet, and one cell's value. */
import type { CellData, WorkbookSnapshot } from "../../src/workbook/snapshot";

/** Cells of a sheet as read (grids and settings), row-major, without duplicates. */
export function cellsOf(s: WorkbookSnapshot, sheet: string): CellData[] {
  const seen = new Map<string, CellData>();
  for (const g of [...s.grids, ...(s.settings ? [s.settings] : [])])
    if (g.sheet === sheet) for (const c of g.cells) seen.set(c.address, c);
  return [...seen.values()];
}

export function valueAt(s: WorkbookSnapshot, sheet: string, address: string): CellData["value"] | undefined {
  return cellsOf(s, sheet).find((c) => c.address === address)?.value;
}

/** Row numbers → the row's cells (left to right), for tests that look along a row. */
export function rowsOf(s: WorkbookSnapshot, sheet: string): Map<number, CellData[]> {
  const rows = new Map<number, CellData[]>();
  for (const c of cellsOf(s, sheet)) {
    const row = Number(/\d+$/.exec(c.address)![0]);
    rows.set(row, [...(rows.get(row) ?? []), c]);
  }
  return rows;
}
