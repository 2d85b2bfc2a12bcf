/** The rule set the views show: the one rescoring uses (settings or inferred, with overrides), and its base. */
import { useMemo } from "react";
import { builtinRuleSet, type RuleSet } from "../../engine";
import { rescore } from "../../workbook/rescore";
import type { WorkbookSnapshot } from "../../workbook/snapshot";

export function useRuleSets(snapshot: WorkbookSnapshot): { effective: RuleSet; base: RuleSet } {
  return useMemo(() => {
    const effective = rescore(snapshot).ruleSet;
    return { effective, base: builtinRuleSet(effective.id) ?? effective };
  }, [snapshot]);
}

