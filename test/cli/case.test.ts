import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/case";

const GOLDEN = path.resolve(__dirname, "../../../shared/golden");
const ROOT = path.resolve(__dirname, "../..");
const seed004 = path.join(GOLDEN, "seed-004-city-2021.json");

async function capture(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = run(args, (s) => (out += s + "\n"));
  return { code, out };
}

function tmpCase(mutate: (g: Record<string, any>) => void): string {
  const g = JSON.parse(readFileSync(seed004, "utf8"));
  mutate(g);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pe-case-")), "case.json");
  writeFileSync(file, JSON.stringify(g));
  return file;
}

describe("pe-score case", () => {
  test("JSON output has the documented shape and the golden total", async () => {
    const { code, out } = await capture([seed004]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["ruleSet", "indicators", "total", "grade", "errors", "differences"]),
    );
    expect(json.ruleSet).toBe("city-2021");
    expect(json.indicators).toHaveLength(21);
    expect(json.indicators[0]).toEqual(
      expect.objectContaining({ name: "预算编制合理性", score: 4, max: 5, kind: "checklist" }),
    );
    expect(json.total).toBe(89.46);
    expect(json.grade).toBe("良");
    expect(json.errors).toEqual([]);
    expect(json.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "预算执行率", previous: 5.66, current: 5.96 }),
        expect.objectContaining({ target: "total", previous: 89.16, current: 89.46 }),
      ]),
    );
  });

  test("table output prints 89.46 良 and names the 预算执行率 difference", async () => {
    const { code, out } = await capture([seed004, "--format", "table"]);
    expect(code).toBe(0);
    expect(out).toContain("综合评分 89.46  评分等级 良");
    expect(out).toContain("预算执行率：5.66 → 5.96");
    expect(out).toContain("综合评分：89.16 → 89.46");
  });

  test("a bad value exits 1 and names the input", async () => {
    const file = tmpCase((g) => (g.inputs["procurement.planned"] = "约四百万"));
    const { code, out } = await capture([file]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.total).toBeNull();
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].message).toContain("政府采购计划金额");
    expect(json.errors[0].message).toContain("约四百万");
  });

  test("unknown indicator names in a case file are errors, not ignored", async () => {
    const file = tmpCase((g) => (g.manual["不存在的指标"] = 3));
    const { code, out } = await capture([file]);
    expect(code).toBe(1);
    expect(JSON.parse(out).errors[0].message).toContain("不存在的指标");
  });

  test.each([[["--format", "xml", seed004]], [[]], [["/no/such/file.json"]]])(
    "bad usage %j throws a usage error",
    async (args) => {
      await expect(capture(args)).rejects.toThrow();
    },
  );

  test("the installed bin exits 0 / 1 / 2 as documented", () => {
    const bin = path.join(ROOT, "bin/pe-score.js");
    const ok = execFileSync(process.execPath, [bin, "case", seed004, "--format", "table"], { encoding: "utf8" });
    expect(ok).toContain("89.46");
    const bad = spawnSync(process.execPath, [bin, "case", tmpCase((g) => (g.inputs["staff.contract"] = 2.5))], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("编外人员数");
    const usage = spawnSync(process.execPath, [bin, "case"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("案例文件");
    const verb = spawnSync(process.execPath, [bin, "frobnicate"], { encoding: "utf8" });
    expect(verb.status).toBe(2);
  });
});
