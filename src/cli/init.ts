/**
 * `pe-score init <file.xlsx> [--out FILE] [--in-place] [--rule-set ID]`: adds the 评分依据 and
 * 评分设置 sheets (src/workbook/input-sheet.ts setupSheetsPlan, the same plans the task pane
 * writes) by patching the package with the .xlsx host. A patch touches only the new sheets,
 * their names, styles and the workbook's sheet list, so everything else survives by construction.
 */
import { basename, dirname, join, resolve } from "node:path";
import { BUILTIN_RULE_SET_IDS, builtinRuleSet } from "../engine";
import { applyPlan, readXlsx } from "../hosts/xlsx";
import { setupSheetsPlan } from "../workbook/input-sheet";
import { inferRuleSet, locateTable } from "../workbook/table";
import { SHEETS } from "../text/workbook";
import { SCORE_CLI } from "../text/cli";
import { parseVerbArgs, UsageError } from "./case";
import { errorText, readBytes, writeThroughTemp } from "./files";

export interface InitResult {
  bytes?: Uint8Array;
  names: number;
  errors: string[];
}

/** Adds 评分依据 and 评分设置 to a workbook that has neither. */
export function initWorkbook(bytes: Uint8Array, ruleSetId?: string): InitResult {
  const snap = readXlsx(bytes);
  for (const s of [SHEETS.inputs, SHEETS.settings]) {
    if (snap.sheets.some((x) => x.toLowerCase() === s.toLowerCase())) return { names: 0, errors: [SCORE_CLI.initHasSheet(s)] };
  }
  const located = locateTable(snap);
  const id = ruleSetId ?? (located.table ? inferRuleSet(located.table) : undefined) ?? BUILTIN_RULE_SET_IDS[0];
  const rs = builtinRuleSet(id);
  if (!rs) return { names: 0, errors: [SCORE_CLI.initUnknownRuleSet(id, [...BUILTIN_RULE_SET_IDS])] };
  const plan = setupSheetsPlan(snap, rs)!; // neither sheet exists (checked above)
  const before = new Set(snap.names.map((n) => n.name.toLowerCase()));
  const added = new Set((plan.names ?? []).map((n) => n.name.toLowerCase()).filter((n) => !before.has(n))).size;
  return { bytes: applyPlan(bytes, plan), names: added, errors: [] };
}

export async function run(args: string[], out: (s: string) => void = console.log): Promise<number> {
  const parsed = parseVerbArgs(args, { out: { type: "string" }, "in-place": { type: "boolean", default: false }, "rule-set": { type: "string" } });
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError(SCORE_CLI.initNeedFile);
  if (v.out && v["in-place"]) throw new UsageError(SCORE_CLI.outAndInPlace);
  const file = parsed.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    out(SCORE_CLI.readFailed((e as NodeJS.ErrnoException).code ?? errorText(e)));
    return 1;
  }
  let result: InitResult;
  try {
    result = initWorkbook(bytes, v["rule-set"] as string | undefined);
  } catch (e) {
    out(SCORE_CLI.readFailed(errorText(e)));
    return 1;
  }
  if (result.errors.length || !result.bytes) {
    result.errors.forEach((e) => out(e));
    return 1;
  }
  const source = resolve(file);
  let target: string;
  if (v["in-place"]) target = source;
  else {
    target = resolve((v.out as string | undefined) ?? join(dirname(source), basename(source).replace(/\.xlsx$/i, "") + "-评分.xlsx"));
    if (target === source) {
      out(SCORE_CLI.wouldOverwrite(file));
      return 1;
    }
  }
  try {
    writeThroughTemp(target, result.bytes);
  } catch (e) {
    out(SCORE_CLI.writeFailed(errorText(e)));
    return 1;
  }
  out(SCORE_CLI.initDone(target, result.names));
  return 0;
}
