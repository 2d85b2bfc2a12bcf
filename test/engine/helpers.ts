/**
 * Shared helpers of the engine tests: golden case files (read, never copied), cases derived from
 * them by overriding a few inputs, and small accessors on results.
 */
import * as fs from "fs";
import * as path from "path";
import {
  loadCase,
  scoreCase,
  type CaseFile,
  type IndicatorResult,
  type RuleSet,
  type ScoreCase,
  type ScoreResult,
} from "../../src/engine";

/** /work/shared/golden, resolved from this file (test/engine → repo root → ../shared). */
export const GOLDEN_DIR = path.resolve(__dirname, "../../../shared/golden");

export const SEED000 = "seed-000-district-2020.json";
export const SEED004 = "seed-004-city-2021.json";

export type Json = string | number | boolean | null;

export function goldenFiles(): string[] {
  return fs
    .readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function readGolden(file: string): CaseFile & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, file), "utf8"));
}

export interface Patch {
  /** Input id → value; `undefined` unbinds the input. */
  inputs?: Record<string, Json | undefined>;
  /** Indicator name → sub-items; `undefined` unbinds all of them. */
  subItems?: Record<string, Json[] | Record<string, Json> | undefined>;
  manual?: Record<string, Json | undefined>;
  overrides?: Record<string, { score: Json; reason?: string } | undefined>;
  effectTable?: CaseFile["effectTable"];
  weights?: CaseFile["weights"];
  /** Drop the golden's reported scores (differences are then empty). */
  keepReported?: boolean;
}

function merge<T>(
  base: Record<string, T> | undefined,
  patch: Record<string, T | undefined> | undefined,
): Record<string, T> {
  const out: Record<string, T> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A golden case with some inputs overridden; reported scores dropped unless keepReported. */
export function caseFileFrom(file: string, patch: Patch = {}): CaseFile {
  const g = readGolden(file);
  const cf: CaseFile = {
    ruleSet: g.ruleSet,
    inputs: merge(g.inputs, patch.inputs),
    subItems: merge(g.subItems, patch.subItems),
    manual: merge(g.manual, patch.manual),
    overrides: merge(g.overrides, patch.overrides),
  };
  if (patch.effectTable) cf.effectTable = patch.effectTable;
  if (patch.weights) cf.weights = patch.weights;
  if (patch.keepReported) {
    if (g.reported) cf.reported = g.reported;
    if (g.reportedTotal !== undefined) cf.reportedTotal = g.reportedTotal;
    if (g.reportedGrade !== undefined) cf.reportedGrade = g.reportedGrade;
  }
  return cf;
}

/** Load a case file; the loader itself must not complain (a test bug otherwise). */
export function load(cf: CaseFile): { rs: RuleSet; c: ScoreCase } {
  const l = loadCase(cf);
  // Weight errors are also reported by scoreCase itself; anything else is a bug of the test.
  if (l.errors.some((e) => e.code !== "weights"))
    throw new Error("case file errors: " + l.errors.map((e) => e.message).join(" | "));
  if (!l.ruleSet) throw new Error("no rule set");
  return { rs: l.ruleSet, c: l.scoreCase };
}

export function scoreFrom(file: string, patch: Patch = {}): ScoreResult {
  const { rs, c } = load(caseFileFrom(file, patch));
  return scoreCase(rs, c);
}

export function ind(r: ScoreResult, name: string): IndicatorResult {
  const found = r.indicators.find((i) => i.name === name || i.id === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

export function errorSummary(r: ScoreResult): string {
  return r.errors.map((e) => `${e.code}@${e.target}: ${e.message}`).join("\n");
}
