/**
 * Random access to a sparse GridData by row and column, with its merged areas. Searches walk the
 * cells that hold something (row-major), never every position of the area: a window that reaches
 * XFD costs what its cells cost.
 */
import type { CellData, GridData } from "./snapshot";
import { contains, parseArea, parseCell, type Area } from "./address";

export class SheetView {
  readonly sheet: string;
  /** The area read; an empty grid has bottom < top. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: Area[];
  private readonly byRow = new Map<number, Map<number, CellData>>();
  private sortedRows?: number[];

  constructor(grid: GridData) {
    const area = grid.area ? parseArea(grid.area) : undefined;
    this.sheet = grid.sheet;
    this.top = area?.top ?? 1;
    this.left = area?.left ?? 1;
    this.bottom = area?.bottom ?? 0;
    this.right = area?.right ?? 0;
    for (const c of grid.cells) {
      const p = parseCell(c.address);
      if (!p) continue;
      let row = this.byRow.get(p.row);
      if (!row) this.byRow.set(p.row, (row = new Map<number, CellData>()));
      row.set(p.col, c);
    }
    this.merges = grid.merges.map(parseArea).filter((a): a is Area => !!a);
  }

  /** Whether the position lies inside the area read (an unlisted cell there is empty). */
  covers(row: number, col: number): boolean {
    return (
      this.bottom >= this.top &&
      contains({ top: this.top, left: this.left, bottom: this.bottom, right: this.right }, row, col)
    );
  }

  cell(row: number, col: number): CellData | undefined {
    return this.byRow.get(row)?.get(col);
  }

  /** Rows that hold at least one cell, ascending. */
  rows(): number[] {
    this.sortedRows ??= [...this.byRow.keys()].sort((a, b) => a - b);
    return this.sortedRows;
  }

  /** The cells of one row that hold something, left to right, with their columns. */
  rowCells(row: number): { col: number; cell: CellData }[] {
    const m = this.byRow.get(row);
    if (!m) return [];
    return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([col, cell]) => ({ col, cell }));
  }

  /** Every cell that holds something, row-major (optionally only rows from..to). */
  *cells(from = -Infinity, to = Infinity): Generator<{ row: number; col: number; cell: CellData }> {
    for (const row of this.rows()) {
      if (row < from) continue;
      if (row > to) return;
      for (const { col, cell } of this.rowCells(row)) yield { row, col, cell };
    }
  }

  /** The first cell, row-major, whose compacted text equals `text`. */
  find(text: string): { row: number; col: number } | undefined {
    for (const { row, col, cell } of this.cells())
      if (cell.value !== null && compact(String(cell.value)) === text) return { row, col };
    return undefined;
  }

  /** Displayed text of a cell ("" when empty); numbers as written. */
  text(row: number, col: number): string {
    const c = this.cell(row, col);
    if (!c) return "";
    if (c.error) return c.error;
    if (c.value === null) return "";
    return typeof c.value === "string" ? c.value : String(c.value);
  }

  isEmpty(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return (
      !c ||
      (c.value === null && c.formula === undefined && c.error === undefined) ||
      (typeof c.value === "string" && c.value.trim() === "" && c.formula === undefined)
    );
  }

  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** True when the cell is covered by a merge but is not its top-left cell (Excel ignores writes there). */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }
}

/** Text with all white space (spaces, ideographic spaces, line breaks) removed. */
export function compact(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, "");
}

/** True when a cell holds a value, a formula or an error (what a sparse grid keeps). */
export function hasContent(c: CellData): boolean {
  return c.value !== null || c.formula !== undefined || c.error !== undefined;
}

/** A sparse grid of the given cells over `area` (cells without content are dropped). */
export function gridOf(sheet: string, area: string, cells: Iterable<CellData>, merges: string[] = []): GridData {
  const kept: CellData[] = [];
  for (const c of cells) if (hasContent(c)) kept.push(c);
  return { sheet, area, cells: kept, merges };
}
