/**
 * Frameworks as files from the command line: `rules export` gives back a built-in framework that
 * scores the golden cases exactly as the built-in one; `rules check` lists every problem in
 * Chinese; `--rules` scores a case or workbooks by a file; `init --rules` stores the framework in
 * the workbook, which then scores by it anywhere. The example framework's workbook scores with
 * hand-checked numbers, and the committed example matches what the generator builds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/hosts/xlsx";
import { rescore } from "../../src/workbook";
import { builtinRuleSet } from "../../src/engine";
import { FRAMEWORK } from "../../src/text/framework";
import { RULES_CLI } from "../../src/text/cli";
import { buildExample, EXAMPLES_DIR } from "../../scripts/make-samples";
import { cli } from "../support/cli";

const ROOT = join(__dirname, "../..");
const GOLDEN = join(ROOT, "../shared/golden");
const EXAMPLE = join(EXAMPLES_DIR, "example-local.json");
const EXAMPLE_BOOK = join(EXAMPLES_DIR, "example-local.xlsx");

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pe-rules-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ["city-2021", "seed-004-city-2021.json"],
  ["区级 2020", "seed-000-district-2020.json"],
])("rules export %s, then case --rules: exactly the built-in result", async (id, golden) => {
  const exported = await cli("rules", "export", id);
  expect(exported.code).toBe(0);
  const file = join(dir, "f.json");
  writeFileSync(file, exported.out);
  const a = await cli("case", join(GOLDEN, golden), "--rules", file);
  const b = await cli("case", join(GOLDEN, golden));
  expect(a.code).toBe(0);
  expect(a.out).toBe(b.out);
  expect(JSON.parse(exported.out).$schema).toBeUndefined();
});

test("rules check: a good file in one line; a bad one, every problem numbered, exit 1", async () => {
  const ok = await cli("rules", "check", EXAMPLE);
  expect(ok).toMatchObject({ code: 0 });
  expect(ok.out).toBe(FRAMEWORK.summaryOk(JSON.parse(readFileSync(EXAMPLE, "utf8")).title, 22, 32));

  const bad = JSON.parse(readFileSync(EXAMPLE, "utf8"));
  bad.levels[0].weight = "25"; // weights no longer add up
  delete bad.inputs[0].unit; // an input without a unit
  bad.levels[0].groups[1].indicators[1].parts[0].rule.kind = "changeRatio"; // an unknown kind
  delete bad.levels[0].groups[1].indicators[0].parts[0].rule.perPoint; // a missing parameter
  bad.levels[1].groups[0].indicators[1].name = bad.levels[1].groups[0].indicators[0].name; // a duplicate name
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify(bad));
  const r = await cli("rules", "check", file);
  expect(r.code).toBe(1);
  const lines = r.out.split("\n");
  expect(lines[0]).toBe(RULES_CLI.problems(file, lines.length - 1));
  expect(r.out).toContain("1. 输入项“procurement.planned” 的单位（unit）：缺少。");
  expect(r.out).toContain('三级指标““三公经费”变动率”第 1 项 的类型（kind）：未知的评分规则类型 "changeRatio"');
  expect(r.out).toContain("三级指标“在职人员控制率”第 1 项 的每个百分点扣分（perPoint）：应为写成文字的数字");
  expect(r.out).toContain("名称“政府采购执行情况”重复");
  // Weights are checked once the structure holds: not in this run, whose structure is broken.
  expect(r.out).not.toMatch(/[A-Za-z]{4,}Error|at Object\./);
});

test("rules check of a file that is not JSON, or not there: Chinese, never a stack", async () => {
  const file = join(dir, "x.json");
  writeFileSync(file, "{ 不是 JSON");
  const r = await cli("rules", "check", file);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/不是有效的 JSON 文件/);
  const missing = await cli("rules", "check", join(dir, "none.json"));
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("文件不存在");
});

test("rules schema prints the JSON Schema; rules without a sub-command says what there is", async () => {
  const r = await cli("rules", "schema");
  expect(JSON.parse(r.out).title).toContain("评分框架");
  expect((await cli("rules")).err).toContain(RULES_CLI.needSub);
  expect((await cli("rules", "export", "省级 2030")).err).toContain("未知的规则集“省级 2030”");
});

test("the example workbook carries its framework and scores 88.75 with the hand-checked 投入 items", async () => {
  const outcome = rescore(readXlsx(new Uint8Array(readFileSync(EXAMPLE_BOOK))), { now: new Date(2026, 10, 30) });
  expect(outcome.errors).toEqual([]);
  expect(outcome.ruleSet.id).toBe("example-local");
  const s = (name: string) => outcome.result.indicators.find((i) => i.name === name)!.score;
  expect(s("在职人员控制率")).toBe(5); // 30 / 32 = 93.75% ≤ 100%
  expect(s("“三公经费”变动率")).toBe(3.29); // (10.8 − 10.2) / 10.2 = 5.88%: 8 − 0.8 × 5.8824
  expect(s("公务招待费变动率")).toBe(2); // (1.5 − 1.6) / 1.6 = −6.25% ≤ 0
  expect(outcome.result.total).toBe(88.75);
  expect(outcome.result.grade).toBe("良");
  const case_ = await cli("case", join(EXAMPLES_DIR, "example-local-case.json"), "--rules", EXAMPLE);
  expect(JSON.parse(case_.out).total).toBe(88.75);
});

test("the committed example workbook is what the generator builds", async () => {
  const fresh = readXlsx(await buildExample());
  const committed = readXlsx(new Uint8Array(readFileSync(EXAMPLE_BOOK)));
  expect(fresh.grids).toEqual(committed.grids);
  expect(fresh.names).toEqual(committed.names);
  expect(fresh.framework).toEqual(committed.framework);
});

test("score --rules scores by the file whatever the workbook holds; a bad --rules file: problems, exit 1", async () => {
  const seed = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");
  const city = join(dir, "city.json");
  writeFileSync(city, (await cli("rules", "export", "city-2021")).out);
  const r = await cli("score", seed, "--rules", city, "--format", "json");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)[0].total).toBe(89.46);
  const bad = join(dir, "bad.json");
  writeFileSync(bad, "[]");
  const b = await cli("score", seed, "--rules", bad);
  expect(b.code).toBe(1);
  expect(b.out).toContain(RULES_CLI.problems(bad, 1));
});

test("init --rules: 评分依据 lists the framework's inputs, 评分框架 carries it; the workbook then scores by it", async () => {
  const src = join(dir, "dept.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "部门整体支出绩效自评";
  writeFileSync(src, new Uint8Array(await wb.xlsx.writeBuffer()));
  const r = await cli("init", src, "--rules", EXAMPLE);
  expect(r.code).toBe(0);
  const snap = readXlsx(new Uint8Array(readFileSync(join(dir, "dept-评分.xlsx"))));
  expect(snap.sheets).toEqual(expect.arrayContaining(["评分框架", "评分依据", "评分设置"]));
  for (const name of ["上年三公经费预算数", "公务招待费预算数", "上年公务招待费预算数"])
    expect(snap.names.some((n) => n.name === name)).toBe(true);
  // No 评分表 yet, but the framework it carries is the one scoring uses.
  const outcome = rescore(snap);
  expect(outcome.ruleSet.id).toBe("example-local");
  expect(outcome.errors.some((e) => e.code === "framework")).toBe(false);
  expect(builtinRuleSet("example-local")).toBeUndefined();
});
