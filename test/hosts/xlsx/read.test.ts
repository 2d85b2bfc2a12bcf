import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/hosts/xlsx";
import type { CellData, WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { basicParts, editEntries, makePackage, worksheet } from "./helpers";

/** A workbook as exceljs writes it, plus names exceljs cannot write (injected into workbook.xml). */
async function exceljsFixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const table = wb.addWorksheet("评分表");
  table.getCell("A1").value = "部门整体支出绩效自评表";
  table.mergeCells("A1:C1");
  table.getCell("A2").value = "三级指标";
  table.getCell("B2").value = "分值";
  table.getCell("C2").value = "自评得分";
  table.getCell("A3").value = "预算执行率";
  table.getCell("B3").value = 10;
  table.getCell("C3").value = 8.5;
  table.getCell("A4").value = "预算执行率"; // a repeated shared string
  table.getCell("B4").value = 5;
  table.getCell("C4").value = { formula: "B4*0.9", result: 4.5 };
  table.getCell("C5").value = { formula: "SUM(C3:C4)", result: 13 };
  table.getCell("A6").value = { formula: 'IF(C5>10,"优","良")', result: "优" };
  table.getCell("B6").value = true;
  table.getCell("C6").value = { error: "#DIV/0!" };
  table.getCell("C7").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] };

  const basis = wb.addWorksheet("评分依据");
  basis.getCell("A1").value = "政府采购计划金额";
  basis.getCell("B2").value = 1234567.89;
  basis.getCell("B2").numFmt = "#,##0.00";
  basis.getCell("B3").value = 0.9561;
  basis.getCell("B3").numFmt = "0.00%";
  basis.getCell("B4").value = 0.5;
  basis.getCell("B4").numFmt = "0%";
  basis.getCell("B5").value = 0.1234;
  basis.getCell("B5").numFmt = '0.0"分"';
  basis.getCell("B6").value = 20;
  basis.getCell("B7").value = 45;
  basis.getCell("B8").value = 70;
  basis.getCell("C6").value = { formula: "B6*2", result: 40, shareType: "shared", ref: "C6:C8" } as ExcelJS.CellValue;
  basis.getCell("C7").value = { sharedFormula: "C6", result: 90 };
  basis.getCell("C8").value = { sharedFormula: "C6", result: 140 };
  basis.getCell("D9").value = "最后";

  wb.addWorksheet("It's 设置").getCell("B2").value = "x";
  wb.addWorksheet("空表");

  wb.definedNames.add("评分依据!$B$2", "政府采购计划金额");
  wb.definedNames.add("评分依据!$B$6:$B$8", "季度支出");

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const extra =
    `<definedName name="满意度">'评分依据'!$B$3</definedName>` +
    `<definedName name="空白">评分依据!$E$20</definedName>` +
    `<definedName name="失效">#REF!</definedName>` +
    `<definedName name="失效2">评分依据!#REF!</definedName>` +
    `<definedName name="税率">0.06</definedName>` +
    `<definedName name="本表得分" localSheetId="0">评分表!$C$3:$C$4</definedName>` +
    `<definedName name="引号" hidden="1">'It''s 设置'!$B$2</definedName>` +
    `<definedName name="整列">评分依据!$B:$B</definedName>`;
  return editEntries(bytes, {
    "xl/workbook.xml": (xml) =>
      xml.includes("</definedNames>")
        ? xml.replace("</definedNames>", `${extra}</definedNames>`)
        : xml.replace("</sheets>", `</sheets><definedNames>${extra}</definedNames>`),
  });
}

function grid(s: WorkbookSnapshot, sheet: string) {
  const g = s.grids.find((x) => x.sheet === sheet);
  if (!g) throw new Error(`no grid ${sheet}`);
  return g;
}

function cell(s: WorkbookSnapshot, sheet: string, address: string): CellData {
  const found = grid(s, sheet).cells.find((c) => c.address === address);
  if (found) return found;
  // Names carry their cells, empty ones included.
  for (const n of s.names) if (n.sheet === sheet) for (const c of n.cells ?? []) if (c.address === address) return c;
  throw new Error(`no cell ${sheet}!${address}`);
}

