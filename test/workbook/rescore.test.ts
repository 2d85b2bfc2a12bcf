import { readdirSync } from "node:fs";
import { join } from "node:path";
import { findIndicator, builtinRuleSet } from "../../src/engine";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { contractNames, rescore, type WorkbookSnapshot } from "../../src/workbook";
import { BAD, bytesOf, golden, rowOf, SAMPLE_000, SAMPLE_004, setCell, snapshotOf } from "./helpers";

const NOW = new Date(2024, 0, 2, 3, 4);

describe.each([
  ["seed-000-district-2020", SAMPLE_000],
  ["seed-004-city-2021", SAMPLE_004],
])("sample %s reproduces its golden case", (id, path) => {
  const g = golden(id);
  const o = rescore(snapshotOf(path), { now: NOW });
  const rs = builtinRuleSet(g.ruleSet)!;

  test("no errors, the golden rule set, every indicator, total and grade", () => {
    expect(o.errors).toEqual([]);
    expect(o.ruleSet.id).toBe(g.ruleSet);
    expect(o.result.indicators).toHaveLength(21);
    for (const [name, score] of Object.entries(g.expected)) {
      const def = findIndicator(rs, name)!;
      expect([name, o.result.indicators.find((i) => i.id === def.id)?.score]).toEqual([name, score]);
    }
    expect(o.result.total).toBe(g.expectedTotal);
    expect(o.result.grade).toBe(g.expectedGrade);
  });

  test("rescoring the written result changes nothing", () => {
    const snap = snapshotOf(path);
    const again = rescore(readXlsx(applyPlan(bytesOf(path), o.plan)), { now: NOW });
    expect(again.errors).toEqual([]);
    expect(again.plan.cells).toEqual([]);
    expect(again.result.differences).toEqual([]);
    expect(snap.sheets).toContain("评分依据");
  });
});

describe("seed 004: the known difference", () => {
  const o = rescore(snapshotOf(SAMPLE_004), { now: NOW });
  test("预算执行率 5.66 → 5.96 and total 89.16 → 89.46 are written and reported", () => {
    expect(o.table).toEqual({ sheet: "评分表", address: "A2:I27", scoreColumn: "I" });
    expect(o.plan.cells).toEqual([
      { sheet: "评分表", address: "I20", value: 5.96, previous: 5.66, role: "budgetExecution" },
      { sheet: "评分表", address: "I26", value: 89.46, previous: 89.16, role: "total" },
    ]);
    // One exact list of changes: the score, then the total, each with its delta.
    expect(o.result.differences.map(({ note: _, ...d }) => d)).toEqual([
      { target: "budgetExecution", name: "预算执行率", previous: 5.66, current: 5.96, delta: 0.3 },
      { target: "total", name: "综合评分", previous: 89.16, current: 89.46, delta: 0.3 },
    ]);
    expect(o.summary).toBe("1 项得分变化，综合评分 89.16 → 89.46，良");
  });
  test("the override in 评分设置 stays visible", () => {
    const t = o.result.indicators.find((i) => i.id === "projectTimeliness")!;
    expect(t.kind).toBe("override");
    expect(t.score).toBe(4);
    expect(t.overrideReason).toContain("按报告自评分 4 分");
  });
});

