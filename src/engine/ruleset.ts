/**
 * Rule sets are data: framework files (src/engine/rulesets/*.json are the built-in ones, read
 * through framework.ts like any other). This module loads the built-in ones, applies a workbook's
 * weight and grade overrides, checks that weights add up, and finds indicators by name.
 */
import district2020 from "./rulesets/district-2020.json";
import city2021 from "./rulesets/city-2021.json";
import { Dec } from "./decimal";
import { parseFramework } from "./framework";
import type { GradeBand, IndicatorDef, Level1Def, Level2Def, RuleSet, RuleSetOverrides, ScoreError } from "./types";
import { EXPECTED, LEVELS, MSG } from "../text/engine";
import { normalizeNumberText } from "./values";

const BUILTIN: Record<string, unknown> = {
  "district-2020": district2020,
  "city-2021": city2021,
};

export const BUILTIN_RULE_SET_IDS: readonly string[] = Object.keys(BUILTIN);

/** A built-in rule set, validated; undefined for an unknown id. Each call returns a fresh copy. */
export function builtinRuleSet(id: string): RuleSet | undefined {
  const data = BUILTIN[id];
  if (!data) return undefined;
  // JSON data: a JSON round trip is a deep copy everywhere (structuredClone needs Safari 15.4+).
  const { ruleSet, problems } = parseFramework(JSON.parse(JSON.stringify(data)));
  if (!ruleSet) throw new Error(`built-in framework ${id} is invalid: ${problems.join(" ")}`);
  return ruleSet;
}

/**
 * The built-in rule set a clerk's text names: its short name (市级 2021), its title, or its id
 * (older workbooks store ids), compared without white space.
 */
export function findRuleSetId(text: string): string | undefined {
  const t = normalizeName(text);
  if (!t) return undefined;
  for (const id of BUILTIN_RULE_SET_IDS) {
    const d = BUILTIN[id] as { name?: string; title?: string };
    if ([id, d.name ?? "", d.title ?? ""].some((x) => normalizeName(x) === t)) return id;
  }
  return undefined;
}

/** Short Chinese names of the built-in rule sets, in their order (what drop-downs offer). */
export function builtinRuleSetNames(): string[] {
  return BUILTIN_RULE_SET_IDS.map((id) => (BUILTIN[id] as { name?: string }).name ?? id);
}

export function unknownRuleSetError(id: string): ScoreError {
  const message = MSG.unknownRuleSet(id, [...BUILTIN_RULE_SET_IDS]);
  return { code: "ruleSet", target: "ruleSet", found: `“${id}”`, expected: BUILTIN_RULE_SET_IDS.join(" / "), message };
}

// ---------------------------------------------------------------------------
// Weights and grades.

function sum(xs: string[]): Dec {
  return xs.reduce((a, x) => a.plus(x), new Dec(0));
}

/** 三级 sum = 二级, 二级 sum = 一级, 一级 sum = 100; one error per mismatch. */
export function checkWeights(rs: RuleSet): ScoreError[] {
  const errors: ScoreError[] = [];
  const push = (message: string, found: string, expected: string, target: string) =>
    errors.push({ code: "weights", target, found, expected, message });
  let top = new Dec(0);
  for (const l1 of rs.levels) {
    top = top.plus(l1.weight);
    const s1 = sum(l1.groups.map((g) => g.weight));
    if (!s1.equals(l1.weight))
      push(
        MSG.weightSum(LEVELS.level1(l1.name), l1.weight, s1.toString(), LEVELS.level2s),
        s1.toString(),
        l1.weight,
        l1.name,
      );
    for (const l2 of l1.groups) {
      const s2 = sum(l2.indicators.map((i) => i.weight));
      if (!s2.equals(l2.weight))
        push(
          MSG.weightSum(LEVELS.level2(l2.name), l2.weight, s2.toString(), LEVELS.level3s),
          s2.toString(),
          l2.weight,
          l2.name,
        );
    }
  }
  if (!top.equals(100)) push(MSG.totalWeight(top.toString()), top.toString(), "100", "total");
  return errors;
}

function weightText(v: number | string): string | null {
  const t = normalizeNumberText(String(v));
  return /^\d+(\.\d+)?$/.test(t) ? new Dec(t).toString() : null;
}