describe("readXlsx on an exceljs-made workbook", () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = readXlsx(await exceljsFixture());
  });

  test("sheets in order", () => {
    expect(snap.sheets).toEqual(["评分表", "评分依据", "It's 设置", "空表"]);
  });

  test("cell names resolve to their cells", () => {
    const n = (name: string) => snap.names.find((x) => x.name === name)!;
    expect(n("政府采购计划金额")).toEqual({
      name: "政府采购计划金额",
      scope: null,
      reference: "'评分依据'!$B$2", // exceljs quotes every sheet name
      sheet: "评分依据",
      address: "B2",
      cells: [{ address: "B2", value: 1234567.89, numberFormat: "#,##0.00" }],
    });
    expect(n("季度支出").address).toBe("B6:B8");
    expect(n("季度支出").cells).toEqual([
      { address: "B6", value: 20, numberFormat: "General" },
      { address: "B7", value: 45, numberFormat: "General" },
      { address: "B8", value: 70, numberFormat: "General" },
    ]);
    expect(n("满意度")).toMatchObject({ sheet: "评分依据", address: "B3" });
    expect(n("满意度").cells).toEqual([{ address: "B3", value: 0.9561, numberFormat: "0.00%", text: "95.61%" }]);
    expect(n("空白").cells).toEqual([{ address: "E20", value: null, numberFormat: "General" }]);
    expect(n("引号")).toMatchObject({ reference: "'It''s 设置'!$B$2", sheet: "It's 设置", address: "B2" });
    expect(n("引号").cells?.[0].value).toBe("x");
  });

  test("constant, #REF!, whole-column and sheet-scoped names", () => {
    const n = (name: string) => snap.names.find((x) => x.name === name)!;
    expect(n("失效")).toEqual({ name: "失效", scope: null, reference: "#REF!" });
    expect(n("失效2")).toEqual({ name: "失效2", scope: null, reference: "评分依据!#REF!" });
    expect(n("税率")).toEqual({ name: "税率", scope: null, reference: "0.06" });
    expect(n("整列")).toEqual({ name: "整列", scope: null, reference: "评分依据!$B:$B" });
    expect(n("本表得分")).toMatchObject({ scope: "评分表", sheet: "评分表", address: "C3:C4" });
    expect(n("本表得分").cells?.map((c) => c.value)).toEqual([8.5, 4.5]);
  });

  test("values of every cell type, formulas and formats", () => {
    expect(cell(snap, "评分表", "A3")).toEqual({ address: "A3", value: "预算执行率", numberFormat: "General" });
    expect(cell(snap, "评分表", "A4").value).toBe("预算执行率");
    expect(cell(snap, "评分表", "C4")).toEqual({
      address: "C4",
      value: 4.5,
      numberFormat: "General",
      formula: "B4*0.9",
    });
    expect(cell(snap, "评分表", "C5")).toMatchObject({ value: 13, formula: "SUM(C3:C4)" });
    expect(cell(snap, "评分表", "A6")).toMatchObject({ value: "优", formula: 'IF(C5>10,"优","良")' });
    expect(cell(snap, "评分表", "B6").value).toBe(true);
    expect(cell(snap, "评分表", "C6")).toEqual({
      address: "C6",
      value: null,
      error: "#DIV/0!",
      numberFormat: "General",
    });
    expect(cell(snap, "评分表", "C7").value).toBe("富文本");
    expect(cell(snap, "评分依据", "B4")).toEqual({ address: "B4", value: 0.5, numberFormat: "0%", text: "50%" });
    expect(cell(snap, "评分依据", "B5")).toEqual({ address: "B5", value: 0.1234, numberFormat: '0.0"分"' });
  });

  test("shared formulas: members get the master's formula moved to their cell", () => {
    expect(cell(snap, "评分依据", "C6").formula).toBe("B6*2");
    expect(cell(snap, "评分依据", "C7")).toMatchObject({ value: 90, formula: "B7*2" });
    expect(cell(snap, "评分依据", "C8")).toMatchObject({ value: 140, formula: "B8*2" });
  });

  test("grids are the used ranges, sparse, with merges", () => {
    const t = grid(snap, "评分表");
    expect(t.area).toBe("A1:C7");
    expect(t.merges).toEqual(["A1:C1"]);
    expect(t.cells.find((c) => c.address === "B1")).toBeUndefined(); // empty: not listed
    expect(t.cells.every((c) => c.value !== null || c.formula !== undefined || c.error !== undefined)).toBe(true);
    const b = grid(snap, "评分依据");
    expect(b.area).toBe("A1:D9");
    expect(b.cells.find((c) => c.address === "D9")).toMatchObject({ value: "最后" });
    const q = grid(snap, "It's 设置");
    expect(q).toEqual({
      sheet: "It's 设置",
      area: "B2",
      cells: [{ address: "B2", value: "x", numberFormat: "General" }],
      merges: [],
    });
    expect(snap.grids.find((g) => g.sheet === "空表")).toBeUndefined();
    expect(snap.settings).toBeUndefined();
  });
});

