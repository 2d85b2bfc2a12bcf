import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run as score } from "../../src/cli/score";
import { initWorkbook, run as init } from "../../src/cli/init";
import { readXlsx } from "../../src/hosts/xlsx";
import { setupSheetsPlan } from "../../src/workbook/input-sheet";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { rescore } from "../../src/workbook";
import ExcelJS from "exceljs";
import { addScoreTable, buildSample, loadGolden, toBytes } from "../../scripts/make-samples";
import { builtinRuleSet } from "../../src/engine";

const ROOT = join(__dirname, "../..");
const S000 = join(ROOT, "assets/samples/seed-000-district-2020.xlsx");
const S004 = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");
const BAD = join(ROOT, "test/fixtures/bad");

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pe-score-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function capture(
  fn: (out: (s: string) => void) => number | Promise<number>,
): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await fn((s) => lines.push(s));
  return { code, text: lines.join("\n") };
}

describe("pe-score score", () => {
  test("--out writes scored copies and never touches the inputs", async () => {
    const before = [readFileSync(S000), readFileSync(S004)];
    const out = join(dir, "out");
    const r = await capture((o) => score([S000, S004, "--out", out], o));
    expect(r.code).toBe(0);
    expect(r.text).toContain("预算执行率");
    expect(r.text).toContain("1 项得分变化，综合评分 89.16 → 89.46，良");
    expect(r.text).toContain("共 2 个文件：2 个评分完成，0 个有问题。");
    expect(readFileSync(S000).equals(before[0])).toBe(true);
    expect(readFileSync(S004).equals(before[1])).toBe(true);
    const again = rescore(readXlsx(new Uint8Array(readFileSync(join(out, "seed-004-city-2021.xlsx")))));
    expect(again.result.total).toBe(89.46);
    expect(again.plan.cells).toEqual([]);
  });

  test("--out pointing at the input's own folder refuses to overwrite it", async () => {
    const copy = join(dir, "a.xlsx");
    copyFileSync(S004, copy);
    const before = readFileSync(copy);
    const r = await capture((o) => score([copy, "--out", dir], o));
    expect(r.code).toBe(1);
    expect(r.text).toContain("--out 不会覆盖原文件");
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  test("--in-place replaces the file through a temporary file", async () => {
    const copy = join(dir, "a.xlsx");
    copyFileSync(S004, copy);
    const r = await capture((o) => score([copy, "--in-place"], o));
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
    expect(rescore(readXlsx(new Uint8Array(readFileSync(copy)))).result.differences).toEqual([]);
  });

  test("a broken file never stops the batch; exit 1; no output file for it", async () => {
    const out = join(dir, "out");
    const files = readdirSync(BAD).map((f) => join(BAD, f));
    const r = await capture((o) => score([...files, S004, "--out", out], o));
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(["seed-004-city-2021.xlsx"]);
    expect(r.text).toContain("无法读取：文件不是有效的 .xlsx 工作簿（无法解压）");
    expect(r.text).toContain("定义名称“核定编制数”的引用已失效（#REF!）");
    expect(r.text).toContain(`共 ${files.length + 1} 个文件：1 个评分完成，${files.length} 个有问题。`);
  });

  test("a folder is expanded to its .xlsx files; json and csv formats", async () => {
    const j = await capture((o) => score([join(ROOT, "assets/samples"), "--format", "json"], o));
    const data = JSON.parse(j.text);
    expect(data.map((d: { total: number }) => d.total)).toEqual([95.93, 89.46]);
    expect(data[1].indicators.find((i: { id: string }) => i.id === "budgetExecution")).toMatchObject({
      score: 5.96,
      previous: 5.66,
    });
    const c = await capture((o) => score([S004, join(BAD, "div0.xlsx"), "--format", "csv"], o));
    expect(c.code).toBe(1);
    // No ids in front of a clerk (issue 11.11): the CSV numbers the indicators instead.
    expect(c.text.startsWith("\uFEFF文件,序号,三级指标")).toBe(true);
    expect(c.text).toMatch(/seed-004-city-2021\.xlsx,16,预算执行率,5\.96,6,5\.66,0\.3,/);
    expect(c.text).not.toContain("budgetExecution");
    expect(c.text).toContain("#DIV/0!");
  });

  test("--detail writes the 评分明细 sheet into the copy", async () => {
    const out = join(dir, "out");
    await capture((o) => score([S000, "--out", out, "--detail"], o));
    expect(readXlsx(new Uint8Array(readFileSync(join(out, "seed-000-district-2020.xlsx")))).sheets).toContain(
      "评分明细",
    );
  });
});

describe("pe-score init", () => {
  async function bare(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    addScoreTable(wb, builtinRuleSet("city-2021")!, {}, "merged", "t", "评分表", { total: null, grade: null });
    const path = join(dir, "bare.xlsx");
    writeFileSync(path, await toBytes(wb));
    return path;
  }
  test("adds 评分依据 and 评分设置 with every name; the rest survives; the rule set is inferred", async () => {
    const path = await bare();
    const out = join(dir, "init.xlsx");
    const r = await capture((o) => init([path, "--out", out], o));
    expect(r.code).toBe(0);
    const snap = readXlsx(new Uint8Array(readFileSync(out)));
    expect(snap.sheets).toEqual(["评分表", "评分依据", "评分设置"]);
    for (const n of ["核定编制数", "预算编制合理性_3", "效果性指标表", "规则集"])
      expect(snap.names.map((x) => x.name)).toContain(n);
    expect(snap.names.find((n) => n.name === "规则集")!.cells![0].value).toBe("市级 2021"); // the short Chinese name, never the id;
    const o = rescore(snap);
    expect(o.errors.length).toBeGreaterThan(0); // nothing filled in yet
    expect(o.errors.some((e) => e.message.includes("（评分依据!C4）未绑定或为空"))).toBe(true);
  });
  test("a patch: every other part of the package stays byte-identical, every name is kept, the new names resolve", () => {
    // The rich fixture (chart, comments, VML, styles) with its own input sheets renamed out of the way.
    const rich = unzipSync(new Uint8Array(readFileSync(join(ROOT, "test/fixtures/rich.xlsx"))));
    rich["xl/workbook.xml"] = strToU8(
      strFromU8(rich["xl/workbook.xml"])
        .replace(/评分依据/g, "原始依据")
        .replace(/评分设置/g, "原始设置"),
    );
    const input = zipSync(rich);
    const r = initWorkbook(input, "district-2020");
    expect(r.errors).toEqual([]);
    const after = unzipSync(r.bytes!);
    const patched = new Set(["xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
    for (const [part, data] of Object.entries(rich)) {
      if (!patched.has(part)) expect([part, Buffer.from(after[part]).equals(Buffer.from(data))]).toEqual([part, true]);
    }
    const a = readXlsx(input);
    const b = readXlsx(r.bytes!);
    expect(b.sheets).toEqual([...a.sheets, "评分依据", "评分设置"]);
    const plan = setupSheetsPlan(a, builtinRuleSet("district-2020")!)!;
    const planned = new Set(plan.names!.map((n) => n.name));
    expect(planned.has("政府采购计划金额")).toBe(false); // it resolves on 原始依据: left alone
    for (const n of a.names) if (!planned.has(n.name)) expect(b.names).toContainEqual(n);
    for (const n of plan.names!)
      expect(b.names.find((x) => x.name === n.name)).toMatchObject({ sheet: n.sheet, address: n.address });
    expect(r.names).toBe(plan.names!.filter((n) => !a.names.some((x) => x.name === n.name)).length);
    expect(b.names.find((n) => n.name === "预算编制合理性_1")!.cells).toHaveLength(1);
    expect(b.settings?.sheet).toBe("评分设置");
  });
  test("refuses a workbook that already has the sheets, writing nothing", async () => {
    const out = join(dir, "x.xlsx");
    const r = await capture((o) => init([S000, "--out", out], o));
    expect(r.code).toBe(1);
    expect(r.text).toContain("已有“评分依据”工作表");
    expect(existsSync(out)).toBe(false);
  });
});

test("the committed samples match what the generator builds from the golden cases", async () => {
  for (const [id, path] of [
    ["seed-000-district-2020", S000],
    ["seed-004-city-2021", S004],
  ] as const) {
    const fresh = readXlsx(await buildSample(loadGolden(id)));
    const committed = readXlsx(new Uint8Array(readFileSync(path)));
    expect(fresh.grids).toEqual(committed.grids);
    expect(fresh.names).toEqual(committed.names);
  }
});
