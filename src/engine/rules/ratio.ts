/**
 * Ratio parts: banded, proportional, per-point deduction above or below a standard (with a floor),
 * "must be 100%", and the change rate against last year's figure.
 */
import { Dec, clamp, fmtNum, fmtPct, ONE, ZERO, HUNDRED, fmtScore } from "../decimal";
import type { Band, InputId, PartRule, ZeroDenominatorPolicy } from "../types";
import { EXPECTED, EXPLAIN, FOUND, LOST, MSG } from "../../text/engine";
import { FRAMEWORK, RULE_TEXT as W } from "../../text/framework";
import type { PartContext, PartOutcome } from "./context";
import { judged } from "./judged";
import {
  checkBands,
  checkDecimal,
  checkInput,
  checkOneOf,
  checkOperand,
  checkText,
  checkZero,
  isDecimalText,
  operandWords,
  type RuleCheck,
  type RuleKind,
  type RuleOf,
  type RuleWords,
} from "./kind";

type Rule<K extends PartRule["kind"]> = RuleOf<K>;

interface RatioSpec {
  numerator: InputId[];
  denominator: InputId[];
  direct?: InputId;
  zero: ZeroDenominatorPolicy;
  ratioName: string;
}

type Ratio =
  | { kind: "ratio"; r: Dec; numer?: Dec; denom?: Dec; text: string }
  | { kind: "notApplicable"; explanation: string }
  | { kind: "zeroScore"; explanation: string };

/** Sum of operands with its text ("52" or "(52 + 36)"); undefined if any is unbound (recorded). */
function operand(ids: InputId[], ctx: PartContext, forWhat: string): { value: Dec; text: string } | null {
  let value = ZERO;
  const parts: string[] = [];
  let ok = true;
  for (const id of ids) {
    const v = ctx.input(id);
    if (v === undefined) {
      ctx.missingInput(id, forWhat);
      ok = false;
    } else if (v === null) ok = false;
    else {
      value = value.plus(v);
      parts.push(fmtNum(v));
    }
  }
  if (!ok) return null;
  return { value, text: parts.length > 1 ? `(${parts.join(" + ")})` : parts[0] };
}

/** The ratio of a part, or what its zero-denominator policy says; null when inputs are in error. */
function ratioOf(spec: RatioSpec, ctx: PartContext): Ratio | null {
  const name = spec.ratioName;
  if (spec.direct && ctx.isBound(spec.direct)) {
    const r = ctx.input(spec.direct);
    if (r === null || r === undefined) return null;
    return { kind: "ratio", r, text: EXPLAIN.ratioDirect(name, fmtPct(r)) };
  }
  const n = operand(spec.numerator, ctx, name);
  const d = operand(spec.denominator, ctx, name);
  if (!n || !d) return null;
  if (d.value.isZero()) {
    const both = n.value.isZero();
    const policy = both ? spec.zero.bothZero : spec.zero.numeratorPositive;
    const pts = fmtNum(new Dec(ctx.part.points));
    if (policy === "full")
      return { kind: "notApplicable", explanation: both ? EXPLAIN.notApplicableBothZero(name, pts) : name };
    if (policy === "zero") return { kind: "zeroScore", explanation: EXPLAIN.zeroDenomNumerPositive(name) };
    const src = ctx.inputSource(spec.denominator[spec.denominator.length - 1]);
    ctx.error({
      code: "zeroDenominator",
      source: src,
      found: FOUND.number("0"),
      expected: EXPECTED.positiveDenominator(src.name),
      message: MSG.zeroDenominator(src, name, n.text),
    });
    return null;
  }
  const r = n.value.dividedBy(d.value);
  return { kind: "ratio", r, numer: n.value, denom: d.value, text: EXPLAIN.ratio(name, n.text, d.text, fmtPct(r)) };
}

function inBand(r: Dec, b: Band): boolean {
  if (b.min !== undefined && (b.minInclusive ? r.lessThan(b.min) : r.lessThanOrEqualTo(b.min))) return false;
  if (b.max !== undefined && (b.maxInclusive ? r.greaterThan(b.max) : r.greaterThanOrEqualTo(b.max))) return false;
  return true;
}

/** The band a ratio falls in; compared unrounded (scoring-rules.md). */
export function findBand(r: Dec, bands: Band[]): Band | undefined {
  return bands.find((b) => inBand(r, b));
}

function notApplicable(ratio: Extract<Ratio, { kind: "notApplicable" | "zeroScore" }>, ctx: PartContext): PartOutcome {
  const full = ratio.kind === "notApplicable";
  return {
    score: full ? new Dec(ctx.part.points) : ZERO,
    explanation: ratio.explanation,
    notApplicable: full,
    lost: full ? [] : [ratio.explanation],
    formula: true,
  };
}

