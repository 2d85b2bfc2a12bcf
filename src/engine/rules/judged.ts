/** Judged parts: met/not met, partial scores, disclosure levels, vetoes and count deductions. */
import { Dec, clamp, fmtNum, ZERO, fmtScore } from "../decimal";
import { normalizeName } from "../ruleset";
import type { PartRule } from "../types";
import { errorMessage, EXPECTED, EXPLAIN, LOST, MSG } from "../../text/engine";
import { parseCount, parseScore, parseYesNo, describe, isEmpty, type Parsed } from "../values";
import type { PartContext, PartOutcome } from "./context";
import { checkDecimal, checkInput, checkText, isObject, type RuleKind, type RuleOf } from "./kind";
import { FRAMEWORK, RULE_TEXT as W } from "../../text/framework";

type Rule<K extends PartRule["kind"]> = RuleOf<K>;

/** Record a parse failure of this part's judged value; a missing value gets the "fill this" wording. */
export function partParseError(ctx: PartContext, p: Extract<Parsed<unknown>, { ok: false }>): null {
  const src = ctx.partSource();
  const message =
    p.code === "missing"
      ? MSG.missingPart(src, ctx.indicator.name, p.expected)
      : errorMessage(src, p.found, p.expected);
  ctx.error({ code: p.code, source: src, found: p.found, expected: p.expected, message });
  return null;
}

export function judged(ctx: PartContext): PartOutcome | null {
  const { part, indicator } = ctx;
  const yn = parseYesNo(ctx.raw());
  if (!yn.ok) return partParseError(ctx, yn);
  const pts = new Dec(part.points);
  return yn.value
    ? { score: pts, explanation: EXPLAIN.judgedMet(part.label, fmtNum(pts)), lost: [] }
    : {
        score: ZERO,
        explanation: EXPLAIN.judgedNotMet(part.label),
        lost: pts.isZero() ? [] : [LOST.judged(indicator.name, part.text, fmtScore(pts))],
      };
}

export function judgedScore(ctx: PartContext): PartOutcome | null {
  const { part, indicator } = ctx;
  const max = new Dec(part.points);
  const s = parseScore(ctx.raw(), max);
  if (!s.ok) return partParseError(ctx, s);
  const lost = max.minus(s.value);
  return {
    score: s.value,
    explanation: EXPLAIN.judgedScore(part.label, fmtNum(s.value)),
    lost: lost.isZero() ? [] : [LOST.judged(indicator.name, part.text, fmtScore(lost))],
  };
}

export function level(rule: Rule<"level">, ctx: PartContext): PartOutcome | null {
  const { part } = ctx;
  const raw = ctx.raw();
  const labels = rule.levels.map((l) => l.label);
  const expected = EXPECTED.level(labels);
  if (isEmpty(raw) || raw?.errorValue) {
    return partParseError(ctx, {
      ok: false,
      code: raw?.errorValue ? "errorValue" : "missing",
      found: describe(raw),
      expected,
    });
  }
  const v = raw!.value;
  const text = normalizeName(String(v));
  const hit =
    rule.levels.find(
      (l) => normalizeName(l.label) === text || (l.aliases ?? []).some((a) => normalizeName(a) === text),
    ) ?? (typeof v === "number" ? rule.levels.find((l) => new Dec(l.points).equals(String(v))) : undefined);
  if (!hit) return partParseError(ctx, { ok: false, code: "badChoice", found: describe(raw), expected });
  const pts = new Dec(hit.points);
  const lost = new Dec(part.points).minus(pts);
  return {
    score: pts,
    explanation: EXPLAIN.level(part.label, hit.label, fmtNum(pts)),
    lost: lost.greaterThan(0) ? [LOST.level(part.label, hit.label, fmtScore(lost))] : [],
  };
}

export function veto(ctx: PartContext): PartOutcome | null {
  const yn = parseYesNo(ctx.raw());
  if (!yn.ok) return partParseError(ctx, { ...yn, expected: EXPECTED.veto });
  return yn.value
    ? { score: ZERO, explanation: EXPLAIN.veto, lost: [LOST.veto(ctx.indicator.name)], veto: true }
    : { score: ZERO, explanation: EXPLAIN.noVeto, lost: [] };
}

