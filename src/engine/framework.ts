/**
 * Framework files (评分框架): a rule set as JSON that a 财政局 or a department writes — the tree,
 * weights, criteria, grade bands, each part's rule with its parameters, and the framework's own
 * inputs. Every framework, the two built-in ones included, is read through `parseFramework`, which
 * lists every problem in Chinese, naming the indicator (or input, or grade) and the field; a
 * framework with any problem is not used. schemas/framework.schema.json describes the same format
 * for editors.
 */
import { checkWeights, normalizeName } from "./ruleset";
import { isRuleKind, kindOf, RULE_KIND_NAMES } from "./rules";
import { isDecimalText, shown } from "./rules/kind";
import type { IndicatorDef, InputUnit, PartDef, RuleSet } from "./types";
import { FRAMEWORK as T } from "../text/framework";

export interface FrameworkCheck {
  /** The framework, when it has no problem. */
  ruleSet?: RuleSet;
  /** Every problem, one Chinese sentence each. */
  problems: string[];
}

const UNITS: readonly InputUnit[] = ["amount", "percent", "count"];
const INDICATOR_KINDS: readonly IndicatorDef["kind"][] = ["formula", "checklist", "deduction", "manual"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
/** How a problem names what it is about: the first of these that is text, else "?". */
const nameOf = (...vs: unknown[]): string => vs.find((v): v is string => typeof v === "string" && v !== "") ?? "?";

/** Reads a framework file's text: JSON first (a Chinese problem when it is not), then the checks. */
export function parseFrameworkText(text: string): FrameworkCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { problems: [T.problem(T.at.framework, undefined, T.notJson(e instanceof Error ? e.message : String(e)))] };
  }
  return parseFramework(data);
}

export function parseFramework(data: unknown): FrameworkCheck {
  const problems: string[] = [];
  const add = (where: string, field: string | undefined, what: string) => problems.push(T.problem(where, field, what));
  if (!isObj(data)) return { problems: [T.problem(T.at.framework, undefined, T.notObject)] };
  const fw = T.at.framework;
  const text = (where: string, o: Obj, field: string, optional = false) => {
    if (o[field] === undefined && optional) return;
    if (!isText(o[field])) add(where, field, o[field] === undefined ? T.missing : T.notText);
  };
  const decimal = (where: string, o: Obj, field: string) => {
    if (!isDecimalText(o[field])) add(where, field, o[field] === undefined ? T.missing : T.notDecimal(shown(o[field])));
  };
  const list = (where: string, o: Obj, field: string): unknown[] => {
    const v = o[field];
    if (!Array.isArray(v) || v.length === 0) {
      add(where, field, v === undefined ? T.missing : T.notList);
      return [];
    }
    return v;
  };

  text(fw, data, "id");
  text(fw, data, "name", true);
  text(fw, data, "title");
  text(fw, data, "version", true);
  text(fw, data, "description", true);

  // Inputs: ids and default names unique; a unit every input has.
  const inputIds = new Set<string>();
  const inputNames = new Set<string>();
  for (const raw of list(fw, data, "inputs")) {
    if (!isObj(raw)) {
      add(fw, "inputs", T.notObject);
      continue;
    }
    const where = T.at.input(nameOf(raw.id, raw.name));
    text(where, raw, "id");
    text(where, raw, "name");
    text(where, raw, "label");
    text(where, raw, "hint", true);
    if (!UNITS.includes(raw.unit as InputUnit))
      add(where, "unit", raw.unit === undefined ? T.missing : T.oneOf(UNITS, shown(raw.unit)));
    if (raw.plausibleMax !== undefined) decimal(where, raw, "plausibleMax");
    if (isText(raw.id)) {
      if (inputIds.has(raw.id)) add(where, "id", T.duplicateId(raw.id));
      inputIds.add(raw.id);
    }
    if (isText(raw.name)) {
      if (inputNames.has(raw.name)) add(where, "name", T.duplicateName(raw.name));
      inputNames.add(raw.name);
    }
  }

  // The tree.
  const indicatorIds = new Set<string>();
  const indicatorNames = new Set<string>();
  for (const l1 of list(fw, data, "levels")) {
    if (!isObj(l1)) {
      add(fw, "levels", T.notObject);
      continue;
    }
    const w1 = T.at.level1(nameOf(l1.name));
    text(w1, l1, "name");
    decimal(w1, l1, "weight");
    for (const l2 of list(w1, l1, "groups")) {
      if (!isObj(l2)) {
        add(w1, "groups", T.notObject);
        continue;
      }
      const w2 = T.at.level2(nameOf(l2.name));
      text(w2, l2, "name");
      decimal(w2, l2, "weight");
      for (const ind of list(w2, l2, "indicators")) {
        if (!isObj(ind)) {
          add(w2, "indicators", T.notObject);
          continue;
        }
        checkIndicator(ind, add, inputIds, indicatorIds, indicatorNames);
      }
    }
  }

  // Grade bands: highest first, the last from 0.
  const grades = list(fw, data, "grades");
  grades.forEach((g, i) => {
    const where = T.at.grade(i + 1);
    if (!isObj(g)) add(where, undefined, T.notObject);
    else {
      decimal(where, g, "min");
      text(where, g, "label");
    }
  });
  const mins = grades.map((g) => (isObj(g) && isDecimalText(g.min) ? Number(g.min) : NaN));
  if (
    mins.length &&
    !mins.some(Number.isNaN) &&
    (mins.some((m, i) => i > 0 && m >= mins[i - 1]) || mins[mins.length - 1] !== 0)
  )
    add(fw, "grades", T.gradesOrder);

  if (problems.length) return { problems };
  const ruleSet = data as unknown as RuleSet;
  // Weights add up level by level (the same check and words as a workbook's own weights).
  problems.push(...checkWeights(ruleSet).map((e) => e.message));
  return problems.length ? { problems } : { ruleSet, problems };
}

