/**
 * `pe-score init <file.xlsx> [--out DIR|FILE.xlsx] [--in-place] [--rule-set 名称]`: adds the 评分依据 and
 * 评分设置 sheets (src/workbook/input-sheet.ts setupSheetsPlan, the same plans the task pane
 * writes) by patching the package with the .xlsx host. A patch touches only the new sheets,
 * their names, styles and the workbook's sheet list, so everything else survives by construction.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BUILTIN_RULE_SET_IDS, builtinRuleSet, builtinRuleSetNames, findRuleSetId, type RuleSet } from "../engine";
import { frameworkPlan, frameworkText } from "../workbook/framework-sheet";
import { problemLines, readFrameworkFile } from "./framework-file";
import { applyPlan, readXlsx } from "../hosts/xlsx";
import { setupSheetsPlan } from "../workbook/input-sheet";
import { inferRuleSet, locateTable } from "../workbook/table";
import { SHEETS } from "../text/vocabulary";
import { CLI, SCORE_CLI } from "../text/cli";
import { parseVerbArgs, UsageError } from "./args";
import { readError } from "./score";
import { errorText, readBytes, writeThroughTemp } from "./files";

export interface InitResult {
  bytes?: Uint8Array;
  names: number;
  errors: string[];
}

/**
 * Adds 评分依据 and 评分设置 to a workbook that has neither; with a framework (`--rules`), its
 * inputs, and the 评分框架 sheet that carries it.
 */
export function initWorkbook(bytes: Uint8Array, ruleSetId?: string, framework?: RuleSet): InitResult {
  const snap = readXlsx(bytes);
  for (const s of [SHEETS.inputs, SHEETS.settings, ...(framework ? [SHEETS.framework] : [])]) {
    if (snap.sheets.some((x) => x.toLowerCase() === s.toLowerCase()))
      return { names: 0, errors: [SCORE_CLI.initHasSheet(s)] };
  }
  const located = locateTable(snap);
  const id =
    (ruleSetId !== undefined ? findRuleSetId(ruleSetId) : undefined) ??
    (ruleSetId === undefined && located.table ? inferRuleSet(located.table) : undefined) ??
    (ruleSetId === undefined ? BUILTIN_RULE_SET_IDS[0] : undefined);
  const rs = framework ?? (id ? builtinRuleSet(id) : undefined);
  if (!rs) return { names: 0, errors: [SCORE_CLI.initUnknownRuleSet(ruleSetId ?? "", builtinRuleSetNames())] };
  const setup = setupSheetsPlan(snap, rs)!; // neither sheet exists (checked above)
  const plan = framework
    ? { ...setup, sheets: [...frameworkPlan(rs, frameworkText(rs)).sheets, ...setup.sheets] }
    : setup;
  const before = new Set(snap.names.map((n) => n.name.toLowerCase()));
  const added = new Set((plan.names ?? []).map((n) => n.name.toLowerCase()).filter((n) => !before.has(n))).size;
  return { bytes: applyPlan(bytes, plan), names: added, errors: [] };
}

/**
 * Where init writes: beside the input as 原名-评分.xlsx, or `--out` (a folder: the same file name
 * there; a name ending in .xlsx: that file).
 */
export function initTarget(source: string, out: string | undefined): string {
  if (!out) return join(dirname(source), basename(source).replace(/\.xlsx$/i, "") + CLI.initSuffix + ".xlsx");
  if (/\.xlsx$/i.test(out) && !(existsSync(out) && statSync(out).isDirectory())) return resolve(out);
  return resolve(out, basename(source));
}

export function run(args: string[], out: (s: string) => void = console.log): number {
  const parsed = parseVerbArgs("init", args, {
    out: { type: "string" },
    "in-place": { type: "boolean", default: false },
    "rule-set": { type: "string" },
    rules: { type: "string" },
  });
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError(SCORE_CLI.initNeedFile);
  if (v.out && v["in-place"]) throw new UsageError(SCORE_CLI.outAndInPlace);
  const file = parsed.positionals[0];
  let framework: RuleSet | undefined;
  if (v.rules) {
    const { check } = readFrameworkFile(v.rules);
    if (!check.ruleSet) {
      out(problemLines(v.rules, check.problems));
      return 1;
    }
    framework = check.ruleSet;
  }
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    out(readError(file, e));
    return 1;
  }
  let result: InitResult;
  try {
    result = initWorkbook(bytes, v["rule-set"], framework);
  } catch (e) {
    out(SCORE_CLI.readFailed(errorText(e)));
    return 1;
  }
  if (result.errors.length || !result.bytes) {
    result.errors.forEach((e) => out(e));
    return 1;
  }
  const source = resolve(file);
  const target = v["in-place"] ? source : initTarget(source, v.out);
  if (!v["in-place"]) {
    if (target === source) {
      out(SCORE_CLI.wouldOverwrite(file));
      return 1;
    }
    // Never over a file the clerk may already have filled in.
    if (existsSync(target)) {
      out(SCORE_CLI.initExists(target));
      return 1;
    }
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeThroughTemp(target, result.bytes, !v["in-place"]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      out(SCORE_CLI.initExists(target));
      return 1;
    }
    out(SCORE_CLI.writeFailed(errorText(e)));
    return 1;
  }
  out(SCORE_CLI.initDone(target, result.names));
  out(SCORE_CLI.initNext(target));
  return 0;
}