/** points − per × count, not below 0; the count comes from a named input or the judged part. */
export function countDeduction(rule: Rule<"countDeduction">, ctx: PartContext): PartOutcome | null {
  const { part, indicator } = ctx;
  let count: Dec;
  if (rule.input) {
    const v = ctx.input(rule.input);
    if (v === undefined) {
      ctx.missingInput(rule.input, indicator.name);
      return null;
    }
    if (v === null) return null;
    count = v;
  } else {
    const c = parseCount(ctx.raw());
    if (!c.ok) return partParseError(ctx, c);
    count = c.value;
  }
  const max = new Dec(part.points);
  const per = new Dec(rule.per);
  const raw = max.minus(per.times(count));
  const score = clamp(raw, ZERO, max);
  const floor = raw.isNegative() ? EXPLAIN.floorZero : "";
  const explanation = rule.input
    ? EXPLAIN.countDeduction(part.label, fmtNum(max), fmtNum(per), count.toString(), fmtNum(score)) + floor
    : EXPLAIN.deduction(fmtNum(max), fmtNum(per), count.toString(), fmtNum(score)) + floor;
  const lostPts = max.minus(score);
  const lost = lostPts.isZero()
    ? []
    : [
        rule.input
          ? LOST.countInput(indicator.name, part.label, count.toString(), fmtScore(lostPts))
          : LOST.deduction(indicator.name, count.toString(), fmtScore(lostPts)),
      ];
  return { score, explanation, lost, formula: rule.input !== undefined };
}

// ---------------------------------------------------------------------------
// The kinds.

/** A part whose judged value alone decides it: bound when its name holds something. */
const judgedBound = (_: unknown, ctx: PartContext) => ctx.raw() !== undefined;
const none = () => [];

export const judgedKind: RuleKind<Rule<"judged">> = {
  inputs: none,
  judgedValue: () => "yesNo",
  bound: judgedBound,
  evaluate: (_, ctx) => judged(ctx),
  alternatives: none,
  check: () => undefined,
  describe: (_, d) => W.judged(d.points),
};

export const judgedScoreKind: RuleKind<Rule<"judgedScore">> = {
  inputs: none,
  judgedValue: () => "score",
  bound: judgedBound,
  evaluate: (_, ctx) => judgedScore(ctx),
  alternatives: none,
  check: () => undefined,
  describe: (_, d) => W.judgedScore(d.points),
};

export const levelKind: RuleKind<Rule<"level">> = {
  inputs: none,
  judgedValue: () => "level",
  bound: judgedBound,
  evaluate: level,
  alternatives: none,
  check: (rule, c) => {
    if (!Array.isArray(rule.levels) || rule.levels.length === 0) return c.problem("levelsOfRule", FRAMEWORK.notList);
    if (!rule.levels.every(isObject)) return c.problem("levelsOfRule", FRAMEWORK.notObject);
    rule.levels.forEach((l, i) => {
      checkText(c, `levelsOfRule[${i + 1}]`, l.label);
      checkDecimal(c, `levelsOfRule[${i + 1}]`, l.points);
    });
  },
  describe: (r) => W.level(r.levels.map((l) => W.levelItem(l.label, l.points))),
};

export const vetoKind: RuleKind<Rule<"veto">> = {
  inputs: none,
  judgedValue: () => "veto",
  bound: judgedBound,
  evaluate: (_, ctx) => veto(ctx),
  alternatives: none,
  check: () => undefined,
  describe: () => W.veto,
};

export const countDeductionKind: RuleKind<Rule<"countDeduction">> = {
  inputs: (r) => (r.input ? [r.input] : []),
  judgedValue: (r) => (r.input ? undefined : "count"),
  bound: (r, ctx) => (r.input ? ctx.isBound(r.input) : ctx.raw() !== undefined),
  evaluate: countDeduction,
  alternatives: none,
  check: (r, c) => {
    checkInput(c, "input", r.input, true);
    checkDecimal(c, "per", r.per);
  },
  describe: (r, d) => W.countDeduction(r.input ? `${d.input(r.input)}：` : W.countItems, r.per),
};