function checkIndicator(
  ind: Obj,
  add: (where: string, field: string | undefined, what: string) => void,
  inputIds: ReadonlySet<string>,
  ids: Set<string>,
  names: Set<string>,
): void {
  const where = T.at.indicator(nameOf(ind.name, ind.id));
  const need = (field: string, ok: boolean, what: string) => {
    if (!ok) add(where, field, ind[field] === undefined ? T.missing : what);
  };
  need("id", isText(ind.id), T.notText);
  need("name", isText(ind.name), T.notText);
  need("weight", isDecimalText(ind.weight), T.notDecimal(shown(ind.weight)));
  need("criteria", isText(ind.criteria), T.notText);
  need("kind", INDICATOR_KINDS.includes(ind.kind as IndicatorDef["kind"]), T.oneOf(INDICATOR_KINDS, shown(ind.kind)));
  need("manualAllowed", typeof ind.manualAllowed === "boolean", T.notBoolean(shown(ind.manualAllowed)));
  if (isText(ind.id)) {
    if (ids.has(ind.id)) add(where, "id", T.duplicateId(ind.id));
    ids.add(ind.id);
  }
  for (const n of [ind.name, ...(Array.isArray(ind.aliases) ? (ind.aliases as unknown[]) : [])]) {
    if (!isText(n)) continue;
    const key = normalizeName(n);
    if (names.has(key)) add(where, "name", T.duplicateName(n));
    names.add(key);
  }
  const parts = Array.isArray(ind.parts) ? ind.parts : [];
  if (parts.length === 0) add(where, "parts", T.noParts);
  const keys = new Set<string>();
  for (const p of parts) {
    if (!isObj(p)) {
      add(where, "parts", T.notObject);
      continue;
    }
    const at = T.at.part(nameOf(ind.name, ind.id), nameOf(p.key));
    for (const f of ["key", "label", "text"]) if (!isText(p[f])) add(at, f, p[f] === undefined ? T.missing : T.notText);
    if (!isDecimalText(p.points)) add(at, "points", p.points === undefined ? T.missing : T.notDecimal(shown(p.points)));
    if (isText(p.key)) {
      if (keys.has(p.key)) add(at, "key", T.duplicateKey(p.key));
      keys.add(p.key);
    }
    const rule = p.rule;
    if (!isObj(rule)) {
      add(at, "rule", rule === undefined ? T.missing : T.notObject);
      continue;
    }
    if (!isRuleKind(rule.kind)) {
      add(at, "kind", T.unknownKind(shown(rule.kind), RULE_KIND_NAMES));
      continue;
    }
    const r = rule as unknown as PartDef["rule"];
    kindOf(r).check(r, {
      // "bands[2]": the field, and which entry of it.
      problem: (field, what) => {
        const m = /^(.*)\[(\d+)\]$/.exec(field);
        add(at, m ? m[1] : field, m ? T.entry(Number(m[2]), what) : what);
      },
      hasInput: (id) => inputIds.has(id),
      points: isDecimalText(p.points) ? p.points : "0",
    });
  }
}
