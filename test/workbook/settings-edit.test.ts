/**
 * 评分设置 written by the pane's plans and read back by the contract's readSettings, through the
 * .xlsx host on the samples (stacked tables, so growing a table moves it) and on a workbook
 * without the sheet (a whole new sheet in init's layout).
 */
import ExcelJS from "exceljs";
import { builtinRuleSet } from "../../src/engine";
import { readSettings, type WorkbookSettings } from "../../src/workbook/settings";
import { rescore } from "../../src/workbook/rescore";
import {
  checkDraft,
  changedWeights,
  currentOverride,
  overridePlan,
  settingsPlan,
  type SettingsDraft,
} from "../../src/workbook/settings-edit";
import { Book, SAMPLE_000, SAMPLE_004 } from "./pane-helpers";

function plain(s: WorkbookSettings) {
  const v = (x: { value: unknown }) => x.value;
  return {
    ruleSetId: s.ruleSetId?.value,
    weights: s.weights.map((w) => ({ name: w.value.name, weight: v(w.value.weight) })),
    grades: s.grades.map((g) => ({ min: v(g.value.min), label: g.value.label })),
    overrides: s.overrides.map((o) => ({
      indicator: o.value.indicator,
      score: v(o.value.score),
      reason: o.value.reason,
    })),
    errors: s.errors,
  };
}

const draft: SettingsDraft = {
  ruleSetId: "city-2021",
  weights: [
    { name: "部门决策", weight: 20 },
    { name: "目标设置", weight: 10 },
    { name: "绩效目标完整性", weight: 3 },
    { name: "部门绩效", weight: 60 },
    { name: "效果性", weight: 25 },
    { name: "社会效益、经济效益、生态效益及可持续影响等", weight: 25 },
  ],
  grades: [
    { min: 90, label: "优秀" },
    { min: 80, label: "良好" },
    { min: 60, label: "合格" },
    { min: 0, label: "不合格" },
  ],
  overrides: [
    { indicator: "项目完成及时性", score: 4, reason: "=报告未列出项目数" },
    { indicator: "公众或服务对象满意度", score: 4, reason: "按信访反馈评定" },
  ],
};

describe("settings round trip", () => {
  test("on a sample: write via plan → read back via readSettings gives the same values", () => {
    const book = Book.sample(SAMPLE_000);
    const r = settingsPlan(book.read(), draft);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Only cell writes on 评分设置: no sheet replaced, no other sheet touched.
    expect(r.plan.sheets).toEqual([]);
    expect(new Set(r.plan.cells.map((c) => c.sheet))).toEqual(new Set(["评分设置"]));
    const after = readSettings(book.apply(r.plan));
    expect(plain(after)).toEqual({
      ruleSetId: "市级 2021",
      weights: draft.weights!.map((w) => ({ name: w.name, weight: w.weight })),
      grades: draft.grades!.map((g) => ({ min: g.min, label: g.label })),
      // Text that looks like a formula comes back exactly as typed: the .xlsx host stores it as text.
      overrides: draft.overrides!.map((o) => ({ indicator: o.indicator, score: o.score, reason: o.reason })),
      errors: [],
    });
    // The contract rescoring takes the re-weighted city-like rule set without weight errors.
    expect(rescore(book.read()).errors.filter((e) => e.code === "weights")).toEqual([]);
  });

  test("a second edit shrinks a table in place and keeps the others", () => {
    const book = Book.sample(SAMPLE_004);
    const first = settingsPlan(book.read(), draft);
    if (!first.ok) throw new Error(first.message);
    book.apply(first.plan);
    const second = settingsPlan(book.read(), { weights: [] });
    if (!second.ok) throw new Error(second.message);
    const after = plain(readSettings(book.apply(second.plan)));
    expect(after.weights).toEqual([]);
    expect(after.grades).toHaveLength(4);
    expect(after.overrides).toHaveLength(2);
  });

  test("a workbook without 评分设置 gets the sheet (init's layout) and the 规则集 name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("评分表").getCell("A1").value = "三级指标";
    const book = new Book(new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = settingsPlan(book.read(), draft);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.sheets.map((s) => s.sheet)).toEqual(["评分设置"]);
    const s = book.apply(r.plan);
    expect(s.names.find((n) => n.name === "规则集")).toMatchObject({ sheet: "评分设置", address: "B3" });
    expect(plain(readSettings(s)).overrides).toHaveLength(2);
    expect(plain(readSettings(s)).ruleSetId).toBe("市级 2021");
  });

  test("the rule-set picker writes the cell the 规则集 name points at", () => {
    const book = Book.sample(SAMPLE_000);
    const r = settingsPlan(book.read(), { ruleSetId: "city-2021" });
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.cells).toEqual([
      { sheet: "评分设置", address: "B3", value: "市级 2021", previous: "区级 2020", role: "ruleSet" },
    ]);
  });
});

