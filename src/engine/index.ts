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
} from "./ruleset";
export { scoreCase } from "./score";
export { scoreChanges, TOTAL } from "./differences";
export { parseFramework, parseFrameworkText, type FrameworkCheck } from "./framework";
export { RULE_KIND_NAMES, partInputs, judgedValueOf, kindOf, describePart } from "./rules";
export { loadCase, type CaseFile } from "./case-file";
export { parseInput, parseYesNo } from "./values";
