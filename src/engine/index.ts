/** The scoring core's public surface: pure functions over plain data. */
export * from "./types";
export * from "./inputs";
export {
  BUILTIN_RULE_SET_IDS,
  builtinRuleSet,
  builtinRuleSetNames,
  findRuleSetId,
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
export { parseFramework, parseFrameworkText, type FrameworkCheck } from "./framework";
export {
  RULE_KINDS,
  RULE_KIND_NAMES,
  partInputs,
  judgedValueOf,
  kindOf,
  describePart,
  type JudgedValue,
} from "./rules";
export { loadCase, type CaseFile, type LoadedCase } from "./case-file";
export { parseInput, parseYesNo, isPercentFormat } from "./values";