describe("weight and grade drafts", () => {
  const base = builtinRuleSet("district-2020")!;
  test("a consistent draft has no errors; each mismatch names its group", () => {
    expect(checkDraft(base, [])).toEqual([]);
    expect(
      checkDraft(base, [
        { name: "绩效目标完整性", weight: 3 },
        { name: "目标设置", weight: 10 },
        { name: "部门决策", weight: 20 },
        { name: "效果性", weight: 25 },
        { name: "社会效益、经济效益、生态效益及可持续影响等", weight: 25 },
        { name: "部门绩效", weight: 60 },
      ]),
    ).toEqual([]);
    // "效果性" is the 二级 group (also an alias of its 三级 indicator): the group is re-weighted.
    expect(
      checkDraft(base, [{ name: "效果性", weight: 25 }])
        .map((e) => e.target)
        .sort(),
    ).toEqual(["效果性", "部门绩效"].sort());
    const errors = checkDraft(base, [{ name: "绩效目标完整性", weight: 6 }]);
    expect(errors.map((e) => e.target)).toEqual(["目标设置"]);
    expect(errors[0].message).toContain("目标设置");
    const more = checkDraft(base, [{ name: "目标设置", weight: 12 }]);
    expect(more.map((e) => e.target).sort()).toEqual(["目标设置", "部门决策"].sort());
    expect(
      checkDraft(base, [{ name: "部门决策", weight: 30 }])
        .map((e) => e.target)
        .sort(),
    ).toEqual(["部门决策", "total"].sort());
  });

  test("unknown names and bad grade bands are reported", () => {
    expect(checkDraft(base, [{ name: "不存在的指标", weight: 1 }])[0].message).toContain("不存在的指标");
    expect(
      checkDraft(
        base,
        [],
        [
          { min: 80, label: "良" },
          { min: 90, label: "优" },
          { min: 0, label: "差" },
        ],
      ),
    ).toEqual([]); // sorted first
    expect(
      checkDraft(
        base,
        [],
        [
          { min: 90, label: "优" },
          { min: 60, label: "中" },
        ],
      ).map((e) => e.target),
    ).toEqual(["grades"]);
  });

  test("only weights that differ from the rule set are stored", () => {
    expect(
      changedWeights(base, [
        { name: "部门决策", weight: 25 },
        { name: "效果性", weight: 25 },
      ]),
    ).toEqual([{ name: "效果性", weight: 25 }]);
  });
});

describe("overrides (人工调整)", () => {
  const rs = builtinRuleSet("city-2021")!;
  test("an override without a reason is refused and nothing is planned", () => {
    const s = Book.sample(SAMPLE_004).read();
    const r = overridePlan(s, rs, "satisfaction", { score: 4, reason: "   " });
    expect(r).toEqual({ ok: false, message: expect.stringContaining("调整理由") });
    expect(settingsPlan(s, { overrides: [{ indicator: "公众或服务对象满意度", score: 4, reason: "" }] }).ok).toBe(
      false,
    );
  });

  test("out-of-range scores are refused", () => {
    const s = Book.sample(SAMPLE_004).read();
    expect(overridePlan(s, rs, "satisfaction", { score: 7, reason: "x" }).ok).toBe(false);
    expect(overridePlan(s, rs, "satisfaction", { score: -1, reason: "x" }).ok).toBe(false);
  });

  test("set, replace and remove one indicator's override; the sample's own override stays", () => {
    const book = Book.sample(SAMPLE_004);
    const add = overridePlan(book.read(), rs, "satisfaction", { score: 4, reason: "按信访反馈评定" });
    if (!add.ok) throw new Error(add.message);
    let s = book.apply(add.plan);
    expect(currentOverride(s, rs, "satisfaction")).toEqual({ score: 4, reason: "按信访反馈评定" });
    expect(currentOverride(s, rs, "projectTimeliness")?.score).toBe(4);
    const replace = overridePlan(s, rs, "satisfaction", { score: 2, reason: "复核后调整" });
    if (!replace.ok) throw new Error(replace.message);
    s = book.apply(replace.plan);
    expect(readSettings(s).overrides).toHaveLength(2);
    expect(currentOverride(s, rs, "satisfaction")).toEqual({ score: 2, reason: "复核后调整" });
    const remove = overridePlan(s, rs, "satisfaction", null);
    if (!remove.ok) throw new Error(remove.message);
    s = book.apply(remove.plan);
    expect(currentOverride(s, rs, "satisfaction")).toBeUndefined();
    expect(readSettings(s).overrides.map((o) => o.value.indicator)).toEqual(["项目完成及时性"]);
    // Rescoring shows the override with its reason.
    const readd = overridePlan(s, rs, "satisfaction", { score: 4, reason: "按信访反馈评定" });
    if (!readd.ok) throw new Error(readd.message);
    const again = book.apply(readd.plan);
    const ind = rescore(again).result.indicators.find((i) => i.id === "satisfaction")!;
    expect(ind).toMatchObject({ kind: "override", score: 4, overrideReason: "按信访反馈评定" });
  });
});
