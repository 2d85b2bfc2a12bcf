/**
 * Binding in the Office host: a plan with `names` (what the pane's 绑定 produces) creates a
 * workbook-scoped name that `workbook.names` then lists, re-points an existing one, and a new
 * sheet's number formats and (ExcelApi 1.8) drop-downs are applied with its values.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readFirst, Syncs, writePlan } from "../../../src/hosts/office/session";
import type { WritePlan } from "../../../src/workbook/snapshot";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";
import type { FakeWorkbookData } from "../../fakes/excel";

const sample = () =>
  new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-000-district-2020.xlsx")));

async function apply(
  data: FakeWorkbookData,
  plan: WritePlan,
  support: (v: string) => boolean = () => true,
): Promise<void> {
  const ctx = data.context();
  const syncs = new Syncs(ctx);
  const state = await readFirst(ctx, syncs, []);
  const w = await writePlan(ctx, syncs, plan, state, { support });
  expect(w.errors).toEqual([]);
}

async function listedNames(data: FakeWorkbookData): Promise<{ name: string; formula: string }[]> {
  const ctx = data.context();
  const names = ctx.workbook.names.load("items/name,items/value,items/type");
  await ctx.sync();
  return names.items.map((n) => ({ name: n.name, formula: String(n.value) }));
}

describe("Office host: WritePlan.names", () => {
  test("a new name is added at workbook scope and workbook.names lists it", async () => {
    const data = fakeFromXlsx(sample());
    const sheet = data.sheets[0].name;
    expect((await listedNames(data)).some((n) => n.name === "我的满意度")).toBe(false);
    await apply(data, { cells: [], sheets: [], names: [{ name: "我的满意度", sheet, address: "H3" }] });
    const added = data.names.find((n) => n.name === "我的满意度");
    expect(added).toMatchObject({ scope: null });
    expect(added!.reference.replace(/'/g, "")).toBe(`${sheet}!$H$3`);
    const listed = await listedNames(data);
    expect(listed.find((n) => n.name === "我的满意度")?.formula.replace(/'/g, "")).toBe(`${sheet}!$H$3`);
  });

  test("an existing workbook-level name is re-pointed, not duplicated", async () => {
    const data = fakeFromXlsx(sample());
    const existing = data.names.find((n) => n.scope === null && n.name === "核定编制数");
    expect(existing).toBeDefined();
    await apply(data, {
      cells: [],
      sheets: [],
      names: [{ name: "核定编制数", sheet: data.sheets[0].name, address: "J9" }],
    });
    const all = data.names.filter((n) => n.name === "核定编制数");
    expect(all).toHaveLength(1);
    expect(all[0].reference).toMatch(/!\$J\$9$/);
  });

  test("a new sheet gets its number formats always and its drop-downs only with ExcelApi 1.8", async () => {
    const plan: WritePlan = {
      cells: [],
      sheets: [
        {
          sheet: "新表",
          rows: [["标题"], [null, "满意度", null]],
          formats: [{ address: "C2", numberFormat: "0.00%" }],
          validations: [
            { address: "C3", type: "list", list: ["是", "否"] },
            { address: "C4", type: "whole", min: 0 },
          ],
        },
      ],
    };
    const withDv = fakeFromXlsx(sample());
    await apply(withDv, plan, () => true);
    const s = withDv.sheet("新表")!;
    expect(withDv.cell("新表", "C2")?.numberFormat).toBe("0.00%");
    expect(s.validations).toEqual([
      { address: "新表!C3", rule: { list: { inCellDropDown: true, source: "是,否" } } },
      { address: "新表!C4", rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } },
    ]);
    const without = fakeFromXlsx(sample());
    await apply(without, plan, (v) => v === "1.4");
    expect(without.cell("新表", "C2")?.numberFormat).toBe("0.00%");
    expect(without.sheet("新表")!.validations).toBeUndefined();
  });
});
