/**
 * Backs the Excel fake with a real workbook: .xlsx bytes are read by the project's own reader
 * (src/hosts/xlsx, which keeps sheet scope, constants and number formats, unlike ExcelJS) and
 * every non-empty or formatted cell and every defined name is put into a FakeWorkbookData.
 */
import { readXlsx } from "../../src/hosts/xlsx";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { FakeWorkbookData, parseA1, type FakeCell } from "./excel";

export function fakeFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookData {
  const data = new FakeWorkbookData();
  for (const name of snapshot.sheets) data.addSheet(name);
  for (const g of snapshot.grids) {
    const sheet = data.sheet(g.sheet) ?? data.addSheet(g.sheet);
    sheet.merges = [...g.merges];
    for (const row of g.rows) {
      for (const c of row) {
        const has = c.value !== null || c.formula !== undefined || c.error !== undefined;
        const formatted = c.numberFormat !== undefined && c.numberFormat !== "General";
        if (!has && !formatted) continue;
        const cell: FakeCell = { value: c.value };
        if (c.formula !== undefined) cell.formula = c.formula;
        if (c.error !== undefined) cell.error = c.error;
        if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
        if (c.text !== undefined) cell.text = c.text;
        const p = parseA1(c.address);
        sheet.cells.set(`${p.row},${p.col}`, cell);
      }
    }
  }
  for (const n of snapshot.names) data.names.push({ name: n.name, reference: n.reference, scope: n.scope });
  return data;
}

export function fakeFromXlsx(bytes: Uint8Array): FakeWorkbookData {
  return fakeFromSnapshot(readXlsx(bytes));
}
