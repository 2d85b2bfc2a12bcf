import { builtinRuleSet } from "../../src/engine";
import { bindingRows, bindPlan } from "../../src/workbook/binding";
import { ruleSetInputs } from "../../src/workbook/inputs";
import { readSettings } from "../../src/workbook/settings";
import { rescore } from "../../src/workbook/rescore";
import { Book, SAMPLE_000, SAMPLE_004, cellValue, withoutNames } from "./pane-helpers";

const rs = builtinRuleSet("district-2020")!;

describe("binding rows", () => {
  test("the sample has every name: all found (filled, or left empty where an alternative is bound), cells shown as sheet!address", () => {
    const s = Book.sample(SAMPLE_000).read();
    const rows = bindingRows(s, rs, readSettings(s));
    expect(rows.filter((r) => r.state === "missing" || r.state === "invalid")).toEqual([]);
    // Cells left empty where another input or the counts stand in for them (进度 vs 金额, 信访 items).
    expect(rows.filter((r) => r.state === "empty").every((r) => r.alternative || r.kind !== "input")).toBe(true);
    expect(rows.filter((r) => r.kind === "input")).toHaveLength(ruleSetInputs(rs).length);
    expect(rows.find((r) => r.key === "staff.authorized")).toMatchObject({
      name: "核定编制数",
      sheet: "评分依据",
      address: "C23",
      value: "67",
    });
    expect(rows.find((r) => r.key === "budgetReasonableness.1")).toMatchObject({
      kind: "part",
      group: "预算编制合理性",
      name: "预算编制合理性_1",
      value: "是",
    });
    expect(rows.find((r) => r.key === "effectTable")).toMatchObject({ state: "empty", address: "B68:G73" }); // the samples score 效果性 by judgment
  });

  test("missing, broken and bad values are told apart, like rescoring sees them", () => {
    const s0 = Book.sample(SAMPLE_000).read();
    const s = withoutNames(s0, ["核定编制数"]);
    s.names = s.names.map((n) => (n.name === "在编人数" ? { name: n.name, scope: null, reference: "#REF!" } : n));
    // A plain number where a percent is expected: the engine refuses it, so does the setup view.
    s.names = s.names.map((n) =>
      n.name === "一季度支出进度"
        ? { ...n, cells: [{ address: n.address!, value: 0.37, numberFormat: "General" }] }
        : n,
    );
    const rows = bindingRows(s, rs, readSettings(s));
    const by = (k: string) => rows.find((r) => r.key === k)!;
    expect(by("staff.authorized").state).toBe("missing");
    expect(by("staff.onPayroll")).toMatchObject({ state: "invalid" });
    expect(by("staff.onPayroll").problem).toContain("在编人数");
    expect(by("progress.q1")).toMatchObject({ state: "invalid", sheet: "评分依据", address: "C17" });
    expect(by("progress.q1").problem).toContain("百分");
    // The contract agrees: rescoring reports exactly these names.
    const errs = rescore(s).errors.map((e) => e.source?.name ?? e.target);
    expect(errs).toEqual(expect.arrayContaining(["核定编制数", "在编人数", "一季度支出进度"]));
  });

  test("a mapped name (名称映射) is what the row looks up and binds", () => {
    const s = Book.sample(SAMPLE_004).read();
    const settings = readSettings(s);
    settings.mapping.set("满意度", { value: "我的满意度", source: { name: "评分设置" } });
    const row = bindingRows(s, builtinRuleSet("city-2021")!, settings).find((r) => r.key === "satisfaction")!;
    expect(row).toMatchObject({ defaultName: "满意度", name: "我的满意度", state: "missing" });
    const plan = bindPlan(row, { sheet: "评分表", address: "H3" });
    expect(plan).toEqual({
      ok: true,
      plan: { cells: [], sheets: [], names: [{ name: "我的满意度", sheet: "评分表", address: "H3" }] },
    });
  });
});

describe("bind plan", () => {
  test("binding a missing input to the selected cell creates the name; rescoring then finds it", () => {
    const book = Book.sample(SAMPLE_000);
    // Take 核定编制数 away as a workbook that never had it, then bind it to a new cell.
    const s0 = book.read();
    const row0 = bindingRows(withoutNames(s0, ["核定编制数"]), rs).find((r) => r.key === "staff.authorized")!;
    expect(row0.state).toBe("missing");
    const r = bindPlan(row0, { sheet: "评分依据", address: "$H$2" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.names).toEqual([{ name: "核定编制数", sheet: "评分依据", address: "H2" }]);
    book.apply({ cells: [{ sheet: "评分依据", address: "H2", value: 70, previous: null, role: "test" }], sheets: [] });
    const after = book.apply(r.plan);
    expect(after.names.filter((n) => n.name === "核定编制数")).toHaveLength(1);
    const row = bindingRows(after, rs).find((x) => x.key === "staff.authorized")!;
    expect(row).toMatchObject({ state: "found", sheet: "评分依据", address: "H2", value: "70" });
    expect(cellValue(after, "评分依据", "H2")).toBe(70);
    expect(rescore(after).errors).toEqual([]);
  });

  test("an input takes one cell; the effect table a range of at least 5 columns (or 6×6 from one cell)", () => {
    const input = { kind: "input" as const, name: "满意度", label: "满意度" };
    expect(bindPlan(input, { sheet: "S", address: "C3:C4" })).toMatchObject({ ok: false });
    expect(bindPlan(input, undefined)).toMatchObject({ ok: false });
    const table = { kind: "effectTable" as const, name: "效果性指标表", label: "个性化绩效指标表" };
    expect(bindPlan(table, { sheet: "S", address: "B2:D9" })).toMatchObject({ ok: false });
    expect(bindPlan(table, { sheet: "S", address: "B2:F9" })).toMatchObject({
      ok: true,
      plan: { names: [{ address: "B2:F9" }] },
    });
    expect(bindPlan(table, { sheet: "S", address: "B2" })).toMatchObject({
      ok: true,
      plan: { names: [{ address: "B2:G7" }] },
    });
  });

  test("every input a built-in framework defines is read by its rules (none defined in vain)", () => {
    for (const f of [rs, builtinRuleSet("city-2021")!]) {
      const ids = new Set(ruleSetInputs(f).map((d) => d.id));
      expect(f.inputs.filter((d) => !ids.has(d.id)).map((d) => d.id)).toEqual([]);
    }
  });
});