/**
 * Apply a workbook's weight and grade overrides. An indicator whose weight changes keeps its
 * rule; its score is scaled by new/base weight (recorded in `baseWeight`).
 */
export function applyOverrides(base: RuleSet, o: RuleSetOverrides): { ruleSet: RuleSet; errors: ScoreError[] } {
  const rs = JSON.parse(JSON.stringify(base)) as RuleSet;
  const errors: ScoreError[] = [];
  const bad = (message: string, target: string, found: string, expected: string) =>
    errors.push({ code: "weights", target, found, expected, message });

  // One pass per kind of target: find it by name (or id), check the weight, set it.
  const reweigh = <T extends { weight: string }>(
    entries: Record<string, number | string>,
    find: (key: string) => T | undefined,
    kind: string,
    set: (t: T, w: string) => void,
  ) => {
    for (const [key, raw] of Object.entries(entries)) {
      const target = find(key);
      const w = weightText(raw);
      if (!target) bad(MSG.unknownWeightTarget(key), key, key, kind);
      else if (w === null) bad(MSG.badWeight(key, `“${raw}”`), key, String(raw), EXPECTED.weight);
      else set(target, w);
    }
  };
  const byName = (key: string) => (x: { name: string }) => normalizeName(x.name) === normalizeName(key);
  reweigh(
    o.indicatorWeights ?? {},
    (key) => indicatorsOf(rs).find((x) => x.def.id === key || byName(key)(x.def))?.def,
    EXPECTED.indicatorName,
    (ind, w) => {
      ind.baseWeight ??= ind.weight;
      ind.weight = w;
    },
  );
  reweigh(
    o.groupWeights ?? {},
    (key) => [...rs.levels, ...rs.levels.flatMap((l): (Level1Def | Level2Def)[] => l.groups)].find(byName(key)),
    EXPECTED.groupName,
    (g, w) => (g.weight = w),
  );
  if (o.grades) {
    const grades: GradeBand[] = [];
    let ok = o.grades.length > 0;
    for (const g of o.grades) {
      const m = weightText(g.min);
      if (m === null || !g.label) ok = false;
      else grades.push({ min: m, label: g.label });
    }
    for (let i = 1; i < grades.length; i++) if (!new Dec(grades[i].min).lessThan(grades[i - 1].min)) ok = false;
    if (ok && !new Dec(grades[grades.length - 1].min).isZero()) ok = false;
    if (ok) rs.grades = grades;
    else bad(MSG.badGrades, "grades", JSON.stringify(o.grades), EXPECTED.gradeLines);
  }
  errors.push(...checkWeights(rs));
  return { ruleSet: rs, errors };
}

export function gradeOf(rs: RuleSet, total: Dec): string {
  for (const g of rs.grades) if (total.greaterThanOrEqualTo(g.min)) return g.label;
  return rs.grades[rs.grades.length - 1]?.label ?? "";
}

// ---------------------------------------------------------------------------
// Indicators and names.

export interface IndicatorEntry {
  def: IndicatorDef;
  level1: Level1Def;
  level2: Level2Def;
}

export function indicatorsOf(rs: RuleSet): IndicatorEntry[] {
  return rs.levels.flatMap((level1) =>
    level1.groups.flatMap((level2) => level2.indicators.map((def) => ({ def, level1, level2 }))),
  );
}

/**
 * Normalise a printed indicator name for matching: NFKC (full-width → half-width), no white space,
 * no trailing punctuation, stray markers or empty bracket pairs (the seeds print "三级指标\u3000" with an
 * ideographic space; templates leave "财务合规性（）" where a note was meant to go).
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/(?:[。．.，,；;：:、!！?？*＊]|\(\)|\[\]|【】)+$/u, "");
}

export function findIndicator(rs: RuleSet, text: string): IndicatorDef | undefined {
  const n = normalizeName(text);
  if (!n) return undefined;
  return indicatorsOf(rs).find(
    ({ def }) => normalizeName(def.name) === n || (def.aliases ?? []).some((a) => normalizeName(a) === n),
  )?.def;
}

export function findIndicatorById(rs: RuleSet, id: string): IndicatorEntry | undefined {
  return indicatorsOf(rs).find((e) => e.def.id === id);
}
