/**
 * Rule sets are data (src/engine/rulesets/*.json). This module loads and validates them, applies a
 * workbook's weight and grade overrides, checks that weights add up, and finds indicators by name.
 */
import district2020 from "./rulesets/district-2020.json";
import city2021 from "./rulesets/city-2021.json";
import { Dec } from "./decimal";
import { isInputId } from "./inputs";
import type {
  GradeBand,
  IndicatorDef,
  Level1Def,
  Level2Def,
  PartRule,
  RuleSet,
  RuleSetOverrides,
  ScoreError,
} from "./types";
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
  const { ruleSet, problems } = parseRuleSet(JSON.parse(JSON.stringify(data)));
  if (problems.length) throw new Error(`built-in rule set ${id} is invalid: ${problems.join("; ")}`);
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
// Validation of rule-set data (structure and operands). Developer-facing, English.

const isDecString = (v: unknown): boolean => typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v);

function checkRule(rule: PartRule, where: string, problems: string[]): void {
  const ops = (xs: unknown, what: string) => {
    if (!Array.isArray(xs) || xs.length === 0 || !xs.every((x) => typeof x === "string" && isInputId(x))) {
      problems.push(`${where}: ${what} must be a non-empty list of input ids`);
    }
  };
  switch (rule.kind) {
    case "judged":
    case "judgedScore":
    case "veto":
      return;
    case "level":
      if (!rule.levels?.length || !rule.levels.every((l) => l.label && isDecString(l.points))) {
        problems.push(`${where}: levels need labels and points`);
      }
      return;
    case "ratioBands":
    case "surveyBands":
      if (rule.kind === "ratioBands") {
        ops(rule.numerator, "numerator");
        ops(rule.denominator, "denominator");
      } else if (!isInputId(rule.input)) problems.push(`${where}: unknown input ${rule.input}`);
      if (!rule.bands?.length) problems.push(`${where}: bands missing`);
      for (const b of rule.bands ?? []) {
        if (!isDecString(b.points) || (b.min !== undefined && !isDecString(b.min)) || (b.max !== undefined && !isDecString(b.max))) {
          problems.push(`${where}: band ${b.label} has a non-decimal bound or points`);
        }
      }
      return;
    case "ratioProportional":
    case "ratioFull":
      ops(rule.numerator, "numerator");
      ops(rule.denominator, "denominator");
      return;
    case "ratioLinearDeduction":
      ops(rule.numerator, "numerator");
      ops(rule.denominator, "denominator");
      if (!isDecString(rule.threshold) || !isDecString(rule.perPoint)) problems.push(`${where}: threshold/perPoint`);
      return;
    case "countDeduction":
      if (rule.input !== undefined && !isInputId(rule.input)) problems.push(`${where}: unknown input ${rule.input}`);
      if (!isDecString(rule.per)) problems.push(`${where}: per must be a decimal string`);
      return;
    case "quarterlyExecution":
      ops(rule.progress, "progress");
      ops(rule.execution, "execution");
      if (!isInputId(rule.budget)) problems.push(`${where}: budget`);
      if (rule.schedule?.length !== 4 || !rule.schedule.every(isDecString)) problems.push(`${where}: schedule`);
      return;
    case "effectTable":
      if (!rule.qualitative?.every((q) => q.label && isDecString(q.factor))) problems.push(`${where}: qualitative`);
      return;
    default:
      problems.push(`${where}: unknown rule kind ${(rule as { kind: string }).kind}`);
  }
}

/** Validate rule-set data; returns the typed rule set and a list of problems (empty when valid). */
export function parseRuleSet(data: unknown): { ruleSet: RuleSet; problems: string[] } {
  const problems: string[] = [];
  const rs = data as RuleSet;
  if (!rs || typeof rs.id !== "string" || !Array.isArray(rs.levels) || !Array.isArray(rs.grades)) {
    return { ruleSet: rs, problems: ["rule set needs id, levels and grades"] };
  }
  const ids = new Set<string>();
  for (const l1 of rs.levels) {
    if (!isDecString(l1.weight)) problems.push(`${l1.name}: weight`);
    for (const l2 of l1.groups ?? []) {
      if (!isDecString(l2.weight)) problems.push(`${l2.name}: weight`);
      for (const ind of l2.indicators ?? []) {
        if (ids.has(ind.id)) problems.push(`duplicate indicator id ${ind.id}`);
        ids.add(ind.id);
        if (!isDecString(ind.weight)) problems.push(`${ind.id}: weight`);
        const keys = new Set<string>();
        for (const p of ind.parts ?? []) {
          if (keys.has(p.key)) problems.push(`${ind.id}: duplicate part ${p.key}`);
          keys.add(p.key);
          if (!isDecString(p.points)) problems.push(`${ind.id}.${p.key}: points`);
          checkRule(p.rule, `${ind.id}.${p.key}`, problems);
        }
        if (!ind.parts?.length) problems.push(`${ind.id}: no parts`);
      }
    }
  }
  problems.push(...checkWeights(rs).map((e) => e.message));
  return { ruleSet: rs, problems };
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
    if (!s1.equals(l1.weight)) push(MSG.weightSum(LEVELS.level1(l1.name), l1.weight, s1.toString(), LEVELS.level2s), s1.toString(), l1.weight, l1.name);
    for (const l2 of l1.groups) {
      const s2 = sum(l2.indicators.map((i) => i.weight));
      if (!s2.equals(l2.weight)) push(MSG.weightSum(LEVELS.level2(l2.name), l2.weight, s2.toString(), LEVELS.level3s), s2.toString(), l2.weight, l2.name);
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
  const rs: RuleSet = JSON.parse(JSON.stringify(base));
  const errors: ScoreError[] = [];
  const bad = (message: string, target: string, found: string, expected: string) =>
    errors.push({ code: "weights", target, found, expected, message });

  // One pass per kind of target: find it by name (or id), check the weight, set it.
  const reweigh = <T extends { weight: string }>(entries: Record<string, number | string>, find: (key: string) => T | undefined, kind: string, set: (t: T, w: string) => void) => {
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
  return rs.levels.flatMap((level1) => level1.groups.flatMap((level2) => level2.indicators.map((def) => ({ def, level1, level2 }))));
}

/**
 * Normalise a printed indicator name for matching: NFKC (full-width → half-width), no white space,
 * no trailing punctuation, stray markers or empty bracket pairs (the seeds print "三级指标　" with an
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
