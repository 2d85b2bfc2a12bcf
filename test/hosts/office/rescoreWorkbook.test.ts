import { readXlsx } from "../../../src/hosts/xlsx";
import { rescoreWorkbook } from "../../../src/hosts/office/rescoreWorkbook";
import type { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { FakeWorkbookData } from "../../fakes/excel";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";
import { buildFixture, INPUT_NAMES, ROWS, stubContract } from "./helpers";

const all = () => true;
const none = () => false;

async function fixture(
  opts: Parameters<typeof buildFixture>[0] = {},
): Promise<{ bytes: Uint8Array; data: FakeWorkbookData }> {
  const bytes = await buildFixture(opts);
  return { bytes, data: fakeFromXlsx(bytes) };
}

/** The parts of a snapshot both hosts must agree on (used-range bounds may differ by formatted empty cells). */
function comparable(s: WorkbookSnapshot) {
  const cells = (
    rows: { address: string; value: unknown; formula?: string; error?: string; numberFormat?: string }[],
  ) =>
    rows
      .filter((c) => c.value !== null || c.formula || c.error)
      .map((c) => ({ a: c.address, v: c.value, f: c.formula, e: c.error }))
      .sort((x, y) => (x.a < y.a ? -1 : 1));
  return {
    sheets: s.sheets,
    names: s.names
      .map((n) => ({
        name: n.name,
        scope: n.scope,
        sheet: n.sheet,
        address: n.address,
        cells: n.cells && cells(n.cells),
      }))
      .filter((n) => n.cells)
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    // The contract's own sheets are read in batch 1 (评分设置) or not at all by the Office host.
    grids: s.grids
      .filter((g) => !["评分设置", "评分依据", "评分明细"].includes(g.sheet))
      .map((g) => ({ sheet: g.sheet, cells: cells(g.cells), merges: [...g.merges].sort() })),
  };
}

describe("rescoreWorkbook on the Excel fake", () => {
  test("first run: 3 syncs, writes scores, records 评分表; next run with the known table: 2 syncs", async () => {
    const { data } = await fixture();
    expect(INPUT_NAMES).toHaveLength(30);
    const contract = stubContract();
    const first = await rescoreWorkbook(data.context(), { contract, support: all });
    expect(first.errors).toEqual([]);
    expect(first.written).toBe(true);
    expect(first.syncs).toBe(3);
    expect(data.syncCount).toBe(3);
    expect(first.recordedTable).toBe(true);
    expect(data.names.find((n) => n.name === "评分表")).toEqual({
      name: "评分表",
      reference: `'评分表'!$A$1:$D$${ROWS + 1}`,
      scope: null,
    });
    expect(data.cell("评分表", "D3")?.value).toBe(first.outcome!.plan.cells[1].value);

    const second = await rescoreWorkbook(data.run, { contract, support: all });
    expect(second.errors).toEqual([]);
    expect(second.written).toBe(true);
    expect(second.syncs).toBe(2);
    expect(data.syncCount).toBe(5);
    expect(second.recordedTable).toBe(false);
    // The known-table snapshot holds the table region plus the two rows under it.
    const grid = contract.snapshots[contract.snapshots.length - 1].grids[0];
    expect(grid.area).toBe(`A1:D${ROWS + 1 + 2}`);
    expect(grid.merges).toEqual(["A2:A11"]);
  });

  test("a workbook that already has the 评分表 name is rescored in 2 syncs on its first run", async () => {
    const { data } = await fixture({ tableName: true });
    const out = await rescoreWorkbook(data.context(), { contract: stubContract(), support: none });
    expect(out.errors).toEqual([]);
    expect(out.syncs).toBe(2);
  });

  test("the scan snapshot equals what the .xlsx reader gives for the same file", async () => {
    const { bytes, data } = await fixture();
    const contract = stubContract();
    await rescoreWorkbook(data.context(), { contract, support: all, recordTable: false });
    // First snapshot came from batch 1 + the scan (no 评分表 name): all sheets' used ranges.
    const office = contract.snapshots[0];
    const xlsx = readXlsx(bytes);
    expect(comparable(office)).toEqual(comparable(xlsx));
    expect(
      office.names
        .filter((n) => n.cells)
        .map((n) => n.name)
        .sort(),
    ).toEqual([...INPUT_NAMES].sort());
    const budget = office.names.find((n) => n.name === "满意度")!;
    expect(budget).toMatchObject({
      scope: null,
      sheet: "评分依据",
      address: expect.stringMatching(/^B\d+$/),
      reference: expect.stringMatching(/^'?评分依据'?!\$B\$\d+$/),
    });
    expect(budget.cells![0]).toMatchObject({ value: 0.9, numberFormat: "0.00%" });
  });

  test("contract errors: nothing written, the scan runs once, 2 syncs", async () => {
    const { data } = await fixture({ omit: ["满意度"], tableName: true });
    const before = JSON.stringify(data.dump());
    const out = await rescoreWorkbook(data.context(), { contract: stubContract(), support: all });
    expect(out.written).toBe(false);
    expect(out.errors.map((e) => e.target)).toEqual(["满意度"]);
    expect(out.syncs).toBe(2);
    expect(JSON.stringify(data.dump())).toBe(before);
  });

  test("a worksheet-scoped input is found by the scan (worksheet.names), not by workbook.names", async () => {
    const { data } = await fixture({ sheetScoped: ["满意度"], tableName: true });
    const row = INPUT_NAMES.indexOf("满意度") + 1;
    data.names.push({ name: "满意度", reference: `评分依据!$B$${row}`, scope: "评分依据" });
    const contract = stubContract();
    const out = await rescoreWorkbook(data.context(), { contract, support: all });
    expect(out.errors).toEqual([]);
    expect(out.syncs).toBe(3); // batch 1 left 满意度 unexplained → scan → write
    const found = contract.snapshots[1].names.find((n) => n.name === "满意度");
    expect(found).toMatchObject({ scope: "评分依据", address: `B${row}` });
    // worksheet.names also lists workbook-level names; they are not duplicated as sheet-scoped.
    expect(contract.snapshots[1].names.filter((n) => n.scope === "评分依据")).toHaveLength(1);
  });

  test("a name of type Error is reported as its reference, not a crash", async () => {
    const { data } = await fixture({ tableName: true });
    data.names.push({ name: "效果性指标表", reference: "#REF!$B$2", scope: null });
    const contract = stubContract();
    const out = await rescoreWorkbook(data.context(), { contract, support: all });
    expect(out.errors).toEqual([]);
    const broken = contract.snapshots[0].names.find((n) => n.name === "效果性指标表");
    expect(broken).toEqual({ name: "效果性指标表", scope: null, reference: "#REF!" });
  });

  test("a protected score sheet with locked score cells is refused before writing, naming the cells", async () => {
    const { data } = await fixture({ tableName: true });
    data.sheet("评分表")!.protected = true;
    const before = JSON.stringify(data.dump());
    const out = await rescoreWorkbook(data.context(), { contract: stubContract(), support: all });
    expect(out.written).toBe(false);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ code: "host", target: "protected" });
    expect(out.errors[0].message).toContain("受保护");
    expect(out.errors[0].message).toContain("D2、D3");
    expect(out.syncs).toBe(2); // read, lock check
    expect(JSON.stringify(data.dump())).toBe(before);
  });

  test("a protected sheet whose score cells are unlocked is written (templates protect the sheet, unlock 自评得分)", async () => {
    const { data } = await fixture({ tableName: true });
    const sheet = data.sheet("评分表")!;
    sheet.protected = true;
    for (let r = 2; r <= ROWS + 1; r++)
      data.setCell("评分表", `D${r}`, { ...data.cell("评分表", `D${r}`)!, locked: false });
    const out = await rescoreWorkbook(data.context(), { contract: stubContract(), support: all });
    expect(out.errors).toEqual([]);
    expect(out.written).toBe(true);
    expect(out.syncs).toBe(3); // read, lock check, write
    expect(data.cell("评分表", "D3")?.value).toBe(out.outcome!.plan.cells[1].value);
    expect(data.cell("评分表", "D3")?.locked).toBe(false);
  });

  test("an Office error on the write sync leaves the workbook as it was (rollback)", async () => {
    const { data } = await fixture();
    const before = JSON.stringify(data.dump());
    // The 评分依据 sheet gets protected between the read and the write: the detail sheet write
    // is fine, but a label written there would fail after the score cells were written.
    data.beforeSync = (n) => {
      if (n === 3) data.sheet("评分依据")!.protected = true;
    };
    const contract = stubContract();
    const original = contract.rescore;
    contract.rescore = (s, o) => {
      const out = original(s, o);
      out.plan.cells.push({ sheet: "评分依据", address: "C1", value: 1, previous: null, role: "x" });
      return out;
    };
    const out = await rescoreWorkbook(data.context(), { contract, support: all });
    expect(out.written).toBe(false);
    expect(out.errors[0].code).toBe("host");
    expect(out.errors[0].message).toContain("已尝试恢复");
    expect(out.syncs).toBe(4); // read, scan, failed write, rollback
    data.sheet("评分依据")!.protected = false;
    expect(JSON.stringify(data.dump())).toBe(before);
  });

  test("cell-edit mode gives the Chinese message and writes nothing", async () => {
    const { data } = await fixture({ tableName: true });
    data.cellEditMode = true;
    const before = JSON.stringify(data.dump());
    const out = await rescoreWorkbook(data.context(), { contract: stubContract(), support: all });
    expect(out.written).toBe(false);
    expect(out.errors[0]).toMatchObject({ code: "host", target: "cellEdit" });
    expect(out.errors[0].message).toMatch(/单元格编辑/);
    expect(JSON.stringify(data.dump())).toBe(before);
  });

  test("scores are written as numbers, one 2-D write per contiguous column run; text is formula-safe", async () => {
    const { data } = await fixture({ tableName: true });
    const out = await rescoreWorkbook(data.context(), {
      contract: stubContract({ label: '=HYPERLINK("http://x")', detailSheet: true }),
      support: all,
    });
    expect(out.errors).toEqual([]);
    const scoreWrites = data.writeLog.filter((w) => w.sheet === "评分表");
    expect(scoreWrites.map((w) => w.address)).toEqual([`评分表!D2:D${ROWS + 1}`, "评分表!F2"]);
    expect(scoreWrites[0].values).toHaveLength(ROWS);
    expect(scoreWrites[0].values.flat().every((v) => typeof v === "number")).toBe(true);
    expect(data.cell("评分表", "F2")).toMatchObject({ value: '=HYPERLINK("http://x")' });
    expect(data.cell("评分表", "F2")?.formula).toBeUndefined();
    // The detail sheet: created, text neutralised, numbers kept.
    expect(data.cell("评分明细", "A3")).toEqual({ value: "=危险", quotePrefix: true });
    expect(data.cell("评分明细", "B3")).toEqual({ value: "+1", quotePrefix: true });
    expect(data.cell("评分明细", "B2")).toEqual({ value: 1.5 });
    expect(out.syncs).toBe(2);
  });
});
