/**
 * `pe-score score <file.xlsx|folder>... [--out DIR] [--in-place] [--format table|json|csv] [--detail]`
 * Scores each workbook with the same contract as the add-in (read → rescore → applyPlan). A broken
 * file never stops the batch — whatever goes wrong with one file becomes that file's error line —
 * and the summary always prints; exit 1 when any file had errors. `--out` writes scored copies and
 * never overwrites an input or an existing file; `--in-place` writes a temporary file beside the
 * input and renames it over, so a crash never leaves a half-written workbook.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { applyPlan, readXlsx } from "../hosts/xlsx";
import { rescore, type RescoreOutcome } from "../workbook";
import { CLI, FILE_ERRORS, SCORE_CLI } from "../text/cli";
import { errorJson, previousColumns, renderTable } from "./format";
import { showPoints, showScore } from "../text/numbers";
import { parseVerbArgs, UsageError } from "./args";
import { errorText, readBytes, writeThroughTemp } from "./files";
import { problemLines, readFrameworkFile } from "./framework-file";
import type { RuleSet } from "../engine";

export interface FileReport {
  file: string;
  outcome?: RescoreOutcome;
  /** Errors that stopped this file: read failures and contract/engine errors, as messages. */
  errors: string[];
  written?: string;
}

export interface ScoreOptions {
  /** Score by this framework (`--rules FILE`), not the workbook's own or a built-in one. */
  framework?: RuleSet;
  out?: string;
  inPlace?: boolean;
  detail?: boolean;
  now?: Date;
}

/** Expands folders to their .xlsx files (not recursive; Excel's ~$ lock files skipped). */
export function expandInputs(paths: string[]): { files: string[]; notes: string[] } {
  const files: string[] = [];
  const notes: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      dir = false;
    }
    if (!dir) {
      files.push(p);
      continue;
    }
    const found = readdirSync(p)
      .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$"))
      .sort()
      .map((f) => join(p, f));
    if (!found.length) notes.push(SCORE_CLI.noXlsxIn(p));
    files.push(...found);
  }
  return { files, notes };
}

/** Why a file could not be read, in Chinese. */
export function readError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  return FILE_ERRORS[code]?.(file) ?? SCORE_CLI.readFailed(errorText(e));
}

/** Scores one file; never throws (an unexpected failure is the file's error line). */
export function scoreFile(file: string, o: ScoreOptions = {}): FileReport {
  try {
    return scoreFileOrThrow(file, o);
  } catch (e) {
    return { file, errors: [CLI.internal(errorText(e))] };
  }
}

function scoreFileOrThrow(file: string, o: ScoreOptions): FileReport {
  const report: FileReport = { file, errors: [] };
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    report.errors.push(readError(file, e));
    return report;
  }
  let outcome: RescoreOutcome;
  try {
    outcome = rescore(readXlsx(bytes), {
      ...(o.detail ? { detailSheet: true } : {}),
      ...(o.now ? { now: o.now } : {}),
      ...(o.framework ? { framework: o.framework } : {}),
    });
  } catch (e) {
    report.errors.push(SCORE_CLI.readFailed(errorText(e)));
    return report;
  }
  report.outcome = outcome;
  if (outcome.errors.length) {
    report.errors.push(...outcome.errors.map((e) => e.message));
    return report;
  }
  if (!o.out && !o.inPlace) return report;
  try {
    const scored = applyPlan(bytes, outcome.plan);
    if (o.inPlace) {
      writeThroughTemp(resolve(file), scored);
      report.written = file;
    } else {
      const target = resolve(o.out!, basename(file));
      if (target === resolve(file)) {
        report.errors.push(SCORE_CLI.wouldOverwrite(file));
        return report;
      }
      if (existsSync(target)) {
        report.errors.push(SCORE_CLI.outExists(target));
        return report;
      }
      mkdirSync(resolve(o.out!), { recursive: true });
      writeFileSync(target, scored, { flag: "wx" });
      report.written = target;
    }
  } catch (e) {
    report.errors.push(SCORE_CLI.writeFailed(errorText(e)));
  }
  return report;
}

/**
 * The score present before rescoring (the sheet's) and the exact change: the engine's difference,
 * else (unchanged) the new score and 0; neither when there is no score.
 */
function previousOf(r: RescoreOutcome, id: string): { previous: number | null; delta: number | null } {
  const d = r.result.differences.find((x) => x.target === id);
  if (d) return { previous: typeof d.previous === "number" ? d.previous : null, delta: d.delta };
  const score = r.result.indicators.find((i) => i.id === id)?.score ?? null;
  return { previous: score, delta: score === null ? null : 0 };
}

export function tableReport(rep: FileReport): string {
  const out = [SCORE_CLI.file(rep.file)];
  const r = rep.outcome;
  if (r && r.result.indicators.length && !rep.errors.length) {
    const h = SCORE_CLI.header;
    const rows = r.result.indicators.map((i) => [
      i.name,
      showScore(i.score),
      showPoints(i.max),
      ...previousColumns(r.result, i, true),
    ]);
    out.push(renderTable([h.name, h.score, h.max, h.previous, h.diff], rows, [false, true, true, true, true]));
    out.push(SCORE_CLI.summary(r.summary));
    for (const w of r.warnings) out.push(SCORE_CLI.warning(w));
    for (const d of r.result.differences) if (d.note) out.push(`  ${d.name}：${d.note}`);
  }
  if (rep.errors.length) {
    out.push(SCORE_CLI.errors(rep.errors.length));
    rep.errors.forEach((e, n) => out.push(`  ${n + 1}. ${e}`));
  } else if (rep.written) {
    out.push(rep.written === rep.file ? SCORE_CLI.wroteInPlace(rep.file) : SCORE_CLI.wrote(rep.written));
  }
  return out.join("\n");
}

