/**
 * The 评分框架 sheet: a framework stored in the workbook reads back exactly (split over cells when
 * long), its words are what an auditor can check, and a damaged one stops scoring with the same
 * Chinese problems as `rules check`, naming the sheet and cell.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { parseFrameworkText, type RuleSet } from "../../src/engine";
import { frameworkPlan, frameworkSheet, frameworkText, readStoredFramework } from "../../src/workbook/framework-sheet";
import { rescore } from "../../src/workbook";
import { FRAMEWORK_BLOCK } from "../../src/text/vocabulary";
import { withPlan } from "../../src/workbook/plan-snapshot";

const ROOT = join(__dirname, "../..");
const example = (): RuleSet =>
  parseFrameworkText(readFileSync(join(ROOT, "examples/frameworks/example-local.json"), "utf8")).ruleSet!;
const SEED = () => new Uint8Array(readFileSync(join(ROOT, "assets/samples/seed-004-city-2021.xlsx")));

test("stored, written to an .xlsx and read back: the same framework, its file split into cells of at most 30,000 characters", () => {
  const rs = example();
  const text = frameworkText(rs);
  expect(text.length).toBeGreaterThan(FRAMEWORK_BLOCK.chunk);
  const snap = readXlsx(applyPlan(SEED(), frameworkPlan(rs, text)));
  const stored = readStoredFramework(snap.framework)!;
  expect(stored.errors).toEqual([]);
  expect(stored.ruleSet).toEqual(parseFrameworkText(text).ruleSet);
  expect(stored.text).toBe(text);
});

test("the words an auditor reads: the tree with weights, each rule described with the framework's input names", () => {
  const rows = frameworkSheet(example(), frameworkText(example())).rows.map((r) =>
    r.map((c) => (c === null ? "" : String(c))).join("|"),
  );
  expect(rows[0]).toBe(`评分框架|${example().title}`);
  const staff = rows.find((r) => r.includes("|在职人员控制率|"))!;
  expect(staff).toContain("|5|");
  expect(staff).toContain(
    "在职人员控制率 = 在编人数 / 核定编制数；不超过 100.00% 得满分，每超出 1 个百分点扣 0.5 分，最低 0 分",
  );
  expect(rows.find((r) => r.includes("|“三公经费”变动率|"))).toContain(
    "“三公经费”变动率 = (三公经费预算数 − 上年三公经费预算数) / 上年三公经费预算数",
  );
  expect(rows.some((r) => r.startsWith("上年度公务招待费预算数|上年公务招待费预算数|金额"))).toBe(true);
});

test("a damaged stored file stops scoring with Chinese problems naming 评分框架 and the cell", () => {
  const rs = example();
  const sheet = frameworkSheet(rs, frameworkText(rs));
  const at = sheet.rows.findIndex((r) => r[0] === FRAMEWORK_BLOCK.heading);
  sheet.rows[at + 1] = [String(sheet.rows[at + 1][0]).replace('"weight": "20"', '"weight": "25"')];
  const snap = withPlan(readXlsx(SEED()), { cells: [], sheets: [sheet] });
  const out = rescore(snap);
  expect(out.result.total).toBeNull();
  const e = out.errors.find((x) => x.code === "framework")!;
  expect(e.source).toMatchObject({ sheet: "评分框架", address: `A${at + 2}` });
  expect(e.message).toMatch(/^工作表“评分框架”A\d+ 中导入的评分框架有问题：权重不一致/);
});

test("a 评分框架 sheet without its file block says what to do", () => {
  const snap = withPlan(readXlsx(SEED()), {
    cells: [],
    sheets: [{ sheet: "评分框架", rows: [["评分框架", "自己画的表"]] }],
  });
  const out = rescore(snap);
  expect(out.errors.find((x) => x.code === "framework")!.message).toContain("找不到“框架文件（JSON）”一节");
});
