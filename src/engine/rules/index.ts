/**
 * The registry of rule kinds: one object per `PartRule["kind"]` (rules/kind.ts says what each
 * knows). The mapped type makes a kind that is declared in types.ts but missing here a compile
 * error, and every caller asks the registry instead of switching on kinds of its own.
 */
import type { InputId, PartDef, PartRule } from "../types";
import type { PartContext, PartOutcome } from "./context";
import type { JudgedValue, RuleKind, RuleKinds } from "./kind";
import type { RuleSet } from "../types";
import { countDeductionKind, judgedKind, judgedScoreKind, levelKind, vetoKind } from "./judged";
import { changeRateKind, perPointDeductionKind, ratioBandsKind, ratioFullKind, ratioProportionalKind } from "./ratio";
import { quarterlyExecutionKind } from "./execution";
import { surveyBandsKind } from "./survey";
import { effectTableKind } from "./effect";

export type { PartContext, PartOutcome } from "./context";
export type { JudgedValue } from "./kind";

export const RULE_KINDS: RuleKinds = {
  judged: judgedKind,
  judgedScore: judgedScoreKind,
  level: levelKind,
  veto: vetoKind,
  countDeduction: countDeductionKind,
  ratioBands: ratioBandsKind,
  ratioProportional: ratioProportionalKind,
  perPointDeduction: perPointDeductionKind,
  ratioFull: ratioFullKind,
  changeRate: changeRateKind,
  quarterlyExecution: quarterlyExecutionKind,
  surveyBands: surveyBandsKind,
  effectTable: effectTableKind,
};

export const RULE_KIND_NAMES = Object.keys(RULE_KINDS) as PartRule["kind"][];

export function isRuleKind(kind: unknown): kind is PartRule["kind"] {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(RULE_KINDS, kind);
}

/** The kind object of a rule (typed by the rule it is given). */
export function kindOf<R extends PartRule>(rule: R): RuleKind<R> {
  return RULE_KINDS[rule.kind] as unknown as RuleKind<R>;
}

export function evaluatePart(part: PartDef, ctx: PartContext): PartOutcome | null {
  return kindOf(part.rule).evaluate(part.rule, ctx);
}

export function partBound(part: PartDef, ctx: PartContext): boolean {
  return kindOf(part.rule).bound(part.rule, ctx);
}

/** Inputs a part reads. */
export function partInputs(part: PartDef): InputId[] {
  return kindOf(part.rule).inputs(part.rule);
}

/** What a clerk enters for the part itself, if anything (then it has a defined name of its own). */
export function judgedValueOf(part: PartDef): JudgedValue | undefined {
  return kindOf(part.rule).judgedValue(part.rule);
}

/** A part's rule in words, with the framework's input names. */
export function describePart(part: PartDef, rs: RuleSet): string {
  const names = new Map(rs.inputs.map((d) => [d.id, d.name]));
  return kindOf(part.rule).describe(part.rule, { input: (id) => names.get(id) ?? id, points: part.points });
}