export function ratioBands(rule: Rule<"ratioBands">, ctx: PartContext): PartOutcome | null {
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") return notApplicable(ratio, ctx);
  return bandOutcome(ratio.r, ratio.text, rule.bands, rule.ratioName, ctx);
}

export function bandOutcome(r: Dec, text: string, bands: Band[], name: string, ctx: PartContext): PartOutcome | null {
  const band = findBand(r, bands);
  if (!band) throw new Error(`rule set bands of ${ctx.indicator.id} leave a gap at ${r.toString()}`);
  const pts = new Dec(band.points);
  const lost = new Dec(ctx.part.points).minus(pts);
  return {
    score: pts,
    explanation: `${text}，${EXPLAIN.band(band.label, fmtNum(pts))}`,
    lost: lost.greaterThan(0) ? [LOST.band(name, fmtPct(r), band.label, fmtScore(pts))] : [],
    formula: true,
  };
}

function inconsistent(ctx: PartContext, spec: RatioSpec, numer: Dec, denom: Dec): null {
  const a = ctx.inputSource(spec.numerator[0]);
  const b = ctx.inputSource(spec.denominator[0]);
  const found = `${a.name} ${fmtNum(numer)} > ${b.name} ${fmtNum(denom)}`;
  ctx.error({
    code: "inconsistent",
    source: a,
    found,
    expected: EXPECTED.notAbove(a.name, b.name),
    message: MSG.inconsistent(a, a.name, b.name, found),
  });
  return null;
}

export function ratioProportional(rule: Rule<"ratioProportional">, ctx: PartContext): PartOutcome | null {
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") return notApplicable(ratio, ctx);
  const points = new Dec(ctx.part.points);
  const { r } = ratio;
  if (r.greaterThan(ONE)) {
    if (rule.over === "error") return inconsistent(ctx, rule, ratio.numer ?? r, ratio.denom ?? ONE);
    if (rule.over === "zero") {
      return {
        score: ZERO,
        explanation: `${ratio.text}，${EXPLAIN.proportionalOver(rule.ratioName)}`,
        lost: [LOST.over(rule.ratioName, fmtPct(r))],
        formula: true,
      };
    }
  }
  const score = points.times(Dec.min(r, ONE));
  const lost = points.minus(score);
  return {
    score,
    explanation: `${ratio.text} ${EXPLAIN.proportional(fmtPct(Dec.min(r, ONE)), fmtNum(points), fmtNum(score))}`,
    lost: lost.greaterThan(0) ? [LOST.proportional(rule.ratioName, fmtPct(r), fmtScore(lost))] : [],
    formula: true,
  };
}

/** The per-point part of a rule: a standard, points per percentage point beyond it, a floor. */
interface PerPoint {
  threshold: string;
  perPoint: string;
  /** "above": the value may not exceed the standard (控制率, 变动率); "below": it should reach it. */
  direction?: "above" | "below";
  /** Lowest score (default 0: 扣完为止). */
  floor?: string;
}

/**
 * points while the value is within the standard; beyond it, points − perPoint × (percentage points
 * beyond), not below the floor. Compared unrounded; exactly at the standard is within.
 */
function perPointOutcome(r: Dec, text: string, rule: PerPoint, name: string, ctx: PartContext): PartOutcome {
  const points = new Dec(ctx.part.points);
  const threshold = new Dec(rule.threshold);
  const above = (rule.direction ?? "above") === "above";
  const beyond = above ? r.minus(threshold) : threshold.minus(r);
  if (beyond.lessThanOrEqualTo(0)) {
    const within = above ? EXPLAIN.linearWithin : EXPLAIN.linearAtLeast;
    return {
      score: points,
      explanation: `${text}，${within(fmtPct(r), fmtPct(threshold), fmtNum(points))}`,
      lost: [],
      formula: true,
    };
  }
  const pts = beyond.times(HUNDRED);
  const per = new Dec(rule.perPoint);
  const floor = new Dec(rule.floor ?? "0");
  const raw = points.minus(per.times(pts));
  const score = clamp(raw, Dec.min(floor, points), points);
  const beyondText = (above ? EXPLAIN.linearOver : EXPLAIN.linearUnder)(
    fmtPct(r),
    fmtPct(threshold),
    fmtNum(per),
    fmtNum(pts),
    fmtNum(score),
  );
  const floorText = raw.lessThan(floor) ? (floor.isZero() ? EXPLAIN.floorZero : EXPLAIN.floorAt(fmtNum(floor))) : "";
  return {
    score,
    explanation: `${text}，${beyondText}${floorText}`,
    lost: [LOST.proportional(name, fmtPct(r), fmtScore(points.minus(score)))],
    formula: true,
  };
}