export function batchSummary(reports: FileReport[]): string {
  const h = SCORE_CLI.batchHeader;
  const rows = reports.map((r) => [
    r.file,
    r.errors.length ? "—" : showScore(r.outcome?.result.total ?? null),
    r.errors.length ? "—" : (r.outcome?.result.grade ?? "—"),
    r.errors.length ? SCORE_CLI.problems(r.errors.length) : SCORE_CLI.ok,
  ]);
  const bad = reports.filter((r) => r.errors.length).length;
  return [
    SCORE_CLI.batch,
    renderTable([h.file, h.total, h.grade, h.status], rows, [false, true, false, false]),
    SCORE_CLI.totals(reports.length, reports.length - bad, bad),
  ].join("\n");
}

export function jsonReport(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      ok: r.errors.length === 0,
      ruleSet: r.outcome?.ruleSet.id ?? null,
      ruleSetTitle: r.outcome?.ruleSet.title ?? null,
      warnings: r.outcome?.warnings ?? [],
      table: r.outcome?.table ?? null,
      total: r.errors.length ? null : (r.outcome?.result.total ?? null),
      grade: r.errors.length ? null : (r.outcome?.result.grade ?? null),
      summary: r.outcome && !r.errors.length ? r.outcome.summary : null,
      indicators: r.errors.length
        ? []
        : (r.outcome?.result.indicators ?? []).map((i) => ({
            id: i.id,
            name: i.name,
            score: i.score,
            max: i.max,
            previous: previousOf(r.outcome!, i.id).previous,
            kind: i.kind,
            explanation: i.explanation,
          })),
      differences: r.outcome?.result.differences ?? [],
      errors: r.outcome?.errors.length
        ? r.outcome.errors.map(errorJson)
        : r.errors.map((message) => ({ code: "file", message })),
      written: r.written ?? null,
    })),
    null,
    2,
  );
}

/**
 * CSV text a spreadsheet could evaluate as a formula (= + - @, or a leading tab / carriage return
 * that some importers strip first) gets a leading "'" (CSV injection).
 */
export function csvSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? String(v) : csvSafe(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvReport(reports: FileReport[]): string {
  const lines = [SCORE_CLI.csvHeader.map(csvCell).join(",")];
  for (const r of reports) {
    if (r.errors.length || !r.outcome) {
      lines.push([r.file, "", "", "", "", "", "", r.errors.join(" ")].map(csvCell).join(","));
      continue;
    }
    r.outcome.result.indicators.forEach((i, n) => {
      const { previous, delta } = previousOf(r.outcome!, i.id);
      lines.push([r.file, n + 1, i.name, i.score, i.max, previous, delta, ""].map(csvCell).join(","));
    });
    lines.push([r.file, null, SCORE_CLI.csvTotal, r.outcome.result.total, 100, null, null, ""].map(csvCell).join(","));
    lines.push([r.file, null, SCORE_CLI.csvGrade, r.outcome.result.grade, null, null, null, ""].map(csvCell).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n"; // BOM so Excel opens the Chinese text as UTF-8
}

export function run(args: string[], out: (s: string) => void = console.log): number {
  const parsed = parseVerbArgs("score", args, {
    out: { type: "string" },
    "in-place": { type: "boolean", default: false },
    format: { type: "string", default: "table" },
    detail: { type: "boolean", default: false },
    rules: { type: "string" },
  });
  const v = parsed.values;
  const format = v.format;
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(CLI.badFormat(format, ["table", "json", "csv"]));
  if (!parsed.positionals.length) throw new UsageError(SCORE_CLI.needFiles);
  if (v.out && v["in-place"]) throw new UsageError(SCORE_CLI.outAndInPlace);
  const { files, notes } = expandInputs(parsed.positionals);
  const opts: ScoreOptions = { detail: v.detail === true, inPlace: v["in-place"] === true };
  if (v.out) opts.out = v.out;
  if (v.rules) {
    const { check } = readFrameworkFile(v.rules);
    if (!check.ruleSet) {
      out(problemLines(v.rules, check.problems));
      return 1;
    }
    opts.framework = check.ruleSet;
  }
  const reports: FileReport[] = [];
  for (const f of files) {
    const rep = scoreFile(f, opts);
    reports.push(rep);
    if (format === "table") out(tableReport(rep) + "\n");
  }
  if (format === "table") {
    for (const n of notes) out(n);
    out(batchSummary(reports));
    if (!opts.out && !opts.inPlace && reports.some((r) => !r.errors.length)) out(SCORE_CLI.howToWrite);
  } else if (format === "json") out(jsonReport(reports));
  else out(csvReport(reports));
  return reports.some((r) => r.errors.length) || notes.length ? 1 : 0;
}