describe("seed 000: flat table without total rows", () => {
  const o = rescore(snapshotOf(SAMPLE_000), { now: NOW });
  test("table found by its 自评得分 header; total and grade added under it with labels", () => {
    // The recorded table includes the two rows this run adds, so the next run finds it unchanged.
    expect(o.table).toEqual({ sheet: "指标评分表", address: "A2:I27", scoreColumn: "I" });
    expect(o.plan.cells).toEqual([
      { sheet: "指标评分表", address: "I26", value: 95.93, previous: null, role: "total", numberFormat: "0.00" },
      { sheet: "指标评分表", address: "I27", value: "优", previous: null, role: "grade" },
      { sheet: "指标评分表", address: "A26", value: "综合评分", previous: null, role: "label" },
      { sheet: "指标评分表", address: "A27", value: "评分等级", previous: null, role: "label" },
    ]);
    expect(o.summary).toBe("得分无变化，综合评分 95.93，优（新增综合评分、评分等级行）");
  });
  test("评分明细 sheet on request: one row per indicator with inputs used, rule set and time", () => {
    const d = rescore(snapshotOf(SAMPLE_000), { now: NOW, detailSheet: true });
    expect(d.plan.sheets).toHaveLength(1);
    const s = d.plan.sheets[0];
    expect(s.sheet).toBe("评分明细");
    expect(s.rows[0]).toContain("计算说明");
    // No internal ids in front of a clerk (issue 11.11): 序号, names and the rule set's name.
    expect(s.rows[0]).not.toContain("指标ID");
    const staff = s.rows.find((r) => r[3] === "财政供养人员控制率")!;
    expect(staff[5]).toBe(1);
    expect(String(staff[9])).toContain("核定编制数（评分依据!C23） = 67");
    expect(staff[10]).toBe("区级 2020");
    expect(staff[11]).toBe("2024-01-02 03:04");
    expect(s.rows.filter((r) => typeof r[0] === "number")).toHaveLength(21);
    expect(s.rows.flat().some((v) => typeof v === "string" && /^[a-z][A-Za-z]+$/.test(v))).toBe(false);
  });
  test("a workbook with a 评分明细 sheet is not mistaken for the table", () => {
    const d = rescore(snapshotOf(SAMPLE_000), { now: NOW, detailSheet: true });
    const again = rescore(readXlsx(applyPlan(bytesOf(SAMPLE_000), d.plan)));
    expect(again.errors).toEqual([]);
    expect(again.table?.sheet).toBe("指标评分表");
  });
});

describe("bad workbooks: one specific Chinese message each, and an empty plan", () => {
  const cases: [string, string, string][] = [
    ["missing-name.xlsx", "missing", "定义名称“核定编制数”未绑定或为空"],
    ["name-ref.xlsx", "nameRef", "定义名称“核定编制数”的引用已失效（#REF!）"],
    ["name-two-cells.xlsx", "nameMultiCell", "定义名称“核定编制数”（评分依据!C23:C24）指向 2 个单元格"],
    ["text-amount.xlsx", "notNumber", "定义名称“政府采购计划金额”（评分依据!C4）：发现文本“约三十万”"],
    ["div0.xlsx", "errorValue", "定义名称“三公经费预算数”（评分依据!C6）：发现错误值 #DIV/0!"],
    ["negative-amount.xlsx", "negative", "定义名称“三公经费实际支出数”（评分依据!C7）：发现负数 -7.28"],
    ["fraction-person.xlsx", "notWhole", "定义名称“在编人数”（评分依据!C24）：发现非整数 52.5"],
    [
      "percent-plain.xlsx",
      "percentFormat",
      "定义名称“一季度支出进度”（评分依据!C17）：发现数字 0.3782（单元格格式为“General”，不是百分比格式）",
    ],
    ["no-table.xlsx", "tableNotFound", "没有找到评分表"],
    ["row-missing.xlsx", "rowMissing", "评分表（指标评分表!A2:I25）中没有“项目监管”这一行"],
    ["row-doubled.xlsx", "rowDuplicate", "“项目监管”出现了 2 次（E13、E26）"],
    ["no-room.xlsx", "noRoomForTotal", "指标评分表!A26 已有内容"],
    ["empty.xlsx", "tableNotFound", "在工作表 “Sheet1” 中都没有表头"],
  ];
  test("every fixture is covered", () => {
    const files = readdirSync(BAD)
      .filter((f) => f !== "not-xlsx.xlsx")
      .sort();
    expect(files).toEqual(cases.map((c) => c[0]).sort());
  });
  test.each(cases)("%s → %s", (file, code, text) => {
    const o = rescore(snapshotOf(join(BAD, file)));
    expect(o.errors.map((e) => e.code)).toEqual([code]);
    expect(o.errors[0].message).toContain(text);
    expect(o.plan).toEqual({ cells: [], sheets: [] });
    expect(o.result.total).toBeNull();
  });
  test("a file that is not .xlsx is refused by the reader with a Chinese message", () => {
    expect(() => snapshotOf(join(BAD, "not-xlsx.xlsx"))).toThrow("不是有效的 .xlsx 工作簿");
  });
});

function withName(
  snap: WorkbookSnapshot,
  name: string,
  change: (n: WorkbookSnapshot["names"][number]) => void,
): WorkbookSnapshot {
  const n = snap.names.find((x) => x.name === name)!;
  change(n);
  return snap;
}

