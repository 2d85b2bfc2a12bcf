import ExcelJS from "exceljs";
import { applyPlan, readXlsx, XlsxFormatError } from "../../../src/hosts/xlsx";
import { XLSX_TEXT } from "../../../src/text/xlsx";
import { basicParts, editEntries, makePackage, worksheet } from "./helpers";

function expectFormatError(fn: () => unknown, code: XlsxFormatError["code"], message: string) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(XlsxFormatError);
  expect(caught).toBeInstanceOf(Error);
  expect((caught as XlsxFormatError).code).toBe(code);
  expect((caught as XlsxFormatError).message).toBe(message);
}

const plan = { cells: [{ sheet: "表一", address: "A1", value: 1, previous: null, role: "t" }], sheets: [] };

describe("malformed input", () => {
  test("an empty file", () => {
    expectFormatError(() => readXlsx(new Uint8Array(0)), "empty", XLSX_TEXT.empty);
    expectFormatError(() => applyPlan(new Uint8Array(0), plan), "empty", XLSX_TEXT.empty);
  });

  test("not a zip", () => {
    const text = new TextEncoder().encode("部门,得分\n预算执行率,8.5\n");
    expectFormatError(() => readXlsx(text), "notZip", "文件不是有效的 .xlsx 工作簿（无法解压）");
    expectFormatError(() => applyPlan(text, plan), "notZip", XLSX_TEXT.notZip);
    // A truncated real workbook is not a zip either.
    const good = makePackage(basicParts({ sheet1: worksheet(`<sheetData/>`) }));
    expectFormatError(() => readXlsx(good.slice(0, good.length - 30)), "notZip", XLSX_TEXT.notZip);
  });

  test("a zip without workbook.xml", () => {
    const zip = makePackage({ "word/document.xml": "<w:document/>", "_rels/.rels": "<Relationships/>" });
    expectFormatError(() => readXlsx(zip), "noWorkbook", XLSX_TEXT.noWorkbook);
    expectFormatError(() => applyPlan(zip, plan), "noWorkbook", XLSX_TEXT.noWorkbook);
  });

  test("a workbook whose sheet part is missing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表一").getCell("A1").value = 1;
    const bytes = editEntries(new Uint8Array(await wb.xlsx.writeBuffer()), { "xl/worksheets/sheet1.xml": () => null });
    expectFormatError(() => readXlsx(bytes), "badPart", XLSX_TEXT.missingSheetPart("表一"));
  });

  test("a workbook without _rels/.rels still opens through xl/workbook.xml", () => {
    const parts = basicParts({ sheet1: worksheet(`<sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData>`) });
    delete parts["_rels/.rels"];
    expect(readXlsx(makePackage(parts)).grids[0].cells[0].value).toBe(3);
  });
});
