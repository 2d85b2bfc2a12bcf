/**
 * The .xlsx host applies a new sheet's optional number formats (new cellXfs entries, existing
 * styles untouched), data validations and column widths, and the reader sees the formats.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readAllCells, readXlsx } from "../../../src/hosts/xlsx";
import { addNumberFormatStyles } from "../../../src/hosts/xlsx/write";
import type { WritePlan } from "../../../src/workbook/snapshot";
import { entryText } from "./helpers";

const sample = () => new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx")));

const plan: WritePlan = {
  cells: [],
  sheets: [
    {
      sheet: "新表",
      rows: [["标题"], [null, "满意度", null], [null, "次数", 3], [null, "金额", null]],
      formats: [
        { address: "C2", numberFormat: "0.00%" },
        { address: "C3", numberFormat: "0" },
        { address: "C4", numberFormat: '#,##0.000 "万元"' },
      ],
      validations: [
        { address: "C5", type: "list", list: ["是", "否"], error: "请选择 是 或 否" },
        { address: "D6:D8", type: "decimal", min: 0, max: 1.5 },
        { address: "C6", type: "whole", min: 0 },
      ],
      columnWidths: [20, 30],
    },
  ],
};

describe("xlsx host: formats, validations and widths of new sheets", () => {
  test("formats are read back; other sheets' formats are unchanged", () => {
    const before = readXlsx(sample());
    const out = applyPlan(sample(), plan);
    const after = readXlsx(out);
    // Every cell, formatted empty ones included (sparse snapshots list only cells with content).
    const all = readAllCells(out);
    const cell = (a: string) => all.cells.get("新表")!.find((c) => c.address === a);
    expect(cell("C2")).toMatchObject({ value: null, numberFormat: "0.00%" });
    expect(cell("C3")).toMatchObject({ value: 3, numberFormat: "0" });
    expect(cell("C4")?.numberFormat).toBe('#,##0.000 "万元"');
    const formats = (s: typeof before) =>
      s.grids
        .filter((g) => g.sheet !== "新表")
        .flatMap((g) => g.cells.map((c) => `${g.sheet}!${c.address}=${c.numberFormat}`));
    expect(formats(after)).toEqual(formats(before));
    const sheetXml = entryText(out, "xl/worksheets/sheet" + (before.sheets.length + 1) + ".xml");
    expect(sheetXml).toContain('<dataValidations count="3">');
    expect(sheetXml).toContain(
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" error="请选择 是 或 否" sqref="C5"><formula1>"是,否"</formula1></dataValidation>',
    );
    expect(sheetXml).toContain(
      '<dataValidation type="decimal" operator="between" allowBlank="1" showErrorMessage="1" sqref="D6:D8"><formula1>0</formula1><formula2>1.5</formula2></dataValidation>',
    );
    expect(sheetXml).toContain(
      '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/></cols>',
    );
    // Schema order: cols before sheetData, dataValidations after it.
    expect(sheetXml.indexOf("<cols>")).toBeLessThan(sheetXml.indexOf("<sheetData>"));
    expect(sheetXml.indexOf("<dataValidations")).toBeGreaterThan(sheetXml.indexOf("</sheetData>"));
  });

  test("addNumberFormatStyles: built-in ids reused, custom codes get ids from 164 up, counts updated", () => {
    const xml =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>';
    const { xml: next, index } = addNumberFormatStyles(xml, ["0.00%", "0.0", "0.000", "0.00%"]);
    expect([...index]).toEqual([
      ["0.00%", 2],
      ["0.0", 3],
      ["0.000", 4],
    ]);
    expect(next).toContain(
      '<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0"/><numFmt numFmtId="171" formatCode="0.000"/></numFmts>',
    );
    expect(next).toContain('<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="10"');
  });
});
