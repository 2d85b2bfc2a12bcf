/** 公众或服务对象满意度 from a survey percentage (the manual path is handled by the scorer). */
import { Dec, fmtPct, ONE } from "../decimal";
import type { PartRule } from "../types";
import { errorMessage, EXPECTED, FOUND } from "../../text/engine";
import type { PartContext, PartOutcome } from "./context";
import { bandOutcome } from "./ratio";

type Rule = Extract<PartRule, { kind: "surveyBands" }>;

export function surveyBands(rule: Rule, ctx: PartContext): PartOutcome | null {
  const s = ctx.input(rule.input);
  if (s === undefined) {
    ctx.missingInput(rule.input, ctx.indicator.name);
    return null;
  }
  if (s === null) return null;
  if (s.greaterThan(ONE)) {
    const src = ctx.inputSource(rule.input);
    const found = FOUND.number(fmtPct(s));
    ctx.error({ code: "outOfRange", target: rule.input, source: src, found, expected: EXPECTED.percentAtMost100, message: errorMessage(src, found, EXPECTED.percentAtMost100) });
    return null;
  }
  return bandOutcome(s, `${rule.ratioName} = ${fmtPct(s)}`, rule.bands, rule.ratioName, ctx);
}

/** Allowed manual scores for the indicator (6 / 4 / 2 / 1), as decimals. */
export function allowedScores(rule: Rule): Dec[] {
  return rule.allowed.map((a) => new Dec(a));
}
