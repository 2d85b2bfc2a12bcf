/** Judged-part edits → cell writes to the named cells, applied with the .xlsx host and rescored. */
import { builtinRuleSet } from "../../src/engine";
import { readSettings } from "../../src/workbook/settings";
import { rescore } from "../../src/workbook/rescore";
import {
  createPartPlan,
  currentEdit,
  effectProblems,
  effectTablePlan,
  judgedModel,
  partEditPlan,
  readEffectRows,
  type EffectRowEdit,
} from "../../src/workbook/judged-edit";
import { Book, SAMPLE_000, SAMPLE_004, cellValue, withoutNames } from "./pane-helpers";

const city = builtinRuleSet("city-2021")!;
const district = builtinRuleSet("district-2020")!;
const score = (b: Book, id: string) => rescore(b.read()).result.indicators.find((i) => i.id === id)!;

describe("judged model", () => {
  test("lists every indicator with judged parts, with the part's cell and value", () => {
    const s = Book.sample(SAMPLE_004).read();
    const model = judgedModel(s, city, readSettings(s));
    const ids = model.map((m) => m.def.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "budgetReasonableness",
        "budgetCompliance",
        "procurement",
        "financialCompliance",
        "disclosure",
        "effectiveness",
        "petitions",
      ]),
    );
    expect(ids).not.toContain("budgetExecution");
    const br = model.find((m) => m.def.id === "budgetReasonableness")!;
    expect(br.parts[3]).toMatchObject({
      name: "预算编制合理性_4",
      state: "found",
      sheet: "评分依据",
      address: "C38",
      value: "否",
    });
    expect(currentEdit(br.parts[3].part, "否")).toEqual({ kind: "yesNo", value: false });
    expect(model.find((m) => m.def.id === "procurement")!.mixed).toBe(true);
    expect(model.find((m) => m.def.id === "effectiveness")!.effect).toBe(true);
  });
});

describe("part edits", () => {
  test("toggling a checklist item writes 是/否 to the named cell", () => {
    const book = Book.sample(SAMPLE_004);
    expect(score(book, "budgetReasonableness").score).toBe(4);
    const r = partEditPlan(book.read(), city, undefined, "budgetReasonableness", "4", { kind: "yesNo", value: true });
    expect(r).toEqual({
      ok: true,
      plan: {
        cells: [{ sheet: "评分依据", address: "C38", value: "是", previous: "否", role: "budgetReasonableness.4" }],
        sheets: [],
      },
    });
    if (!r.ok) return;
    book.apply(r.plan);
    expect(cellValue(book.read(), "评分依据", "C38")).toBe("是");
    expect(score(book, "budgetReasonableness").score).toBe(5);
  });

  test("deduction counts, disclosure levels and the procurement policy score", () => {
    const book = Book.sample(SAMPLE_000);
    const apply = (id: string, key: string, edit: Parameters<typeof partEditPlan>[5]) => {
      const r = partEditPlan(book.read(), district, undefined, id, key, edit);
      if (!r.ok) throw new Error(r.message);
      book.apply(r.plan);
    };
    apply("budgetCompliance", "不符合项数", { kind: "count", value: 2 });
    expect(score(book, "budgetCompliance").score).toBe(3);
    apply("disclosure", "1", { kind: "level", value: "公开但不符合时限、内容、范围要求" });
    expect(score(book, "disclosure").score).toBe(2.5);
    apply("procurement", "2", { kind: "score", value: 0.5 });
    expect(score(book, "procurement").score).toBe(1.44);
    apply("financialCompliance", "4", { kind: "yesNo", value: true });
    expect(score(book, "financialCompliance").score).toBe(0);
  });

  test("values outside what the rule accepts are refused before anything is planned", () => {
    const s = Book.sample(SAMPLE_000).read();
    expect(
      partEditPlan(s, district, undefined, "budgetCompliance", "不符合项数", { kind: "count", value: 1.5 }).ok,
    ).toBe(false);
    expect(
      partEditPlan(s, district, undefined, "budgetCompliance", "不符合项数", { kind: "count", value: -1 }).ok,
    ).toBe(false);
    expect(partEditPlan(s, district, undefined, "procurement", "2", { kind: "score", value: 1.5 }).ok).toBe(false);
    expect(partEditPlan(s, district, undefined, "disclosure", "1", { kind: "level", value: "=HYPERLINK()" }).ok).toBe(
      false,
    );
  });

  test("a part without a name is refused; createPartPlan adds a row on 评分依据 and the name", () => {
    const book = Book.sample(SAMPLE_000);
    const s = withoutNames(book.read(), ["项目监管_2"]);
    const refused = partEditPlan(s, district, undefined, "projectSupervision", "2", { kind: "yesNo", value: false });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("项目监管_2") });
    const r = createPartPlan(s, district, undefined, "projectSupervision", "2", { kind: "yesNo", value: false });
    if (!r.ok) throw new Error(r.message);
    const name = r.plan.names![0];
    expect(name).toMatchObject({ name: "项目监管_2", sheet: "评分依据" });
    const row = Number(name.address.slice(1));
    expect(row).toBeGreaterThan(73); // under the effect table, after a blank row
    expect(r.plan.cells.map((c) => `${c.address}=${c.value}`)).toEqual([
      `A${row}=项目监管`,
      `B${row}=2. 各主管部门按照规定对主管的财政资金（含专项资金和专项经费）开展有效的检查、监控、督促整改（1分）`,
      `C${row}=否`,
      `D${row}=是 / 否`,
      `E${row}=项目监管_2`,
    ]);
    // Excel keeps one name per text: re-pointing the old one is what the host does.
    const after = book.apply(r.plan);
    expect(after.names.find((n) => n.name === "项目监管_2")!.address).toBe(name.address);
    expect(score(book, "projectSupervision").score).toBe(1);
  });
});

