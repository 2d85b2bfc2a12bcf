/**
 * The pane's 添加评分依据表 plan builds the same sheet as `pe-score init` (src/cli/init.ts, which
 * patches the package with the .xlsx host): same cells, same names, same percent formats; and it
 * leaves names that already work alone.
 */
import ExcelJS from "exceljs";
import { builtinRuleSet } from "../../src/engine";
import { initWorkbook } from "../../src/cli/init";
import { readXlsx } from "../../src/hosts/xlsx";
import { inputSheetPlan } from "../../src/workbook/input-sheet";
import { bindingRows } from "../../src/workbook/binding";
import { rescore } from "../../src/workbook/rescore";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { Book, SAMPLE_000, withoutNames } from "./pane-helpers";

async function blankBook(withInputSheet: boolean, rsId: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("评分表").getCell("A1").value = "三级指标";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return withInputSheet ? initWorkbook(bytes, rsId).bytes! : bytes;
}

function sheetCells(s: WorkbookSnapshot, sheet: string) {
  return s.grids
    .find((g) => g.sheet === sheet)!
    .cells.filter((c) => c.value !== null)
    .map((c) => `${c.address}=${c.value}`);
}

function namesOn(s: WorkbookSnapshot, sheet: string) {
  return s.names
    .filter((n) => n.sheet === sheet)
    .map((n) => `${n.name}=${n.address}`)
    .sort();
}

describe("评分依据 sheet as a WritePlan", () => {
  test.each(["district-2020", "city-2021"])("same cells, names and formats as pe-score init (%s)", async (id) => {
    const rs = builtinRuleSet(id)!;
    const cli = readXlsx(await blankBook(true, id));
    const book = new Book(await blankBook(false, id));
    const plan = inputSheetPlan(book.read(), rs)!;
    expect(plan.sheets).toHaveLength(1);
    const pane = book.apply(plan);
    expect(sheetCells(pane, "评分依据")).toEqual(sheetCells(cli, "评分依据"));
    expect(namesOn(pane, "评分依据")).toEqual(namesOn(cli, "评分依据"));
    for (const def of rs.inputs) {
      const n = pane.names.find((x) => x.name === def.name)!;
      const c = cli.names.find((x) => x.name === def.name)!;
      expect(n.cells?.[0]?.numberFormat).toBe(c.cells?.[0]?.numberFormat);
    }
    // Every name resolves, and every cell is still to fill (issue 11.8: 待填写, not a green 已填写).
    expect(bindingRows(pane, rs).filter((r) => r.state !== "empty" && r.kind !== "effectTable")).toEqual([]);
    // 是/否 drop-downs are in the sheet (the .xlsx reader does not read validations; check the plan).
    const dv = plan.sheets[0].validations ?? [];
    const r1 = pane.names.find((n) => n.name === "预算编制合理性_1")!;
    expect(dv).toContainEqual(expect.objectContaining({ address: r1.address, type: "list", list: ["是", "否"] }));
    const lvl = pane.names.find((n) => n.name === "预决算信息公开_1")!;
    expect(dv.find((v) => v.address === lvl.address)?.list).toContain("按规定公开");
  });

  test("a workbook that already has 评分依据 gets no second one", () => {
    expect(inputSheetPlan(Book.sample(SAMPLE_000).read(), builtinRuleSet("district-2020")!)).toBeUndefined();
  });

  test("names that already work keep their cells; only the others are created on the new sheet", () => {
    const s0 = Book.sample(SAMPLE_000).read();
    // Pretend the workbook's inputs live elsewhere: rename the sheet in the snapshot so 评分依据 is free.
    const s: WorkbookSnapshot = {
      ...withoutNames(s0, ["核定编制数", "预算编制合理性_1"]),
      sheets: s0.sheets.filter((x) => x !== "评分依据"),
    };
    const plan = inputSheetPlan(s, builtinRuleSet("district-2020")!)!;
    expect(plan.names!.map((n) => n.name).sort()).toEqual(["核定编制数", "预算编制合理性_1"].sort());
    const labels = plan.sheets[0].rows.flat();
    expect(labels).toContain("核定编制数");
    expect(labels).not.toContain("在编人数");
  });

  test("after adding the sheet and filling it, rescoring reads it", async () => {
    const rs = builtinRuleSet("district-2020")!;
    const book = new Book(await blankBook(false, "district-2020"));
    const s = book.apply(inputSheetPlan(book.read(), rs)!);
    const row = bindingRows(s, rs).find((r) => r.key === "satisfaction")!;
    expect(row).toMatchObject({ state: "empty", sheet: "评分依据" });
    // The table is still missing (the blank book has no 评分表 rows): rescoring says so, not the inputs.
    const codes = new Set(rescore(s).errors.map((e) => e.code));
    expect(codes.has("nameRef")).toBe(false);
  });
});
