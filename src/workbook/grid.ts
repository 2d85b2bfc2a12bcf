/** Random access to a GridData by row and column, with its merged areas. */
import type { CellData, GridData } from "./snapshot";
import { parseArea, parseCell, type Area } from "./address";

export class SheetView {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: Area[];
  private readonly rows: CellData[][];

  constructor(grid: GridData) {
    const origin = parseCell(grid.origin) ?? { row: 1, col: 1 };
    this.sheet = grid.sheet;
    this.rows = grid.rows;
    this.top = origin.row;
    this.left = origin.col;
    this.bottom = origin.row + grid.rows.length - 1;
    this.right = origin.col + Math.max(0, ...grid.rows.map((r) => r.length)) - 1;
    this.merges = grid.merges.map(parseArea).filter((a): a is Area => !!a);
  }

  cell(row: number, col: number): CellData | undefined {
    return this.rows[row - this.top]?.[col - this.left];
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
    return !c || (c.value === null && c.formula === undefined && c.error === undefined) || (typeof c.value === "string" && c.value.trim() === "" && c.formula === undefined);
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
