/** `pe-score case <file.json>`: score a case file in the format of shared/golden/*.json. */
import { builtinRuleSet, loadCase, scoreCase, type CaseFile, type ScoreResult } from "../engine";
import { CLI } from "../text/cli";
import { errorJson, previousColumns, renderTable } from "./format";
import { showPoints, showScore, showValue } from "../text/numbers";
import { readText } from "./files";
import { parseVerbArgs, UsageError } from "./args";
import { problemLines, readFrameworkFile } from "./framework-file";

export { UsageError };

export function caseJson(r: ScoreResult) {
  return {
    ruleSet: r.ruleSet,
    indicators: r.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      score: i.score,
      max: i.max,
      kind: i.kind,
      explanation: i.explanation,
      ...(i.kind === "override" ? { ruleScore: i.ruleScore ?? null, reason: i.overrideReason } : {}),
    })),
    total: r.total,
    grade: r.grade,
    errors: r.errors.map(errorJson),
    differences: r.differences,
    problems: r.problems,
  };
}

/** The readable Chinese report of a scored case (also used for workbooks). */
export function caseTable(r: ScoreResult, previous?: Record<string, number | null>, title?: string): string {
  const h = CLI.header;
  const rows = r.indicators.map((i, n) => [
    String(n + 1),
    i.level1,
    i.name,
    showScore(i.score),
    showPoints(i.max),
    CLI.kinds[i.kind] ?? i.kind,
    ...previousColumns(r, i, previous?.[i.id] !== undefined),
  ]);
  const out = [
    CLI.ruleSet(title ?? builtinRuleSet(r.ruleSet)?.title ?? r.ruleSet),
    renderTable([h.index, h.level1, h.name, h.score, h.max, h.kind, h.previous, h.diff], rows, [
      true,
      false,
      false,
      true,
      true,
      false,
      true,
      true,
    ]),
  ];
  out.push("", r.total === null ? CLI.noTotal : CLI.total(showScore(r.total), r.grade ?? ""));
  if (r.differences.length) {
    out.push("", CLI.differences);
    for (const d of r.differences) {
      out.push(CLI.difference(d.name, showValue(d.previous), showValue(d.current)));
      if (d.note) out.push(`    ${d.note}`);
    }
  }
  if (r.errors.length) {
    out.push("", CLI.errors(r.errors.length));
    r.errors.forEach((e, n) => out.push(`  ${n + 1}. ${e.message}`));
  }
  out.push("", CLI.explanations);
  for (const i of r.indicators) if (i.explanation) out.push(`  ${i.name}：${i.explanation}`);
  if (r.problems.length) {
    out.push("", CLI.problems);
    r.problems.forEach((p, n) => out.push(`  ${n + 1}. ${p}`));
  }
  return out.join("\n");
}

export function readCaseFile(path: string): CaseFile {
  const text = readText(path);
  try {
    return JSON.parse(text) as CaseFile;
  } catch (e) {
    throw new UsageError(CLI.notJson(path, (e as Error).message));
  }
}

export function run(args: string[], out: (s: string) => void = console.log): number {
  const parsed = parseVerbArgs("case", args, {
    format: { type: "string", default: "json" },
    rules: { type: "string" },
  });
  const format = parsed.values.format;
  if (format !== "json" && format !== "table") throw new UsageError(CLI.badFormat(format, ["json", "table"]));
  if (parsed.positionals.length !== 1) throw new UsageError(CLI.needFile);
  const file = readCaseFile(parsed.positionals[0]);
  let framework;
  const rules = parsed.values.rules;
  if (rules) {
    const { check } = readFrameworkFile(rules);
    if (!check.ruleSet) {
      out(problemLines(rules, check.problems));
      return 1;
    }
    framework = check.ruleSet;
  }
  const loaded = loadCase(file, framework);
  const result: ScoreResult = loaded.ruleSet
    ? scoreCase(loaded.ruleSet, loaded.scoreCase)
    : {
        ruleSet: String(file.ruleSet),
        indicators: [],
        total: null,
        grade: null,
        errors: [],
        differences: [],
        levels: [],
        problems: [],
      };
  if (loaded.errors.length) {
    result.errors.unshift(...loaded.errors);
    result.total = null;
    result.grade = null;
  }
  out(
    format === "json"
      ? JSON.stringify(caseJson(result), null, 2)
      : caseTable(result, loaded.scoreCase.previous, loaded.ruleSet?.title),
  );
  return result.errors.length ? 1 : 0;
}
