import { areaAddress, extendArea, parseArea } from "../../src/workbook/address";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/hosts/xlsx";
import type { CellData, GridData, WorkbookSnapshot } from "../../src/workbook";

export const ROOT = join(__dirname, "../..");
export const SAMPLE_000 = join(ROOT, "assets/samples/seed-000-district-2020.xlsx");
export const SAMPLE_004 = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");
export const BAD = join(ROOT, "test/fixtures/bad");

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function snapshotOf(path: string): WorkbookSnapshot {
  return readXlsx(bytesOf(path));
}

export function golden(id: string): {
  ruleSet: string;
  expected: Record<string, number>;
  expectedTotal: number;
  expectedGrade: string;
  reported: Record<string, number>;
} {
  return JSON.parse(readFileSync(join(ROOT, "../shared/golden", `${id}.json`), "utf8"));
}

/** Sets a cell of a grid (extending it as needed). */
export function setCell(grid: GridData, row: number, col: number, value: CellData["value"]): void {
  const letters = (n: number) => {
    let s = "";
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const address = `${letters(col)}${row}`;
  grid.cells = grid.cells.filter((c) => c.address !== address);
  if (value !== null) grid.cells.push({ address, value, numberFormat: "General" });
  const area = grid.area ? parseArea(grid.area) : undefined;
  grid.area = areaAddress(extendArea(area, row, col));
}

/** The 1-based row of the first cell holding `value`. */
export function rowOf(grid: GridData, value: CellData["value"]): number {
  const c = grid.cells.find((x) => x.value === value);
  return c ? Number(/\d+$/.exec(c.address)![0]) : 0;
}
