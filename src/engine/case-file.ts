/**
 * Case files in the format of ../shared/golden/*.json: the seeds as test cases, and what
 * `pe-score case` scores. JSON has no cell formats, so a number for a percent input is a fraction
 * and a string must carry "%" (scoring-rules.md, "Percent inputs").
 */
import { inputOf } from "./inputs";
import { builtinRuleSet, findIndicator, applyOverrides, unknownRuleSetError } from "./ruleset";
import type { EffectRowRaw, RawValue, RuleSet, RuleSetOverrides, ScoreCase, ScoreError } from "./types";
import { MSG } from "../text/engine";

type Json = string | number | boolean | null;

export interface CaseFile {
  id?: string;
  ruleSet: string;
  inputs?: Record<string, Json>;
  subItems?: Record<string, Json[] | Record<string, Json>>;
  manual?: Record<string, Json>;
  overrides?: Record<string, { score: Json; reason?: string }>;
  effectTable?: { 名称: Json; 分值: Json; 性质: Json; 目标值?: Json; 实际值?: Json; 不适用?: Json }[];
  weights?: RuleSetOverrides;
  reported?: Record<string, number | null>;
  reportedTotal?: number | null;
  reportedGrade?: string | null;
}

const raw = (v: Json | undefined): RawValue => ({ value: v === undefined ? null : v });

export interface LoadedCase {
  ruleSet: RuleSet | undefined;
  scoreCase: ScoreCase;
  errors: ScoreError[];
}

/**
 * A case file as a ScoreCase over its framework: the built-in one it names, or `framework` (a
 * framework file given on the command line) whatever it names.
 */
export function loadCase(file: CaseFile, framework?: RuleSet): LoadedCase {
  const errors: ScoreError[] = [];
  const bad = (what: string, target: string) =>
    errors.push({ code: "ruleSet", target, found: target, expected: "", message: MSG.caseFile(what) });
  let ruleSet = framework ?? builtinRuleSet(file.ruleSet);
  const c: ScoreCase = { inputs: {}, parts: {}, manual: {}, overrides: {} };
  if (!ruleSet) {
    errors.push(unknownRuleSetError(String(file.ruleSet)));
    return { ruleSet, scoreCase: c, errors };
  }
  if (file.weights) {
    const o = applyOverrides(ruleSet, file.weights);
    ruleSet = o.ruleSet;
    errors.push(...o.errors);
  }
  const rs = ruleSet;
  const indicator = (name: string) => {
    const def = findIndicator(rs, name);
    if (!def) bad(MSG.caseUnknownIndicator(name), name);
    return def;
  };

  for (const [id, v] of Object.entries(file.inputs ?? {})) {
    if (inputOf(rs, id)) c.inputs[id] = raw(v);
    else bad(MSG.caseUnknownInput(id), id);
  }
  for (const [name, items] of Object.entries(file.subItems ?? {})) {
    const def = indicator(name);
    if (!def) continue;
    const parts: Record<string, RawValue> = {};
    if (Array.isArray(items)) {
      // Arrays follow the numbered items of the 评分标准.
      items.forEach((v, i) => (parts[String(i + 1)] = raw(v)));
    } else {
      for (const [label, v] of Object.entries(items)) {
        const part = def.parts.find((p) => p.label === label || p.key === label);
        if (part) parts[part.key] = raw(v);
        else
          bad(
            MSG.caseUnknownPart(
              def.name,
              label,
              def.parts.map((p) => p.label),
            ),
            `${name}.${label}`,
          );
      }
    }
    c.parts[def.id] = parts;
  }
  for (const [name, v] of Object.entries(file.manual ?? {})) {
    const def = indicator(name);
    if (def) c.manual[def.id] = raw(v);
  }
  for (const [name, o] of Object.entries(file.overrides ?? {})) {
    const def = indicator(name);
    if (def) c.overrides[def.id] = { score: raw(o.score), reason: o.reason ?? "" };
  }
  if (file.effectTable) {
    c.effectTable = file.effectTable.map((r): EffectRowRaw => ({
      name: raw(r.名称),
      weight: raw(r.分值),
      nature: raw(r.性质),
      target: raw(r.目标值),
      actual: raw(r.实际值),
      notApplicable: raw(r.不适用),
    }));
  }
  if (file.reported) {
    c.previous = {};
    for (const [name, v] of Object.entries(file.reported)) {
      const def = indicator(name);
      if (def) c.previous[def.id] = v;
    }
  }
  if (file.reportedTotal !== undefined) c.previousTotal = file.reportedTotal;
  if (file.reportedGrade !== undefined) c.previousGrade = file.reportedGrade;
  return { ruleSet, scoreCase: c, errors };
}
