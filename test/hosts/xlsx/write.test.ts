import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readXlsx, XlsxPlanError } from "../../../src/hosts/xlsx";
import type { CellData, CellWrite, WorkbookSnapshot, WritePlan } from "../../../src/workbook/snapshot";
import { basicParts, entries, entryNames, entryText, makePackage, worksheet } from "./helpers";

const RICH = join(__dirname, "../../fixtures/rich.xlsx");

function w(
  sheet: string,
  address: string,
  value: CellWrite["value"],
  previous: CellWrite["previous"] = null,
): CellWrite {
  return { sheet, address, value, previous, role: "test" };
}

function cellMap(s: WorkbookSnapshot, sheet: string): Map<string, CellData> {
  const m = new Map<string, CellData>();
  for (const c of s.grids.find((g) => g.sheet === sheet)!.cells) m.set(c.address, c);
  return m;
}

function cellOf(s: WorkbookSnapshot, sheet: string, address: string): CellData | undefined {
  return cellMap(s, sheet).get(address);
}

/** Removes the <c> elements of `addresses` (and whole rows listed in `rows`) from sheet XML. */
function stripCells(xml: string, addresses: string[], rows: number[] = []): string {
  let out = xml;
  for (const a of addresses) out = out.replace(new RegExp(`<c r="${a}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</c>)`), "");
  for (const r of rows) out = out.replace(new RegExp(`<row r="${r}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</row>)`), "");
  return out.replace(/<dimension ref="[^"]*"\/>/, "<dimension/>");
}

