/**
 * The CLI as a clerk meets it (issue 11.2, 11.10): Chinese help for every verb, Chinese errors for
 * bad options and missing files, `init` never overwrites a file the clerk may have filled in and
 * says what to do next, `score` without --out says how to write, and --out means the same for both.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../support/cli";
import { CLI, SCORE_CLI } from "../../src/text/cli";
import ExcelJS from "exceljs";

/** A department's own workbook: a sheet of figures, no 评分依据 or 评分设置 yet. */
async function ownWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("预算执行").getCell("A1").value = "部门预算总额";
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const ROOT = join(__dirname, "../..");
const S004 = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pe-words-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ascii = (s: string) =>
  /[A-Za-z]{6,}/.test(
    s.replace(
      /pe-score|--[a-z-]+|xlsx|json|table|csv|shared\/golden|PE_DEBUG|BOM|Excel|WebView2|rules (export|check|schema)|JSON Schema/g,
      "",
    ),
  );

describe("help and usage errors are Chinese", () => {
  test.each(["score", "init", "case", "rules"])(
    "%s --help prints the verb's Chinese help and exits 0",
    async (verb) => {
      for (const args of [
        [verb, "--help"],
        [verb, "-h"],
        ["help", verb],
      ]) {
        const r = await cli(...args);
        expect(r.code).toBe(0);
        expect(r.out).toBe(CLI.help[verb]);
        expect(r.out).toContain("退出码：0");
        expect(r.out).toContain("3 程序内部错误");
        expect(ascii(r.out)).toBe(false);
      }
    },
  );

  test("an unknown option and a missing value are named in Chinese, exit 2, never parseArgs's English", async () => {
    const a = await cli("score", S004, "--bogus");
    expect(a.code).toBe(2);
    expect(a.err).toBe(`未知的选项 --bogus。\n${CLI.seeHelp("score")}`);
    const b = await cli("score", S004, "--out");
    expect(b.code).toBe(2);
    expect(b.err).toContain("选项 --out 后面需要一个值");
    expect(ascii(a.err + b.err)).toBe(false);
  });

  test("a missing file says 文件不存在, not ENOENT", async () => {
    const missing = join(dir, "没有这个.xlsx");
    const r = await cli("score", missing);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`文件不存在：${missing}`);
    expect(r.out).not.toContain("ENOENT");
    const i = await cli("init", missing);
    expect(i.out).toContain(`文件不存在：${missing}`);
  });
});

describe("init never overwrites and says what to do next", () => {
  test("a second init refuses to replace the file the clerk filled in, and writes nothing", async () => {
    const src = join(dir, "部门.xlsx");
    await ownWorkbook(src);
    const first = await cli("init", src);
    expect(first.code).toBe(0);
    const made = join(dir, "部门-评分.xlsx");
    expect(first.out).toContain(`已添加“评分依据”“评分设置”工作表`);
    expect(first.out).toContain(made);
    expect(first.out).toContain("下一步：");
    writeFileSync(made, Buffer.concat([readFileSync(made), Buffer.from("clerk's work")])); // stands for a filled-in file
    const before = readFileSync(made);
    const second = await cli("init", src);
    expect(second.code).toBe(1);
    expect(second.out).toBe(SCORE_CLI.initExists(made));
    expect(readFileSync(made).equals(before)).toBe(true);
  });

  test("--out takes a folder (same file name) or a .xlsx file name, like score --out takes a folder", async () => {
    const src = join(dir, "部门.xlsx");
    await ownWorkbook(src);
    const folder = join(dir, "输出");
    expect((await cli("init", src, "--out", folder)).code).toBe(0);
    expect(existsSync(join(folder, "部门.xlsx"))).toBe(true);
    const named = join(dir, "新表.xlsx");
    expect((await cli("init", src, "--out", named)).code).toBe(0);
    expect(statSync(named).size).toBeGreaterThan(0);
  });
});

describe("score", () => {
  test("without --out it says how to write a scored copy; --out refuses an existing file", async () => {
    const r = await cli("score", S004);
    expect(r.code).toBe(0);
    expect(r.out).toContain(SCORE_CLI.howToWrite);
    const out = join(dir, "out");
    expect((await cli("score", S004, "--out", out)).code).toBe(0);
    const again = await cli("score", S004, "--out", out);
    expect(again.code).toBe(1);
    expect(again.out).toContain(SCORE_CLI.outExists(join(out, "seed-004-city-2021.xlsx")));
  });

  test("the rule set is named by its Chinese title in the case report", async () => {
    const r = await cli("case", join(ROOT, "../shared/golden/seed-004-city-2021.json"), "--format", "table");
    expect(r.out).toContain("规则集：深圳市 2021 年度部门整体支出绩效评价指标");
    expect(r.out).not.toContain("city-2021");
  });
});
