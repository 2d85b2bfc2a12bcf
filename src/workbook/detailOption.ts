/**
 * Writing the 生成评分明细 option (the contract reads it in settings.ts) from the pane's switch:
 * into the cell of its defined name, else the value cell beside its label on 评分设置, else a new
 * label row under everything on that sheet (the sheet is created when the workbook has none).
 */
import type { CellWrite, WorkbookSnapshot, WritePlan } from "./snapshot";
import { NAMES, SETTINGS, SHEETS } from "../text/vocabulary";
import { cellAddress } from "./address";
import { SheetView } from "./grid";
import { findName, singleCell } from "./names";

function write(sheet: string, address: string, value: string, previous: CellWrite["previous"]): WritePlan {
  return { cells: [{ sheet, address, value, previous, role: "setting" }], sheets: [] };
}

export function detailOptionPlan(snapshot: WorkbookSnapshot, on: boolean): WritePlan {
  const value = on ? SETTINGS.yes : SETTINGS.no;
  const dn = findName(snapshot, NAMES.detailOption);
  if (dn) {
    const c = singleCell(dn, NAMES.detailOption);
    if (c.ok && c.source.sheet && c.source.address) return write(c.source.sheet, c.source.address, value, c.cell.value);
  }
  const grid = snapshot.settings;
  if (!grid) {
    if (snapshot.sheets.includes(SHEETS.settings)) {
      return {
        cells: [
          { sheet: SHEETS.settings, address: "A1", value: SETTINGS.detail, previous: null, role: "setting" },
          { sheet: SHEETS.settings, address: "B1", value, previous: null, role: "setting" },
        ],
        sheets: [],
      };
    }
    return { cells: [], sheets: [{ sheet: SHEETS.settings, rows: [[SETTINGS.detail, value, SETTINGS.notes.detail]] }] };
  }
  const view = new SheetView(grid);
  const at = view.find(SETTINGS.detail);
  if (at) {
    // The contract reads the first non-empty cell to the right; write that one (or the next cell).
    for (const { col, cell } of view.rowCells(at.row)) {
      if (col > at.col && cell.value !== null && String(cell.value).trim() !== "")
        return write(grid.sheet, cell.address, value, cell.value);
    }
    return write(grid.sheet, cellAddress(at.row, at.col + 1), value, null);
  }
  const row = view.bottom + 2;
  return {
    cells: [
      { sheet: grid.sheet, address: cellAddress(row, 1), value: SETTINGS.detail, previous: null, role: "setting" },
      { sheet: grid.sheet, address: cellAddress(row, 2), value, previous: null, role: "setting" },
      {
        sheet: grid.sheet,
        address: cellAddress(row, 3),
        value: SETTINGS.notes.detail,
        previous: null,
        role: "setting",
      },
    ],
    sheets: [],
  };
}