describe("个性化绩效指标 table", () => {
  const rows: EffectRowEdit[] = [
    { name: "=社会效益", weight: 10, nature: "正向", target: 100, actual: 90, notApplicable: false },
    { name: "服务满意度", weight: 5, nature: "定性", target: null, actual: "较好", notApplicable: false },
    { name: "生态效益", weight: 5, nature: "正向", target: 1, actual: null, notApplicable: true },
  ];

  test("live check: 分值 must add up to the indicator's 分值", () => {
    expect(effectProblems(district, rows)).toEqual([]);
    expect(effectProblems(city, rows)[0]).toContain("25");
    expect(effectProblems(district, [{ ...rows[0], weight: null, name: "" }])).toHaveLength(3);
  });

  test("rows are written into the named area as typed (hosts keep text from becoming a formula); rescoring scores from the table", () => {
    const book = Book.sample(SAMPLE_000);
    const r = effectTablePlan(book.read(), undefined, rows);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.names).toBeUndefined();
    expect(r.plan.cells.find((c) => c.address === "B69")?.value).toBe("=社会效益");
    const s = book.apply(r.plan);
    const b69 = s.grids.flatMap((g) => (g.sheet === "评分依据" ? g.cells : [])).find((c) => c.address === "B69");
    expect(b69).toEqual(expect.objectContaining({ value: "=社会效益" }));
    expect(b69?.formula).toBeUndefined();
    expect(readEffectRows(s).rows).toEqual([{ ...rows[0], name: "=社会效益" }, rows[1], { ...rows[2], actual: null }]);
    const ind = score(book, "effectiveness");
    // (10 × 0.9 + 5 × 0.8) scaled by 20/15 for the 不适用 row = 17.33
    expect(ind.score).toBe(17.33);
  });

  test("more rows than the area holds: the table grows into empty cells and the name follows", () => {
    const book = Book.sample(SAMPLE_000);
    const seven = Array.from({ length: 7 }, (_, i): EffectRowEdit => ({
      name: `指标${i + 1}`,
      weight: i < 6 ? 3 : 2,
      nature: "正向",
      target: 1,
      actual: 1,
      notApplicable: false,
    }));
    const r = effectTablePlan(book.read(), undefined, seven);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.names).toEqual([{ name: "效果性指标表", sheet: "评分依据", address: "B68:G75" }]);
    const s = book.apply(r.plan);
    expect(readEffectRows(s).rows).toHaveLength(7);
    expect(score(book, "effectiveness").score).toBe(20);
    // Removing rows clears them; the area stays.
    const back = effectTablePlan(
      s,
      undefined,
      seven.slice(0, 1).map((x) => ({ ...x, weight: 20 })),
    );
    if (!back.ok) throw new Error(back.message);
    expect(readEffectRows(book.apply(back.plan)).rows).toHaveLength(1);
  });

  test("without a name the table is created on 评分依据 with its name", () => {
    const book = Book.sample(SAMPLE_000);
    const s = withoutNames(book.read(), ["效果性指标表"]);
    const r = effectTablePlan(s, undefined, rows);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.names![0]).toMatchObject({ name: "效果性指标表", sheet: "评分依据" });
    const after = book.apply(r.plan);
    expect(readEffectRows(after).rows.map((x) => x.name)).toEqual(["=社会效益", "服务满意度", "生态效益"]);
  });
});
