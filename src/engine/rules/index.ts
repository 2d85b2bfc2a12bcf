/** Dispatch from a part's rule kind to its evaluator, and whether a part has anything bound. */
import type { PartDef } from "../types";
import type { PartContext, PartOutcome } from "./context";
import { countDeduction, judged, judgedScore, level, partParseError, veto } from "./judged";
import { EXPECTED, FOUND } from "../../text/engine";
import { ratioBands, ratioFull, ratioLinearDeduction, ratioProportional } from "./ratio";
import { quarterlyExecution } from "./execution";
import { surveyBands } from "./survey";
import { effectTable } from "./effect";

export type { PartContext, PartOutcome } from "./context";

export function evaluatePart(part: PartDef, ctx: PartContext): PartOutcome | null {
  const rule = part.rule;
  switch (rule.kind) {
    case "judged":
      return judged(ctx);
    case "judgedScore":
      return judgedScore(ctx);
    case "level":
      return level(rule, ctx);
    case "veto":
      return veto(ctx);
    case "countDeduction":
      return countDeduction(rule, ctx);
    case "ratioBands":
      return ratioBands(rule, ctx);
    case "ratioProportional":
      return ratioProportional(rule, ctx);
    case "ratioLinearDeduction":
      return ratioLinearDeduction(rule, ctx);
    case "ratioFull":
      return ratioFull(rule, ctx);
    case "quarterlyExecution":
      return quarterlyExecution(rule, ctx);
    case "surveyBands":
      return surveyBands(rule, ctx);
    case "effectTable":
      // Without a table (only reachable when a rule set does not allow a manual score) the
      // table is a missing input like any other: a clear error, never a silent null.
      return ctx.effectTable
        ? effectTable(rule, ctx, ctx.effectTable)
        : partParseError(ctx, { ok: false, code: "missing", found: FOUND.notBound, expected: EXPECTED.effectTable });
  }
}

/**
 * Whether anything for this part is bound: its judged value or the inputs that define it.
 * A shared denominator (部门预算总额) alone does not bind a ratio part.
 */
export function partBound(part: PartDef, ctx: PartContext): boolean {
  const rule = part.rule;
  const judgedBound = ctx.raw() !== undefined;
  switch (rule.kind) {
    case "judged":
    case "judgedScore":
    case "level":
    case "veto":
      return judgedBound;
    case "countDeduction":
      return rule.input ? ctx.isBound(rule.input) : judgedBound;
    case "ratioBands":
    case "ratioProportional":
      return [...rule.numerator, ...rule.denominator].some((id) => ctx.isBound(id));
    case "ratioLinearDeduction":
      return judgedBound || [...rule.numerator, ...(rule.direct ? [rule.direct] : [])].some((id) => ctx.isBound(id));
    case "ratioFull":
      return judgedBound || [...rule.numerator, ...rule.denominator].some((id) => ctx.isBound(id));
    case "quarterlyExecution":
      return [...rule.progress, ...rule.execution].some((id) => ctx.isBound(id));
    case "surveyBands":
      return ctx.isBound(rule.input);
    case "effectTable":
      return ctx.effectTable !== undefined;
  }
}
