/**
 * 预算执行率: each quarter's cumulative 支出进度 over its 序时进度 (25/50/75/100%), capped at 100% for
 * the quarter points; the annual average is the mean of the UNCAPPED quarterly rates, capped only
 * when scored (seed 000 prints 117.12%).
 */
import { Dec, fmtNum, fmtPct, ONE, ZERO } from "../decimal";
import { EXPECTED, EXPLAIN, FOUND, LOST, MSG } from "../../text/engine";
import type { PartContext, PartOutcome } from "./context";
import { checkDecimal, checkInput, isDecimalText, type RuleKind, type RuleOf } from "./kind";
import { FRAMEWORK, RULE_TEXT as W } from "../../text/framework";

type Rule = RuleOf<"quarterlyExecution">;

/** Cumulative progress of quarter q as a fraction of the annual budget; null if it cannot be had. */
function progressOf(rule: Rule, q: number, ctx: PartContext, explain: string[]): Dec | null {
  const pid = rule.progress[q];
  if (ctx.isBound(pid)) return ctx.input(pid) ?? null;
  const eid = rule.execution[q];
  if (ctx.isBound(eid)) {
    const spent = ctx.input(eid);
    const budget = ctx.input(rule.budget);
    if (budget === undefined) ctx.missingInput(rule.budget, ctx.indicator.name);
    if (spent == null || budget == null) return null;
    if (budget.isZero()) {
      const src = ctx.inputSource(rule.budget);
      ctx.error({
        code: "zeroDenominator",
        source: src,
        found: FOUND.number("0"),
        expected: EXPECTED.positiveDenominator(src.name),
        message: MSG.zeroDenominator(src, EXPLAIN.progressName, fmtNum(spent)),
      });
      return null;
    }
    const p = spent.dividedBy(budget);
    explain.push(EXPLAIN.quarterFromAmounts(EXPLAIN.quarterNames[q], fmtNum(spent), fmtNum(budget), fmtPct(p)));
    return p;
  }
  const src = ctx.inputSource(pid);
  const expected = EXPECTED.quarterInputs(
    q + 1,
    src.name,
    ctx.inputSource(eid).name,
    ctx.inputSource(rule.budget).name,
  );
  ctx.error({
    code: "missing",
    target: pid,
    source: src,
    found: FOUND.notBound,
    expected,
    message: MSG.missingInput(src, ctx.indicator.name, expected),
  });
  return null;
}

export function quarterlyExecution(rule: Rule, ctx: PartContext): PartOutcome | null {
  const explain: string[] = [];
  const progress = [0, 1, 2, 3].map((q) => progressOf(rule, q, ctx, explain));
  if (progress.some((p) => p === null)) return null;
  const qp = new Dec(rule.quarterPoints);
  const ap = new Dec(rule.averagePoints);
  const lost: string[] = [];
  let score = ZERO;
  const rates = (progress as Dec[]).map((p, q) => {
    const rate = p.dividedBy(rule.schedule[q]);
    const pts = Dec.min(rate, ONE).times(qp);
    score = score.plus(pts);
    const qn = EXPLAIN.quarterNames[q];
    explain.push(EXPLAIN.quarter(qn, fmtPct(p), fmtPct(new Dec(rule.schedule[q])), fmtPct(rate), fmtNum(pts)));
    if (rate.lessThan(ONE)) lost.push(LOST.quarter(qn, fmtPct(rate)));
    return rate;
  });
  const avg = rates.reduce((a, r) => a.plus(r), ZERO).dividedBy(4);
  const avgPts = Dec.min(avg, ONE).times(ap);
  score = score.plus(avgPts);
  explain.push(EXPLAIN.average(rates.map(fmtPct), fmtPct(avg), fmtNum(avgPts)));
  if (avg.lessThan(ONE)) lost.push(LOST.average(fmtPct(avg)));

  // The common misreading: the mean of the cumulative 支出进度 taken as 全年平均执行率.
  const meanProgress = (progress as Dec[]).reduce((a, p) => a.plus(p), ZERO).dividedBy(4);
  const alternative = score.minus(avgPts).plus(Dec.min(meanProgress, ONE).times(ap));
  return {
    score,
    explanation: explain.join(EXPLAIN.sep),
    lost,
    formula: true,
    alternative: { score: alternative, note: EXPLAIN.misreading },
  };
}

export const quarterlyExecutionKind: RuleKind<Rule> = {
  inputs: (r) => [...r.progress, ...r.execution, r.budget],
  judgedValue: () => undefined,
  bound: (r, ctx) => [...r.progress, ...r.execution].some((id) => ctx.isBound(id)),
  evaluate: quarterlyExecution,
  // A quarter's progress percent, or its cumulative spending with the budget.
  alternatives: (r) => [
    ...r.progress.map((p, q): [string, string[]] => [p, [r.execution[q], r.budget]]),
    ...r.execution.map((e, q): [string, string[]] => [e, [r.progress[q]]]),
    [r.budget, [...r.progress]],
  ],
  check: (r, c) => {
    for (const f of ["progress", "execution"] as const) {
      if (!Array.isArray(r[f]) || r[f].length !== 4) c.problem(f, FRAMEWORK.scheduleFour);
      else r[f].forEach((id) => checkInput(c, f, id));
    }
    checkInput(c, "budget", r.budget);
    if (!Array.isArray(r.schedule) || r.schedule.length !== 4) c.problem("schedule", FRAMEWORK.scheduleFour);
    else r.schedule.forEach((x) => checkDecimal(c, "schedule", x));
    checkDecimal(c, "quarterPoints", r.quarterPoints);
    checkDecimal(c, "averagePoints", r.averagePoints);
    if (isDecimalText(r.quarterPoints) && isDecimalText(r.averagePoints) && isDecimalText(c.points)) {
      if (4 * Number(r.quarterPoints) + Number(r.averagePoints) !== Number(c.points))
        c.problem("quarterPoints", FRAMEWORK.quarterPointsSum(r.quarterPoints, r.averagePoints, c.points));
    }
  },
  describe: (r) => W.quarterly(r.quarterPoints, r.averagePoints),
};
