import type { InputDef, InputId, RuleSet } from "./types";
import { NAMES } from "../text/vocabulary";

/** A framework's input by id; undefined when the framework has no such input. */
export function inputOf(rs: RuleSet, id: InputId): InputDef | undefined {
  return rs.inputs.find((d) => d.id === id);
}

/** Defined name of a judged part: `<三级指标>_<key>` (workbook-contract.md). */
export function partName(indicatorName: string, partKey: string): string {
  return `${indicatorName}_${partKey}`;
}

/** Defined name of the 个性化绩效指标 table. */
export const EFFECT_TABLE_NAME = NAMES.effectTable;
