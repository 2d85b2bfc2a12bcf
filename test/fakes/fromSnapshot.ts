/**
 * Backs the Excel fake with a real workbook: every cell of every sheet of the .xlsx (formatted
 * empty ones included, read by the project's own reader, which keeps sheet scope, constants and
 * number formats, unlike ExcelJS) and every defined name go into a FakeWorkbookData.
 */
import { readAllCells } from "../../src/hosts/xlsx";
import type { CellData } from "../../src/workbook/snapshot";
import { FakeWorkbookData, parseA1, type FakeCell } from "./excel";

function put(data: FakeWorkbookData, sheet: string, c: CellData): void {
  const has = c.value !== null || c.formula !== undefined || c.error !== undefined;
  const formatted = c.numberFormat !== undefined && c.numberFormat !== "General";
  if (!has && !formatted) return;
  const cell: FakeCell = { value: c.value };
  if (c.formula !== undefined) cell.formula = c.formula;
  if (c.error !== undefined) cell.error = c.error;
  if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
  if (c.text !== undefined) cell.text = c.text;
  const p = parseA1(c.address);
  (data.sheet(sheet) ?? data.addSheet(sheet)).cells.set(`${p.row},${p.col}`, cell);
}

/** A fake holding every cell of an .xlsx workbook. */
export function fakeFromXlsx(bytes: Uint8Array): FakeWorkbookData {
  const all = readAllCells(bytes);
  const data = new FakeWorkbookData();
  for (const name of all.sheets) {
    const sheet = data.addSheet(name);
    sheet.merges = all.merges.get(name) ?? [];
    for (const c of all.cells.get(name) ?? []) put(data, name, c);
  }
  for (const n of all.names) data.names.push({ name: n.name, reference: n.reference, scope: n.scope });
  return data;
}
