/** The scoring core's public surface: pure functions over plain data. */
export * from "./types";
export * from "./inputs";
export {
  BUILTIN_RULE_SET_IDS,
  builtinRuleSet,
  builtinRuleSetNames,
  findRuleSetId,
  parseRuleSet,
  applyOverrides,
  checkWeights,
  gradeOf,
  indicatorsOf,
  normalizeName,
  findIndicator,
  findIndicatorById,
  type IndicatorEntry,
} from "./ruleset";
export { scoreCase } from "./score";
export { loadCase, type CaseFile, type LoadedCase } from "./case-file";
export { parseInput, parseYesNo, isPercentFormat } from "./values";
