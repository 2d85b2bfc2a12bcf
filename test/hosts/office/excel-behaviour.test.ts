/**
 * What the typed fake used to let through (issue 10), now that it behaves as Excel's docs say:
 * names resolved when added, text converted by `values`, a quote-prefixed "=" text read back
 * through `formulas`, null-object chains refused by a strict client, undo groups refused, manual
 * calculation mode.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../../src/hosts/xlsx";
import { builtinRuleSet } from "../../../src/engine";
import { applyPlanInExcel, rescoreWorkbook, watchChanges } from "../../../src/hosts/office";
import { defaultContract } from "../../../src/hosts/office/defaultContract";
import { readFirst, Syncs, writePlan } from "../../../src/hosts/office/session";
import { toSnapshot } from "../../../src/hosts/office/read";
import { inputSheetPlan, setupSheetsPlan } from "../../../src/workbook/input-sheet";
import { contractNames } from "../../../src/workbook/rescore";
import { readUndoRecord, undoPlan } from "../../../src/workbook/undo";
import { convertWrittenText, FakeWorkbookData } from "../../fakes/excel";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";
import { buildFixture } from "./helpers";

const SAMPLE = () => new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx")));
const NOW = new Date(2026, 10, 30, 9, 0);

async function snapshotOf(data: FakeWorkbookData) {
  const ctx = data.context();
  return toSnapshot(await readFirst(ctx, new Syncs(ctx), contractNames()));
}

describe("the fake is as strict as Excel", () => {
  test("a name added before the sheet it points at exists is refused; after it, accepted", async () => {
    const data = new FakeWorkbookData();
    data.addSheet("表一");
    const ctx = data.context();
    ctx.workbook.names.add("早", "='新表'!$A$1");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.worksheets.add("新表");
    ctx.workbook.names.add("晚", "='新表'!$A$1");
    await ctx.sync();
    expect(data.names.map((n) => n.name)).toEqual(["晚"]);
  });

  test.each([
    ["2024", { value: 2024 }],
    ["1,234.5", { value: 1234.5 }],
    ["5%", { value: 0.05, numberFormat: "0%" }],
    ["TRUE", { value: true }],
    ["2026-11-30 10:00", { value: 46356 + 10 / 24, numberFormat: "yyyy/m/d h:mm" }],
    ["2024年1月", { value: 45292, numberFormat: 'yyyy"年"m"月"' }],
    ["=A1", { value: null, formula: "A1" }],
    ["'2024", { value: "2024", quotePrefix: true }],
    ["良", { value: "良" }],
  ])("Range.values converts %j as Excel does", (text, cell) => {
    expect(convertWrittenText(text)).toEqual(cell);
  });
});

describe("the Office host against it", () => {
  test("添加评分依据表 and a new 评分设置: sheets are created before the names that point at them", async () => {
    const data = fakeFromXlsx(await buildFixture({ omit: ["满意度"] }));
    data.sheets = data.sheets.filter((s) => s.name !== "评分依据");
    data.names = data.names.filter((n) => !/评分依据/.test(n.reference));
    const snap = await snapshotOf(data);
    const plan =
      setupSheetsPlan(snap, builtinRuleSet("city-2021")!) ?? inputSheetPlan(snap, builtinRuleSet("city-2021")!)!;
    expect(plan.sheets.length).toBeGreaterThan(0);
    expect(plan.names?.length).toBeGreaterThan(10);
    const r = await applyPlanInExcel(data.run, plan, contractNames(), () => true);
    expect(r.errors).toEqual([]);
    for (const n of plan.names!) expect(data.nameType(data.names.find((x) => x.name === n.name)!)).toBe("Range");
  });

  test("text Excel would convert stays text: an undo record of a sheet named 2024 comes back and undoes", async () => {
    // The sample's score sheet renamed "2024": the record's 工作表 column must not become a number.
    const data = fakeFromXlsx(SAMPLE());
    const table = data.sheets.find((s) => s.name === "评分表")!;
    table.name = "2024";
    for (const n of data.names) n.reference = n.reference.replace(/^'?评分表'?!/, "'2024'!");
    const out = await rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: NOW });
    expect(out.errors).toEqual([]);
    const snap = await snapshotOf(data);
    const record = readUndoRecord(snap)!;
    expect(record.entries.map((e) => e.sheet)).toEqual(["2024", "2024"]);
    const u = undoPlan(snap, NOW);
    if (!u.ok) throw new Error(u.message);
    expect(u.restored).toBe(2);
  });

  test("a text cell that starts with = (typed with Excel's quote) is read as text, and a rollback writes it back as text", async () => {
    const data = fakeFromXlsx(SAMPLE());
    data.setCell("评分表", "K3", { value: "=不是公式", quotePrefix: true });
    const snap = await snapshotOf(data);
    // K3 is inside the 评分表 region only when the name covers it; read it through the scan instead.
    const ctx = data.context();
    const r = ctx.workbook.worksheets.getItem("评分表").getRange("K3").load("values,formulas,valueTypes,address");
    await ctx.sync();
    expect(r.formulas[0][0]).toBe("=不是公式"); // office-js#6687: the quote is gone
    const { readRange } = await import("../../../src/hosts/office/read");
    expect(readRange(r, false)!.cells[0]).toEqual({ address: "K3", value: "=不是公式" });
    expect(snap.sheets).toContain("评分表");
    // A write that fails after K3 was overwritten is rolled back with K3 as text, not a formula.
    data.sheet("评分依据")!.protected = true;
    const ctx2 = data.context();
    const syncs = new Syncs(ctx2);
    const st = await readFirst(ctx2, syncs, contractNames());
    st.grids.push({ sheet: "评分表", area: "K3", cells: [{ address: "K3", value: "=不是公式" }], merges: [] });
    st.sheets.find((s) => s.name === "评分依据")!.protected = false; // protected after the read
    const w = await writePlan(
      ctx2,
      syncs,
      {
        cells: [
          { sheet: "评分表", address: "K3", value: 1, previous: "=不是公式", role: "x" },
          { sheet: "评分依据", address: "Z1", value: 1, previous: null, role: "x" },
        ],
        sheets: [],
      },
      st,
    );
    expect(w.written).toBe(false);
    expect(data.cell("评分表", "K3")).toEqual({ value: "=不是公式", quotePrefix: true });
  });

  test("a client that refuses methods on null objects is read the documented way (names first), and scores the same", async () => {
    const strict = fakeFromXlsx(SAMPLE());
    strict.nullChainThrows = true;
    const plain = fakeFromXlsx(SAMPLE());
    const a = await rescoreWorkbook(strict.context(), { contract: defaultContract, support: () => true, now: NOW });
    const b = await rescoreWorkbook(plain.context(), { contract: defaultContract, support: () => true, now: NOW });
    expect(a.errors).toEqual([]);
    expect(a.readMode).toBe("documented");
    expect(b.readMode).toBe("speculative");
    expect(a.outcome!.result.total).toBe(b.outcome!.result.total);
    expect(a.outcome!.plan).toEqual(b.outcome!.plan);
    // The second run knows the 评分表 by name: the documented path still reads it by address.
    const again = await rescoreWorkbook(strict.context(), { contract: defaultContract, support: () => true, now: NOW });
    expect(again.errors).toEqual([]);
    expect(again.written).toBe(false);
  });

  test("an undo group Excel refuses: the partial write is rolled back and the rescoring runs again without the group", async () => {
    const data = fakeFromXlsx(SAMPLE());
    data.undoGroupRefuses = (op) => op === "values";
    const before = readXlsx(SAMPLE());
    const out = await rescoreWorkbook(data.groupedRun, { contract: defaultContract, support: () => true, now: NOW });
    expect(out.errors).toEqual([]);
    expect(out.written).toBe(true);
    expect(out.outcome!.result.total).toBe(89.46);
    // The record's previous values are the workbook's, not a half-written state.
    const snap = await snapshotOf(data);
    expect(readUndoRecord(snap)!.entries.find((e) => e.address === "I20")).toMatchObject({
      previous: 5.66,
      written: 5.96,
    });
    expect(before.sheets).toEqual(data.sheets.map((s) => s.name));
  });

  test("manual calculation mode: the write batch recalculates, and the outcome says so", async () => {
    const data = fakeFromXlsx(SAMPLE());
    data.calculationMode = "Manual";
    const out = await rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: NOW });
    expect(out.written).toBe(true);
    expect(out.recalculated).toBe(true);
    expect(data.calculations).toBe(1);
    const auto = fakeFromXlsx(SAMPLE());
    const o2 = await rescoreWorkbook(auto.context(), { contract: defaultContract, support: () => true, now: NOW });
    expect(o2.recalculated).toBe(false);
    expect(auto.calculations).toBe(0);
  });

  test("re-pointing an existing name keeps it (formula set), with its comment and visibility", async () => {
    const data = fakeFromXlsx(SAMPLE());
    const n = data.names.find((x) => x.name === "核定编制数")!;
    n.comment = "人事处提供";
    n.visible = false;
    const r = await applyPlanInExcel(
      data.run,
      { cells: [], sheets: [], names: [{ name: "核定编制数", sheet: "评分依据", address: "J9" }] },
      contractNames(),
    );
    expect(r.errors).toEqual([]);
    expect(data.names.find((x) => x.name === "核定编制数")).toMatchObject({
      comment: "人事处提供",
      visible: false,
      reference: "'评分依据'!$J$9",
    });
  });

  test("a change handler is removed through the context that added it (the pane stops hearing edits)", async () => {
    const data = new FakeWorkbookData();
    data.addSheet("评分表");
    const heard: string[] = [];
    const stop = await watchChanges(data.run, () => heard.push("edit"));
    await data.fireChanged("评分表", "I20");
    stop();
    await new Promise((r) => setImmediate(r));
    await data.fireChanged("评分表", "I21");
    expect(heard).toEqual(["edit"]);
    expect(data.changeHandlers.size).toBe(0);
  });
});

describe("a workbook that carries its framework (评分框架)", () => {
  test.each([false, true])("scores by it in Excel too (null-object chains refused: %s)", async (strict) => {
    const data = fakeFromXlsx(
      new Uint8Array(readFileSync(join(__dirname, "../../../examples/frameworks/example-local.xlsx"))),
    );
    data.nullChainThrows = strict;
    const out = await rescoreWorkbook(data.run, { contract: defaultContract, now: NOW });
    expect(out.errors).toEqual([]);
    expect(out.outcome!.ruleSet.id).toBe("example-local");
    expect(out.outcome!.result.total).toBe(88.75);
  });
});
