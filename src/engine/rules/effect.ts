/**
 * 效果性 from the 个性化绩效指标 table: 正向 分值×min(实际/目标,1), 反向 分值×min(目标/实际,1),
 * 定性 by grade. Rows marked 不适用 are left out and their 分值 shared pro rata among the others.
 */
import { Dec, fmtNum, ONE, ZERO, fmtScore } from "../decimal";
import type { EffectRowRaw, SourceRef } from "../types";
import { EFFECT, EXPECTED, EXPLAIN, LOST, MSG } from "../../text/engine";
import { describe, isEmpty, parseInput, parseYesNo } from "../values";
import { normalizeName } from "../ruleset";
import type { PartContext, PartOutcome } from "./context";
import { checkDecimal, checkText, isObject, type RuleKind, type RuleOf } from "./kind";
import { partParseError } from "./judged";
import { EXPECTED as EXPECTED_TEXT, FOUND } from "../../text/engine";
import { FRAMEWORK, RULE_TEXT as W } from "../../text/framework";

type Rule = RuleOf<"effectTable">;

interface Row {
  name: string;
  weight: Dec;
  /** Fraction of the weight earned, in [0, 1]. */
  factor: Dec;
  detail: string;
  notApplicable: boolean;
}

export function effectTable(rule: Rule, ctx: PartContext, rows: EffectRowRaw[]): PartOutcome | null {
  const parsed: Row[] = [];
  let ok = true;
  const fail = (rowName: string, what: string, src: SourceRef | undefined, found: string, expected: string) => {
    ok = false;
    const source = src ?? ctx.partSource();
    ctx.error({
      code: "effectTable",
      source,
      found,
      expected,
      message: MSG.effectRow(source, rowName, EFFECT.problem(what, found, expected)),
    });
  };
  rows.forEach((raw, i) => {
    const name = isEmpty(raw.name) ? EFFECT.row(i + 1) : String(raw.name.value).trim();
    const src = raw.source;
    const w = parseInput(raw.weight, "amount");
    if (!w.ok) return fail(name, EFFECT.field.weight, src, w.found, w.expected);
    const na =
      raw.notApplicable && !isEmpty(raw.notApplicable)
        ? normalizeName(String(raw.notApplicable.value)) === EFFECT.notApplicable
          ? { ok: true as const, value: true }
          : parseYesNo(raw.notApplicable)
        : { ok: true as const, value: false };
    if (!na.ok) return fail(name, EFFECT.field.notApplicable, src, na.found, EXPECTED.judged);
    if (na.value) {
      parsed.push({ name, weight: w.value, factor: ZERO, detail: "", notApplicable: true });
      return;
    }
    const nature = isEmpty(raw.nature) ? "" : normalizeName(String(raw.nature.value));
    if (nature === EFFECT.qualitative) {
      const grade = isEmpty(raw.actual) ? "" : normalizeName(String(raw.actual.value));
      const q = rule.qualitative.find((x) => x.label === grade);
      if (!q)
        return fail(
          name,
          EFFECT.field.actual,
          src,
          describe(raw.actual),
          EXPECTED.qualitative(rule.qualitative.map((x) => x.label)),
        );
      const factor = new Dec(q.factor);
      parsed.push({
        name,
        weight: w.value,
        factor,
        detail: EXPLAIN.effectQualitative(q.label, fmtNum(factor), fmtNum(w.value)),
        notApplicable: false,
      });
      return;
    }
    if (nature !== EFFECT.positive && nature !== EFFECT.negative)
      return fail(name, EFFECT.field.nature, src, describe(raw.nature), EXPECTED.nature);
    const t = parseInput(raw.target, "amount");
    if (!t.ok) return fail(name, EFFECT.field.target, src, t.found, t.expected);
    const a = parseInput(raw.actual, "amount");
    if (!a.ok) return fail(name, EFFECT.field.actual, src, a.found, a.expected);
    const [num, den] = nature === EFFECT.positive ? [a.value, t.value] : [t.value, a.value];
    // A zero denominator means the target is met outright (正向 target 0, 反向 actual 0).
    const factor = den.isZero() ? ONE : Dec.min(num.dividedBy(den), ONE);
    const detail =
      nature === EFFECT.positive
        ? EXPLAIN.effectPositive(fmtNum(a.value), fmtNum(t.value), fmtNum(w.value))
        : EXPLAIN.effectNegative(fmtNum(a.value), fmtNum(t.value), fmtNum(w.value));
    parsed.push({ name, weight: w.value, factor, detail, notApplicable: false });
  });
  if (!ok) return null;

  // The rows add up to the indicator's 分值 as the workbook weights it (a re-weighted 效果性 lists
  // rows summing to its new 分值), so the score is already in that 分值 and is not scaled again.
  const weight = new Dec(ctx.indicator.weight);
  const total = parsed.reduce((s, r) => s.plus(r.weight), ZERO);
  if (!total.equals(weight)) {
    const src = ctx.partSource();
    ctx.error({
      code: "effectTable",
      source: src,
      found: fmtNum(total),
      expected: fmtNum(weight),
      message: MSG.effectWeights(src, fmtNum(total), fmtNum(weight)),
    });
    return null;
  }
  const applicable = parsed.filter((r) => !r.notApplicable);
  const applicableWeight = applicable.reduce((s, r) => s.plus(r.weight), ZERO);
  if (applicableWeight.isZero() && applicable.length === 0) {
    // Nothing left to score: neither full marks nor 0 would be a fair silent answer.
    const src = ctx.partSource();
    ctx.error({
      code: "effectTable",
      source: src,
      found: EFFECT.allNotApplicable,
      expected: EFFECT.needOneApplicable,
      message: MSG.effectAllNotApplicable(src),
    });
    return null;
  }
  const scale = applicableWeight.isZero() ? ONE : weight.dividedBy(applicableWeight);
  const explain: string[] = [];
  const lost: string[] = [];
  let score = ZERO;
  for (const r of applicable) {
    const pts = r.weight.times(r.factor);
    score = score.plus(pts);
    explain.push(EXPLAIN.effectRow(r.name, r.detail, fmtNum(pts)));
    if (r.factor.lessThan(ONE)) lost.push(LOST.effectRow(r.name, fmtScore(r.weight.minus(pts).times(scale))));
  }
  const skipped = parsed.filter((r) => r.notApplicable);
  if (skipped.length && !applicableWeight.isZero()) {
    const scaled = score.times(scale);
    explain.push(
      EXPLAIN.effectNotApplicable(
        skipped.map((r) => r.name),
        fmtNum(applicableWeight),
      ),
    );
    explain.push(EXPLAIN.effectScaled(fmtNum(score), `${fmtNum(weight)}/${fmtNum(applicableWeight)}`, fmtNum(scaled)));
    score = scaled;
  }
  return { score, explanation: explain.join(EXPLAIN.sep), lost, formula: true, inIndicatorWeight: true };
}

export const effectTableKind: RuleKind<Rule> = {
  inputs: () => [],
  judgedValue: () => undefined,
  bound: (_, ctx) => ctx.effectTable !== undefined,
  // Without a table (only reachable when a rule set does not allow a manual score) the table is a
  // missing input like any other: a clear error, never a silent null.
  evaluate: (rule, ctx) =>
    ctx.effectTable
      ? effectTable(rule, ctx, ctx.effectTable)
      : partParseError(ctx, { ok: false, code: "missing", found: FOUND.notBound, expected: EXPECTED_TEXT.effectTable }),
  alternatives: () => [],
  check: (r, c) => {
    if (!Array.isArray(r.qualitative) || r.qualitative.length === 0) return c.problem("qualitative", FRAMEWORK.notList);
    if (!r.qualitative.every(isObject)) return c.problem("qualitative", FRAMEWORK.notObject);
    r.qualitative.forEach((q, i) => {
      checkText(c, `qualitative[${i + 1}]`, q.label);
      checkDecimal(c, `qualitative[${i + 1}]`, q.factor);
    });
  },
  describe: (r) => W.effect(r.qualitative.map((q) => q.label)),
};
