/** 公众或服务对象满意度 from a survey percentage (the manual path is handled by the scorer). */
import { Dec, fmtPct, ONE } from "../decimal";
import { errorMessage, EXPECTED, FOUND } from "../../text/engine";
import type { PartContext, PartOutcome } from "./context";
import { bandOutcome, bandWords } from "./ratio";
import { checkBands, checkDecimal, checkInput, checkText, type RuleKind, type RuleOf } from "./kind";
import { FRAMEWORK, RULE_TEXT as W } from "../../text/framework";

type Rule = RuleOf<"surveyBands">;

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
    ctx.error({
      code: "outOfRange",
      target: rule.input,
      source: src,
      found,
      expected: EXPECTED.percentAtMost100,
      message: errorMessage(src, found, EXPECTED.percentAtMost100),
    });
    return null;
  }
  return bandOutcome(s, `${rule.ratioName} = ${fmtPct(s)}`, rule.bands, rule.ratioName, ctx);
}

/** Allowed manual scores for the indicator (6 / 4 / 2 / 1), as decimals. */
export function allowedScores(rule: Rule): Dec[] {
  return rule.allowed.map((a) => new Dec(a));
}

export const surveyBandsKind: RuleKind<Rule> = {
  inputs: (r) => [r.input],
  judgedValue: () => undefined,
  bound: (r, ctx) => ctx.isBound(r.input),
  evaluate: surveyBands,
  // Without a survey the 自评得分 cell's own score (one of `allowed`) stands.
  alternatives: (r) => [[r.input, []]],
  check: (r, c) => {
    checkInput(c, "input", r.input);
    checkBands(c, "bands", r.bands);
    if (!Array.isArray(r.allowed) || r.allowed.length === 0) c.problem("allowed", FRAMEWORK.notList);
    else r.allowed.forEach((a) => checkDecimal(c, "allowed", a));
    checkText(c, "ratioName", r.ratioName);
  },
  describe: (r, d) => W.survey(r.ratioName, d.input(r.input), bandWords(r.bands), r.allowed),
};