export function perPointDeduction(rule: Rule<"perPointDeduction">, ctx: PartContext): PartOutcome | null {
  const anyBound = [...rule.numerator, ...(rule.direct ? [rule.direct] : [])].some((id) => ctx.isBound(id));
  if (!anyBound && rule.judgedFallback) return judged(ctx);
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") return notApplicable(ratio, ctx);
  return perPointOutcome(ratio.r, ratio.text, rule, rule.ratioName, ctx);
}

/** (本年数 − 上年数) / 上年数 against a standard, per point (“三公经费”变动率). */
export function changeRate(rule: Rule<"changeRate">, ctx: PartContext): PartOutcome | null {
  const name = rule.ratioName;
  const cur = operand([rule.current], ctx, name);
  const prev = operand([rule.previous], ctx, name);
  if (!cur || !prev) return null;
  if (prev.value.isZero()) {
    const both = cur.value.isZero();
    const policy = both ? rule.zero.bothZero : rule.zero.numeratorPositive;
    const pts = fmtNum(new Dec(ctx.part.points));
    if (policy === "full")
      return notApplicable(
        { kind: "notApplicable", explanation: both ? EXPLAIN.changeBothZero(name, pts) : name },
        ctx,
      );
    if (policy === "zero") return notApplicable({ kind: "zeroScore", explanation: EXPLAIN.changeFromZero(name) }, ctx);
    const src = ctx.inputSource(rule.previous);
    ctx.error({
      code: "zeroDenominator",
      source: src,
      found: FOUND.number("0"),
      expected: EXPECTED.positiveDenominator(src.name),
      message: MSG.zeroDenominator(src, name, cur.text),
    });
    return null;
  }
  const r = cur.value.minus(prev.value).dividedBy(prev.value);
  return perPointOutcome(r, EXPLAIN.changeRate(name, cur.text, prev.text, fmtPct(r)), rule, name, ctx);
}

export function ratioFull(rule: Rule<"ratioFull">, ctx: PartContext): PartOutcome | null {
  const anyBound = [...rule.numerator, ...rule.denominator].some((id) => ctx.isBound(id));
  if (!anyBound && rule.judgedFallback) return judged(ctx);
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") {
    if (ratio.kind === "notApplicable") {
      const pts = fmtNum(new Dec(ctx.part.points));
      return {
        score: new Dec(ctx.part.points),
        explanation: EXPLAIN.noPetitions(rule.ratioName, pts),
        notApplicable: true,
        lost: [],
        formula: true,
      };
    }
    return notApplicable(ratio, ctx);
  }
  if (ratio.r.greaterThan(ONE)) return inconsistent(ctx, rule, ratio.numer ?? ratio.r, ratio.denom ?? ONE);
  const met = ratio.r.equals(ONE);
  const points = new Dec(ctx.part.points);
  return {
    score: met ? points : ZERO,
    explanation: `${ratio.text}，${met ? EXPLAIN.ratioFullMet(fmtNum(points)) : EXPLAIN.ratioFullNotMet}`,
    lost: met ? [] : [LOST.bandVsStandard(rule.ratioName, fmtPct(ratio.r), LOST.notFull, "0")],
    formula: true,
  };
}

// ---------------------------------------------------------------------------
// The kinds.

const ratioInputs = (r: { numerator: InputId[]; denominator: InputId[]; direct?: InputId }): InputId[] => [
  ...r.numerator,
  ...r.denominator,
  ...(r.direct ? [r.direct] : []),
];

/** With a directly entered percent, the amounts may stay unbound (and the percent when they are bound). */
function directAlternatives(r: {
  numerator: InputId[];
  denominator: InputId[];
  direct?: InputId;
}): [InputId, InputId[]][] {
  if (!r.direct) return [];
  return [
    ...[...r.numerator, ...r.denominator].map((id): [InputId, InputId[]] => [id, [r.direct!]]),
    [r.direct, [...r.numerator, ...r.denominator]],
  ];
}

function checkRatio(
  r: { numerator: InputId[]; denominator: InputId[]; direct?: InputId; zero: ZeroDenominatorPolicy; ratioName: string },
  c: RuleCheck,
): void {
  checkOperand(c, "numerator", r.numerator);
  checkOperand(c, "denominator", r.denominator);
  checkInput(c, "direct", r.direct, true);
  checkZero(c, "zero", r.zero);
  checkText(c, "ratioName", r.ratioName);
}