describe("applyPlan on the LibreOffice rich fixture", () => {
  const input = new Uint8Array(readFileSync(RICH));
  const inputCopy = input.slice();
  const plan: WritePlan = {
    cells: [
      w("评分表", "E6", 4.5), // empty styled cell
      w("评分表", "E5", 9, 8.5), // number over number
      w("评分表", "E8", "优", "良"), // text over a formula
      w("评分表", "C10", "备注：已评分 <A&B>"), // new cell in a new row
      w("评分依据", "B2", 2000000, 1000000), // a named input formulas depend on
    ],
    sheets: [],
  };
  const output = applyPlan(input, plan);
  const before = readXlsx(input);
  const after = readXlsx(output);
  const changedParts = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"];

  test("the input is not mutated", () => {
    expect(Buffer.from(input).equals(Buffer.from(inputCopy))).toBe(true);
  });

  test("(a) every other entry is byte-identical, in the same order", () => {
    expect(entryNames(output)).toEqual(entryNames(input));
    const a = entries(input);
    const b = entries(output);
    for (const name of Object.keys(a)) {
      if (changedParts.includes(name)) continue;
      expect({ name, same: Buffer.from(a[name]).equals(Buffer.from(b[name])) }).toEqual({ name, same: true });
    }
    for (const name of changedParts) expect(Buffer.from(a[name]).equals(Buffer.from(b[name]))).toBe(false);
  });

  test("(b) the patched sheets differ only in the planned cells", () => {
    const planned = new Set(plan.cells.map((c) => `${c.sheet}!${c.address}`));
    for (const sheet of ["评分表", "评分依据", "评分设置"]) {
      const x = cellMap(before, sheet);
      const y = cellMap(after, sheet);
      for (const addr of new Set([...x.keys(), ...y.keys()])) {
        if (planned.has(`${sheet}!${addr}`)) continue;
        const empty = { address: addr, value: null };
        const norm = (c: CellData | undefined) =>
          c && (c.value !== null || c.formula !== undefined)
            ? c
            : { ...empty, numberFormat: c?.numberFormat ?? "General" };
        expect(norm(y.get(addr))).toEqual(norm(x.get(addr)));
      }
    }
    const s1Before = entryText(input, "xl/worksheets/sheet1.xml");
    const s1After = entryText(output, "xl/worksheets/sheet1.xml");
    expect(stripCells(s1After, ["E5", "E6", "E8"], [10])).toBe(stripCells(s1Before, ["E5", "E6", "E8"]));
    expect(s1After).toMatch(/<dimension ref="A1:F10"\/>/); // grown to cover C10
    const s2Before = entryText(input, "xl/worksheets/sheet2.xml");
    const s2After = entryText(output, "xl/worksheets/sheet2.xml");
    expect(stripCells(s2After, ["B2"])).toBe(stripCells(s2Before, ["B2"]));
    // The written cells keep their style and lose any type/formula.
    expect(s1After).toContain('<c r="E6" s="5"><v>4.5</v></c>');
    expect(s1After).toContain('<c r="E5" s="4"><v>9</v></c>');
    expect(s1After).toContain('<c r="E8" s="3" t="inlineStr"><is><t>优</t></is></c>');
    expect(s1After).toContain(
      '<row r="10"><c r="C10" t="inlineStr"><is><t>备注：已评分 &lt;A&amp;B&gt;</t></is></c></row></sheetData>',
    );
    expect(s2After).toMatch(/<c r="B2" s="\d+"><v>2000000<\/v><\/c>/);
  });

  test("(c) names, including the constant and the sheet-scoped one, are unchanged", () => {
    const strip = (s: WorkbookSnapshot) => s.names.map(({ cells: _cells, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(after.names.find((n) => n.name === "税率")).toEqual({ name: "税率", scope: null, reference: "0.06" });
    expect(after.names.find((n) => n.name === "本表得分")).toMatchObject({ scope: "评分表", address: "E3:E6" });
    const defined = (b: Uint8Array) =>
      /<definedNames>[\s\S]*<\/definedNames>/.exec(entryText(b, "xl/workbook.xml"))![0];
    expect(defined(output)).toBe(defined(input));
  });

  test("(d) fullCalcOnLoad is set, and workbook.xml changes nowhere else", () => {
    const wbBefore = entryText(input, "xl/workbook.xml");
    const wbAfter = entryText(output, "xl/workbook.xml");
    expect(wbAfter).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(wbAfter.replace(' fullCalcOnLoad="1"', "")).toBe(wbBefore);
  });

  test("(e) readXlsx of the output shows the new values", () => {
    expect(cellOf(after, "评分表", "E6")).toEqual({ address: "E6", value: 4.5, numberFormat: "0.00" });
    expect(cellOf(after, "评分表", "E5")).toMatchObject({ value: 9 });
    expect(cellOf(after, "评分表", "E8")).toEqual({ address: "E8", value: "优", numberFormat: "General" });
    expect(cellOf(after, "评分表", "C10")).toEqual({
      address: "C10",
      value: "备注：已评分 <A&B>",
      numberFormat: "General",
    });
    expect(cellOf(after, "评分表", "E7")).toMatchObject({ formula: "SUM(E3:E6)" }); // dependent formula kept
    expect(after.names.find((n) => n.name === "政府采购计划金额")!.cells![0].value).toBe(2000000);
    expect(after.grids.find((g) => g.sheet === "评分表")!.area).toMatch(/^A\d+:\w+10$/);
  });
});

const SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("applyPlan on hand-written packages", () => {
  test("namespace prefixes, self-closing cells and rows, ordered insertion, null clears", () => {
    const sheet = worksheet(
      `<x:dimension ref="B2:D4"/><x:sheetData>` +
        `<x:row r="2" spans="2:4"><x:c r="B2" s="3"/><x:c r="D2" s="1"><x:f>B2*2</x:f><x:v>0</x:v></x:c></x:row>` +
        `<x:row r="4" ht="20" customHeight="1"/>` +
        `</x:sheetData>`,
      "x:",
    );
    const input = makePackage(basicParts({ prefix: "x:", sheet1: sheet }));
    const out = applyPlan(input, {
      cells: [
        w("表一", "C2", 7),
        w("表一", "B2", "甲"),
        w("表一", "D2", null),
        w("表一", "A4", 1),
        w("表一", "E3", "乙"),
        w("表一", "A1", 0.5),
      ],
      sheets: [],
    });
    const xml = entryText(out, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(
      `<x:sheetData><x:row r="1"><x:c r="A1"><x:v>0.5</x:v></x:c></x:row>` +
        `<x:row r="2" spans="2:4"><x:c r="B2" s="3" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c><x:c r="D2" s="1"/></x:row>` +
        `<x:row r="3"><x:c r="E3" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c></x:row>` +
        `<x:row r="4" ht="20" customHeight="1"><x:c r="A4"><x:v>1</x:v></x:c></x:row></x:sheetData>`,
    );
    expect(xml).toContain(`<x:dimension ref="A1:E4"/>`);
    const wb = entryText(out, "xl/workbook.xml");
    expect(wb).toContain(`</x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>`);
    const snap = readXlsx(out);
    expect(cellOf(snap, "表一", "D2")).toBeUndefined(); // cleared: an empty cell is not listed
  });

  test("calcPr is inserted in schema order (after definedNames, before extLst)", () => {
    const input = makePackage(
      basicParts({
        sheet1: worksheet(`<sheetData/>`),
        workbookInner: `<definedNames><definedName name="a">表一!$A$1</definedName></definedNames><extLst><ext uri="x"/></extLst>`,
      }),
    );
    const out = applyPlan(input, { cells: [w("表一", "A1", 1)], sheets: [] });
    expect(entryText(out, "xl/workbook.xml")).toContain(`</definedNames><calcPr fullCalcOnLoad="1"/><extLst>`);
    expect(entryText(out, "xl/worksheets/sheet1.xml")).toContain(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
    );
  });

  test("an existing fullCalcOnLoad is normalised to 1", () => {
    const input = makePackage(
      basicParts({
        sheet1: worksheet(`<sheetData/>`),
        workbookInner: `<calcPr calcId="191029" fullCalcOnLoad="0"></calcPr>`,
      }),
    );
    const out = applyPlan(input, { cells: [w("表一", "A1", 1)], sheets: [] });
    expect(entryText(out, "xl/workbook.xml")).toContain(`<calcPr calcId="191029" fullCalcOnLoad="1"></calcPr>`);
  });

  test("calcChain loses only the overwritten formula cells, keeping implicit sheet ids right", () => {
    const f = (r: string, formula: string) => `<c r="${r}"><f>${formula}</f><v>1</v></c>`;
    const sheet1 = worksheet(
      `<sheetData><row r="1">${f("A1", "1+0")}${f("B1", "A1")}${f("C1", "B1")}</row></sheetData>`,
    );
    const sheet2 = worksheet(`<sheetData><row r="1">${f("A1", "1+0")}${f("B1", "A1")}</row></sheetData>`);
    const chain = `<calcChain xmlns="${SHEET_NS}"><c r="A1" i="1"/><c r="B1"/><c r="C1"/><c r="A1" i="2" l="1"/><c r="B1"/></calcChain>`;
    const input = makePackage(basicParts({ sheet1, sheet2, calcChain: chain }));

    const out = applyPlan(input, { cells: [w("表一", "A1", 5), w("表二", "A1", 6)], sheets: [] });
    expect(entryText(out, "xl/calcChain.xml")).toBe(
      `<calcChain xmlns="${SHEET_NS}"><c i="1" r="B1"/><c r="C1"/><c i="2" r="B1"/></calcChain>`,
    );
    expect(entryText(out, "xl/worksheets/sheet1.xml")).toContain(`<row r="1"><c r="A1"><v>5</v></c>${f("B1", "A1")}`);

    // Overwriting every formula removes calcChain with its relationship and override.
    const all = applyPlan(input, {
      cells: ["A1", "B1", "C1"].map((a) => w("表一", a, 0)).concat(["A1", "B1"].map((a) => w("表二", a, 0))),
      sheets: [],
    });
    expect(entryNames(all)).not.toContain("xl/calcChain.xml");
    expect(entryText(all, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(entryText(all, "[Content_Types].xml")).not.toContain("calcChain");
    expect(readXlsx(all).sheets).toEqual(["表一", "表二"]);

    // Writing a plain cell leaves calcChain alone.
    const plain = applyPlan(input, { cells: [w("表一", "D1", 1)], sheets: [] });
    expect(entryText(plain, "xl/calcChain.xml")).toBe(chain);
  });

  test("overwriting a shared formula's master gives its members their own formulas", () => {
    const sheet1 = worksheet(
      `<sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>` +
        `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>` +
        `<row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><f t="shared" si="0"/><v>6</v></c></row>` +
        `</sheetData>`,
    );
    const out = applyPlan(makePackage(basicParts({ sheet1 })), { cells: [w("表一", "B1", 9)], sheets: [] });
    const xml = entryText(out, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<c r="B1"><v>9</v></c>`);
    expect(xml).toContain(`<c r="B2"><f>A2*2</f><v>4</v></c>`);
    expect(xml).toContain(`<c r="B3" s="1"><f>A3*2</f><v>6</v></c>`);
    const snap = readXlsx(out);
    expect(cellOf(snap, "表一", "B3")).toMatchObject({ value: 6, formula: "A3*2" });
  });

  test("text is escaped so it reads back exactly", () => {
    const input = makePackage(basicParts({ sheet1: worksheet(`<sheetData/>`) }));
    const tricky = [" 前后空格 ", "多行\n文本", "控制\u0001符", "字面 _x0041_ 转义", "引号\"'<>&", "回车\r\n"];
    const out = applyPlan(input, { cells: tricky.map((t, i) => w("表一", `A${i + 1}`, t)), sheets: [] });
    const snap = readXlsx(out);
    expect(tricky.map((_t, i) => cellOf(snap, "表一", `A${i + 1}`)!.value)).toEqual(tricky);
    expect(entryText(out, "xl/worksheets/sheet1.xml")).toContain(`<t xml:space="preserve"> 前后空格 </t>`);
  });

  test("plan.sheets creates a sheet (part, workbook entry, relationship, content type) and replaces one", () => {
    const input = makePackage(
      basicParts({ sheet1: worksheet(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`) }),
    );
    const out = applyPlan(input, {
      cells: [w("评分明细", "C1", "附注")],
      sheets: [
        {
          sheet: "评分明细",
          rows: [
            ["指标", "得分"],
            ["预算执行率", 8.5],
            [null, "=不是公式"],
          ],
        },
      ],
    });
    expect(entryNames(out)).toEqual([...entryNames(input), "xl/worksheets/sheet2.xml"]);
    expect(entryText(out, "xl/workbook.xml")).toContain(`<sheet name="评分明细" sheetId="2" r:id="rId2"/></sheets>`);
    expect(entryText(out, "xl/_rels/workbook.xml.rels")).toContain(
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    );
    expect(entryText(out, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    );
    const snap = readXlsx(out);
    expect(snap.sheets).toEqual(["表一", "评分明细"]);
    const g = snap.grids[1];
    expect(g.area).toBe("A1:C3");
    expect(g.cells.map((c) => [c.address, c.value])).toEqual([
      ["A1", "指标"],
      ["B1", "得分"],
      ["C1", "附注"],
      ["A2", "预算执行率"],
      ["B2", 8.5],
      ["B3", "=不是公式"],
    ]);
    expect(g.cells[5].formula).toBeUndefined();

    // Replacing it: same part, new content, no new sheet.
    const again = applyPlan(out, { cells: [], sheets: [{ sheet: "评分明细", rows: [["新"]] }] });
    expect(entryNames(again)).toEqual(entryNames(out));
    expect(readXlsx(again).grids[1].cells).toEqual([{ address: "A1", value: "新", numberFormat: "General" }]);
  });

  test("plan.names re-points a workbook-scoped name and adds new ones; sheet-scoped names stay", () => {
    const input = new Uint8Array(readFileSync(RICH));
    const out = applyPlan(input, {
      cells: [],
      sheets: [],
      names: [
        { name: "政府采购计划金额", sheet: "评分依据", address: "B3" },
        { name: "本表得分", sheet: "评分设置", address: "B1:B2" }, // same text as a sheet-scoped name: a new workbook name
        { name: "满意度", sheet: "评分设置", address: "B2" },
      ],
    });
    const names = readXlsx(out).names;
    const find = (n: string, scope: string | null) => names.find((x) => x.name === n && x.scope === scope);
    expect(find("政府采购计划金额", null)).toMatchObject({ reference: "评分依据!$B$3", address: "B3" });
    expect(find("本表得分", "评分表")).toMatchObject({ reference: "评分表!$E$3:$E$6" });
    expect(find("本表得分", null)).toMatchObject({ reference: "评分设置!$B$1:$B$2", address: "B1:B2" });
    expect(find("满意度", null)!.cells).toEqual([{ address: "B2", value: "否", numberFormat: "General" }]);
    expect(find("税率", null)).toEqual({ name: "税率", scope: null, reference: "0.06" });
    expect(names.length).toBe(readXlsx(input).names.length + 2);
    // The existing element keeps its attributes.
    expect(entryText(out, "xl/workbook.xml")).toContain(
      `<definedName function="false" hidden="false" name="政府采购计划金额" vbProcedure="false">评分依据!$B$3</definedName>`,
    );

    // A workbook without <definedNames> gets one in schema order; odd sheet names are quoted.
    const bare = makePackage(basicParts({ sheet1: worksheet(`<sheetData/>`), workbookInner: `<calcPr calcId="1"/>` }));
    const named = applyPlan(bare, {
      cells: [],
      sheets: [],
      names: [{ name: "部门预算总额", sheet: "表一", address: "C5" }],
    });
    expect(entryText(named, "xl/workbook.xml")).toContain(
      `</sheets><definedNames><definedName name="部门预算总额">表一!$C$5</definedName></definedNames><calcPr`,
    );
    const quoted = applyPlan(input, {
      cells: [],
      sheets: [{ sheet: "It's 明细", rows: [[1]] }],
      names: [{ name: "明细", sheet: "It's 明细", address: "A1" }],
    });
    expect(readXlsx(quoted).names.find((n) => n.name === "明细")).toEqual({
      name: "明细",
      scope: null,
      reference: "'It''s 明细'!$A$1",
      sheet: "It's 明细",
      address: "A1",
      cells: [{ address: "A1", value: 1, numberFormat: "General" }],
    });
    expect(() =>
      applyPlan(bare, { cells: [], sheets: [], names: [{ name: "A1", sheet: "表一", address: "C5" }] }),
    ).toThrow(XlsxPlanError);
    expect(() =>
      applyPlan(bare, { cells: [], sheets: [], names: [{ name: "有 空格", sheet: "表一", address: "C5" }] }),
    ).toThrow(/定义名称/);
  });

  test("bad plans throw XlsxPlanError with Chinese messages", () => {
    const input = makePackage(basicParts({ sheet1: worksheet(`<sheetData/>`) }));
    expect(() => applyPlan(input, { cells: [w("没有", "A1", 1)], sheets: [] })).toThrow(
      new XlsxPlanError("unknownSheet", "要写入的工作表“没有”不存在"),
    );
    expect(() => applyPlan(input, { cells: [w("表一", "A0", 1)], sheets: [] })).toThrow(XlsxPlanError);
    expect(() => applyPlan(input, { cells: [w("表一", "A1", NaN)], sheets: [] })).toThrow(XlsxPlanError);
    expect(() => applyPlan(input, { cells: [], sheets: [{ sheet: "a/b", rows: [] }] })).toThrow(/工作表名称/);
  });

  test("an empty plan returns an identical copy", () => {
    const input = makePackage(basicParts({ sheet1: worksheet(`<sheetData/>`) }));
    const out = applyPlan(input, { cells: [], sheets: [] });
    expect(out).not.toBe(input);
    expect(Buffer.from(out).equals(Buffer.from(input))).toBe(true);
  });
});