describe("readXlsx on hand-written XML", () => {
  test("namespace prefixes, inline rich text, rows and cells without r, styles, settings sheet", () => {
    const x = "x:";
    const sheet1 = worksheet(
      `<x:dimension ref="A1:Z99"/><x:cols><x:col min="4" max="4" style="2"/></x:cols><x:sheetData>` +
        `<x:row><x:c t="inlineStr"><x:is><x:r><x:t>评分</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 设置</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ピン</x:t></x:rPh></x:is></x:c><x:c s="1"><x:v>0.25</x:v></x:c></x:row>` +
        `<x:row r="3" s="2" customFormat="1"><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c r="C3" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="E3" s="1"/></x:row>` +
        `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B3:C3"/></x:mergeCells>`,
      x,
    );
    const bytes = makePackage(
      basicParts({
        prefix: x,
        sheet1,
        workbookInner: `<x:definedNames><x:definedName name="比例">表一!$B$1</x:definedName><x:definedName name="空">表一!$D$3:$E$3</x:definedName><x:definedName name="列格式">表一!$D$2</x:definedName></x:definedNames>`,
        sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>A&amp;B_x000D_</t></si></sst>`,
        styles:
          `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
          `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
      }),
    );
    // Rename the sheet to 评分设置 so it also becomes `settings`.
    const renamed = editEntries(bytes, {
      "xl/workbook.xml": (s) => s.replace(/表一/g, "评分设置"),
    });
    const snap = readXlsx(renamed);
    expect(snap.sheets).toEqual(["评分设置"]);
    const g = snap.grids[0];
    expect(g.area).toBe("A1:C3");
    const at = (a: string) => g.cells.find((c) => c.address === a);
    expect(at("A1")).toEqual({ address: "A1", value: "评分 设置", numberFormat: "General" });
    expect(at("B1")).toEqual({ address: "B1", value: 0.25, numberFormat: "0.0%", text: "25.0%" });
    expect(at("B3")).toEqual({ address: "B3", value: "A&B\r", numberFormat: "General" });
    expect(at("C3")).toEqual({ address: "C3", value: "ab", numberFormat: "General", formula: '"a"&"b"' });
    expect(g.merges).toEqual(["B3:C3"]);
    expect(snap.settings).toBe(g);
    const empty = snap.names.find((n) => n.name === "空")!;
    // D3 lies in a row with a custom row format (@), E3 exists with its own style.
    expect(empty.cells).toEqual([
      { address: "D3", value: null, numberFormat: "@" },
      { address: "E3", value: null, numberFormat: "0.0%" },
    ]);
    // D2 is in no row: the column's style applies.
    expect(snap.names.find((n) => n.name === "列格式")!.cells).toEqual([
      { address: "D2", value: null, numberFormat: "@" },
    ]);
    expect(snap.names.find((n) => n.name === "比例")!.cells).toEqual([
      { address: "B1", value: 0.25, numberFormat: "0.0%", text: "25.0%" },
    ]);
  });
});