describe("names: scope and mapping", () => {
  test("a worksheet-scoped name of the same text is accepted", () => {
    const snap = withName(snapshotOf(SAMPLE_000), "核定编制数", (n) => (n.scope = "评分依据"));
    const o = rescore(snap);
    expect(o.errors).toEqual([]);
    expect(o.result.total).toBe(95.93);
  });
  test("a workbook-scoped name wins over a worksheet-scoped one", () => {
    const snap = snapshotOf(SAMPLE_000);
    const n = snap.names.find((x) => x.name === "核定编制数")!;
    snap.names.push({ ...n, scope: "指标评分表", cells: [{ address: "Z1", value: "坏值" }] });
    expect(rescore(snap).errors).toEqual([]);
  });
  test("a user's own name, mapped in 评分设置, is read; unmapped it is reported missing by its default name", () => {
    const rename = () => withName(snapshotOf(SAMPLE_000), "核定编制数", (n) => (n.name = "编制人数合计"));
    const unmapped = rescore(rename());
    expect(unmapped.errors.map((e) => e.source?.name)).toEqual(["核定编制数"]);
    const snap = rename();
    const grid = snap.settings!;
    const titleRow = rowOf(grid, "名称映射");
    setCell(grid, titleRow + 2, 1, "核定编制数");
    setCell(grid, titleRow + 2, 2, "编制人数合计");
    const o = rescore(snap);
    expect(o.errors).toEqual([]);
    expect(o.result.indicators.find((i) => i.id === "staffControl")?.score).toBe(1);
  });
  test("a mapped name that is broken is named as the user wrote it", () => {
    const snap = withName(snapshotOf(SAMPLE_000), "核定编制数", (n) => (n.name = "编制人数合计"));
    const grid = snap.settings!;
    const titleRow = rowOf(grid, "名称映射");
    setCell(grid, titleRow + 2, 1, "核定编制数");
    setCell(grid, titleRow + 2, 2, "编制人数合计");
    snap.names.find((x) => x.name === "编制人数合计")!.cells = [{ address: "C23", value: 67.5, numberFormat: "0" }];
    expect(rescore(snap).errors[0].message).toContain("定义名称“编制人数合计”（评分依据!C23）：发现非整数 67.5");
  });
  test("a mapping row for a name the contract never reads is reported", () => {
    const snap = snapshotOf(SAMPLE_000);
    const grid = snap.settings!;
    const titleRow = rowOf(grid, "名称映射");
    setCell(grid, titleRow + 2, 1, "核定编制");
    setCell(grid, titleRow + 2, 2, "x");
    expect(rescore(snap).errors.map((e) => e.code)).toEqual(["settings"]);
  });
});

describe("table finding", () => {
  test("the rule set is inferred from the table when 评分设置 has none", () => {
    for (const [path, id] of [
      [SAMPLE_000, "district-2020"],
      [SAMPLE_004, "city-2021"],
    ] as const) {
      const snap = snapshotOf(path);
      delete snap.settings;
      snap.names = snap.names.filter((n) => n.name !== "规则集");
      const o = rescore(snap);
      expect(o.ruleSet.id).toBe(id);
    }
  });
  test("a 评分表 defined name bounds the search", () => {
    const snap = snapshotOf(SAMPLE_004);
    snap.names.push({
      name: "评分表",
      scope: null,
      reference: "评分表!$A$2:$I$27",
      sheet: "评分表",
      address: "A2:I27",
    });
    const o = rescore(snap);
    expect(o.errors).toEqual([]);
    expect(o.table?.address).toBe("A2:I27");
  });
  test("综合评分 / 评分等级 by defined name", () => {
    const snap = snapshotOf(SAMPLE_000);
    snap.names.push({
      name: "综合评分",
      scope: null,
      reference: "指标评分表!$K$1",
      sheet: "指标评分表",
      address: "K1",
      cells: [{ address: "K1", value: null }],
    });
    snap.names.push({
      name: "评分等级",
      scope: null,
      reference: "指标评分表!$K$2",
      sheet: "指标评分表",
      address: "K2",
      cells: [{ address: "K2", value: null }],
    });
    const o = rescore(snap);
    expect(o.plan.cells.map((c) => `${c.address}=${c.value}`)).toEqual(["K1=95.93", "K2=优"]);
  });
});

describe("contractNames", () => {
  test("every default name the contract may read", () => {
    const names = contractNames();
    for (const n of [
      "核定编制数",
      "一季度支出进度",
      "预算编制合理性_3",
      "政府采购执行情况_2",
      "预算编制规范性_不符合项数",
      "财务合规性_2",
      "效果性指标表",
      "评分表",
      "综合评分",
      "评分等级",
      "规则集",
      "生成评分明细",
    ]) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});
