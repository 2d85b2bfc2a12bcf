/**
 * Framework files: the built-in ones are read through the same checks as any other; a bad file
 * gets every problem in Chinese, naming the indicator (or input, grade) and the field; nothing a
 * file holds makes the checker throw; the JSON Schema shipped for editors accepts every good file.
 */
import Ajv from "ajv";
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import {
  BUILTIN_RULE_SET_IDS,
  builtinRuleSet,
  parseFramework,
  parseFrameworkText,
  RULE_KIND_NAMES,
} from "../../src/engine";
import { FIELD } from "../../src/text/framework";

const ROOT = join(__dirname, "../..");
const builtinJson = (id: string) => JSON.parse(readFileSync(join(ROOT, `src/engine/rulesets/${id}.json`), "utf8"));
const EXAMPLE = join(ROOT, "examples/frameworks/example-local.json");

/** A built-in framework as a plain object, changed by `f`. */
function broken(f: (d: any) => void, id = "city-2021"): string[] {
  const d = builtinJson(id);
  f(d);
  return parseFramework(d).problems;
}

const ind = (d: any, l1: number, l2: number, i: number) => d.levels[l1].groups[l2].indicators[i];

test.each([...BUILTIN_RULE_SET_IDS])("built-in %s passes the checks and round-trips through JSON", (id) => {
  const check = parseFramework(builtinJson(id));
  expect(check.problems).toEqual([]);
  expect(check.ruleSet).toEqual(builtinRuleSet(id));
  expect(parseFrameworkText(JSON.stringify(builtinRuleSet(id))).ruleSet).toEqual(builtinRuleSet(id));
});

test("the example framework passes", () => {
  expect(parseFrameworkText(readFileSync(EXAMPLE, "utf8")).problems).toEqual([]);
});

test("weights that do not add up: each level named with both sums", () => {
  const problems = broken((d) => (ind(d, 0, 0, 0).weight = "6"));
  expect(problems).toEqual(["权重不一致：二级指标“预算编制”的分值为 10，但其三级指标分值合计为 11。"]);
});

test("an unknown rule kind names the indicator, the item and the kinds there are", () => {
  const [p, ...rest] = broken((d) => (ind(d, 0, 0, 0).parts[1].rule = { kind: "ratioLinear" }));
  expect(rest).toEqual([]);
  expect(p).toContain("三级指标“预算编制合理性”第 2 项");
  expect(p).toContain(FIELD.kind);
  expect(p).toContain('"ratioLinear"');
  for (const k of RULE_KIND_NAMES) expect(p).toContain(k);
});

test("a missing parameter: the field by its Chinese name", () => {
  const problems = broken((d) => {
    for (const l1 of d.levels)
      for (const l2 of l1.groups)
        for (const i of l2.indicators)
          for (const p of i.parts) if (p.rule.kind === "perPointDeduction") delete p.rule.threshold;
  });
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.every((p) => p.includes(FIELD.threshold) && p.includes("（未填写）"))).toBe(true);
});

test("an input without a unit, a duplicate input id and a rule reading an undefined input", () => {
  const problems = broken((d) => {
    delete d.inputs[0].unit;
    d.inputs[2].id = d.inputs[1].id;
  });
  expect(problems).toContain("输入项“procurement.planned” 的单位（unit）：缺少。");
  expect(problems.some((p) => p.includes("编号“procurement.actual”重复"))).toBe(true);
  expect(problems.some((p) => p.includes("引用了未定义的输入项“sanGong.budget”"))).toBe(true);
});

test("duplicate indicator names (after normalising), an empty criteria, a non-decimal weight", () => {
  const problems = broken((d) => {
    ind(d, 0, 0, 1).name = "预算编制合理性 ";
    ind(d, 0, 1, 0).criteria = "";
    ind(d, 0, 1, 1).weight = 7;
  });
  expect(problems).toContain("三级指标“预算编制合理性 ” 的名称（name）：名称“预算编制合理性 ”重复。");
  expect(problems).toContain("三级指标“绩效目标完整性” 的评分标准（criteria）：应为非空文字。");
  expect(problems).toContain(
    '三级指标“绩效指标明确性” 的分值（weight）：应为写成文字的数字（如 "5" 或 "0.5"），现为 7。',
  );
});

test("grade bands out of order, and bands with a gap", () => {
  expect(broken((d) => d.grades.reverse())).toContain(
    "评分框架 的评分等级（grades）：应从高到低排列，最后一档的最低分为 0。",
  );
  const gap = broken((d) => {
    for (const l1 of d.levels)
      for (const l2 of l1.groups)
        for (const i of l2.indicators)
          for (const p of i.parts) if (p.rule.kind === "ratioBands") p.rule.bands[0].min = "0.95";
  });
  expect(gap.some((p) => p.includes("分档不连续"))).toBe(true);
});

test("not JSON, not an object: one Chinese sentence each", () => {
  expect(parseFrameworkText("{ id: 1 ").problems[0]).toMatch(/^评分框架：不是有效的 JSON 文件（/);
  expect(parseFramework([1, 2]).problems).toEqual(["评分框架：应为一个 JSON 对象（{ … }）。"]);
  expect(parseFramework({}).problems).toEqual(
    expect.arrayContaining(["评分框架 的编号（id）：缺少。", "评分框架 的输入项（inputs）：缺少。"]),
  );
});

test("whatever a file holds, the checker answers with problems, never an exception", () => {
  const base = builtinJson("district-2020");
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(base, []);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue(), (i, value) => {
      const d = JSON.parse(JSON.stringify(base));
      const path = paths[i];
      let o = d;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]] = value;
      const r = parseFramework(d);
      expect(r.ruleSet !== undefined || r.problems.length > 0).toBe(true);
      for (const p of r.problems) expect(p).toMatch(/[\u4e00-\u9fff]/);
    }),
    { numRuns: Number(process.env.PE_FUZZ_RUNS ?? 2000) },
  );
});

test("the JSON Schema lists exactly the registry's rule kinds, each with its parameters", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/framework.schema.json"), "utf8"));
  const rule = schema.definitions.rule;
  expect([...rule.properties.kind.enum].sort()).toEqual([...RULE_KIND_NAMES].sort());
  // Kinds without parameters beyond `kind` need no `if` branch; every branch names a real kind.
  const branched = rule.allOf.map(
    (b: { if: { properties: { kind: { const: string } } } }) => b.if.properties.kind.const,
  );
  for (const k of branched) expect(RULE_KIND_NAMES).toContain(k);
});

test("the JSON Schema accepts the built-in and example frameworks and rejects a wrong kind", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "schemas/framework.schema.json"), "utf8")));
  for (const id of BUILTIN_RULE_SET_IDS) expect(validate(builtinJson(id))).toBe(true);
  expect(validate(JSON.parse(readFileSync(EXAMPLE, "utf8")))).toBe(true);
  const bad = builtinJson("city-2021");
  ind(bad, 0, 0, 0).parts[0].rule.kind = "nope";
  expect(validate(bad)).toBe(false);
});
