/** Ratio parts: banded, proportional, linear deduction above a threshold, and "must be 100%". */
import { Dec, clamp, fmtNum, fmtPct, ONE, ZERO, HUNDRED, fmtScore } from "../decimal";
import type { Band, InputId, PartRule, ZeroDenominatorPolicy } from "../types";
import { EXPECTED, EXPLAIN, FOUND, LOST, MSG } from "../../text/engine";
import type { PartContext, PartOutcome } from "./context";
import { judged } from "./judged";

type Rule<K extends PartRule["kind"]> = Extract<PartRule, { kind: K }>;

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
    if (policy === "full") return { kind: "notApplicable", explanation: both ? EXPLAIN.notApplicableBothZero(name, pts) : name };
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

export function ratioLinearDeduction(rule: Rule<"ratioLinearDeduction">, ctx: PartContext): PartOutcome | null {
  const anyBound = [...rule.numerator, ...(rule.direct ? [rule.direct] : [])].some((id) => ctx.isBound(id));
  if (!anyBound && rule.judgedFallback) return judged(ctx);
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") return notApplicable(ratio, ctx);
  const points = new Dec(ctx.part.points);
  const threshold = new Dec(rule.threshold);
  if (ratio.r.lessThanOrEqualTo(threshold)) {
    return {
      score: points,
      explanation: `${ratio.text}，${EXPLAIN.linearWithin(fmtPct(ratio.r), fmtPct(threshold), fmtNum(points))}`,
      lost: [],
      formula: true,
    };
  }
  const over = ratio.r.minus(threshold).times(HUNDRED);
  const per = new Dec(rule.perPoint);
  const score = clamp(points.minus(per.times(over)), ZERO, points);
  return {
    score,
    explanation: `${ratio.text}，${EXPLAIN.linearOver(fmtPct(ratio.r), fmtPct(threshold), fmtNum(per), fmtNum(over), fmtNum(score))}`,
    lost: [LOST.proportional(rule.ratioName, fmtPct(ratio.r), fmtScore(points.minus(score)))],
    formula: true,
  };
}

export function ratioFull(rule: Rule<"ratioFull">, ctx: PartContext): PartOutcome | null {
  const anyBound = [...rule.numerator, ...rule.denominator].some((id) => ctx.isBound(id));
  if (!anyBound && rule.judgedFallback) return judged(ctx);
  const ratio = ratioOf(rule, ctx);
  if (!ratio) return null;
  if (ratio.kind !== "ratio") {
    if (ratio.kind === "notApplicable") {
      const pts = fmtNum(new Dec(ctx.part.points));
      return { score: new Dec(ctx.part.points), explanation: EXPLAIN.noPetitions(rule.ratioName, pts), notApplicable: true, lost: [], formula: true };
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