function checkPerPoint(r: PerPoint, c: RuleCheck): void {
  checkDecimal(c, "threshold", r.threshold);
  checkDecimal(c, "perPoint", r.perPoint);
  if (isDecimalText(r.perPoint) && Number(r.perPoint) < 0) c.problem("perPoint", FRAMEWORK.negative(r.perPoint));
  if (r.direction !== undefined) checkOneOf(c, "direction", r.direction, ["above", "below"] as const);
  checkDecimal(c, "floor", r.floor, true);
  if (isDecimalText(r.floor) && isDecimalText(c.points) && Number(r.floor) > Number(c.points))
    c.problem("floor", FRAMEWORK.floorAbove(r.floor, c.points));
}

/** "比例 = 分子 / 分子（或直接填写 …）". */
function ratioWords(
  r: { numerator: InputId[]; denominator: InputId[]; direct?: InputId; ratioName: string },
  d: RuleWords,
): string {
  return (
    W.ratio(r.ratioName, operandWords(r.numerator, d), operandWords(r.denominator, d)) +
    (r.direct ? W.orDirect(d.input(r.direct)) : "")
  );
}

function perPointWords(r: PerPoint): string {
  return W.perPoint((r.direction ?? "above") === "above", fmtPct(new Dec(r.threshold)), r.perPoint, r.floor ?? "0");
}

export function bandWords(bands: Band[]): string {
  return W.bands(bands.map((b) => W.band(b.label, b.points)));
}

/** Bound when any numerator (or the direct percent) is bound: a shared denominator alone does not bind a ratio. */
const numeratorBound = (r: { numerator: InputId[]; denominator: InputId[]; direct?: InputId }, ctx: PartContext) =>
  [...r.numerator, ...(r.direct ? [r.direct] : [])].some((id) => ctx.isBound(id));

export const ratioBandsKind: RuleKind<Rule<"ratioBands">> = {
  inputs: ratioInputs,
  judgedValue: () => undefined,
  bound: (r, ctx) => [...r.numerator, ...r.denominator].some((id) => ctx.isBound(id)),
  evaluate: ratioBands,
  alternatives: directAlternatives,
  check: (r, c) => {
    checkRatio(r, c);
    checkBands(c, "bands", r.bands);
  },
  describe: (r, d) => `${ratioWords(r, d)}${W.sep}${bandWords(r.bands)}`,
};

export const ratioProportionalKind: RuleKind<Rule<"ratioProportional">> = {
  inputs: ratioInputs,
  judgedValue: () => undefined,
  bound: (r, ctx) => [...r.numerator, ...r.denominator].some((id) => ctx.isBound(id)),
  evaluate: ratioProportional,
  alternatives: () => [],
  check: (r, c) => {
    checkRatio(r, c);
    checkOneOf(c, "over", r.over, ["zero", "cap", "error"] as const);
  },
  describe: (r, d) => `${ratioWords(r, d)}${W.sep}${W.proportional(d.points)}`,
};

export const perPointDeductionKind: RuleKind<Rule<"perPointDeduction">> = {
  inputs: ratioInputs,
  judgedValue: (r) => (r.judgedFallback ? "yesNo" : undefined),
  bound: (r, ctx) => ctx.raw() !== undefined || numeratorBound(r, ctx),
  evaluate: perPointDeduction,
  alternatives: directAlternatives,
  check: (r, c) => {
    checkRatio(r, c);
    checkPerPoint(r, c);
  },
  describe: (r, d) => `${ratioWords(r, d)}${W.sep}${perPointWords(r)}${r.judgedFallback ? W.judgedFallback : ""}`,
};

export const ratioFullKind: RuleKind<Rule<"ratioFull">> = {
  inputs: ratioInputs,
  judgedValue: (r) => (r.judgedFallback ? "yesNo" : undefined),
  bound: (r, ctx) => ctx.raw() !== undefined || [...r.numerator, ...r.denominator].some((id) => ctx.isBound(id)),
  evaluate: ratioFull,
  alternatives: () => [],
  check: checkRatio,
  describe: (r, d) => `${ratioWords(r, d)}${W.sep}${W.full}${r.judgedFallback ? W.judgedFallback : ""}`,
};

export const changeRateKind: RuleKind<Rule<"changeRate">> = {
  inputs: (r) => [r.current, r.previous],
  judgedValue: () => undefined,
  bound: (r, ctx) => ctx.isBound(r.current),
  evaluate: changeRate,
  alternatives: () => [],
  check: (r, c) => {
    checkInput(c, "current", r.current);
    checkInput(c, "previous", r.previous);
    checkZero(c, "zero", r.zero);
    checkText(c, "ratioName", r.ratioName);
    checkPerPoint(r, c);
  },
  describe: (r, d) => `${W.change(r.ratioName, d.input(r.current), d.input(r.previous))}${W.sep}${perPointWords(r)}`,
};
