/** The workbook contract (shared/spec/workbook-contract.md) over plain snapshots. Pure. */
export * from "./snapshot";
export { rescore, contractNames, type RescoreOptions, type RescoreOutcome } from "./rescore";
export { buildPlan, numberOf } from "./plan";
export { readSettings, type WorkbookSettings, type SettingsRow } from "./settings";
export {
  readInputs,
  judgedParts,
  isJudgedPart,
  mappedName,
  inputNames,
  ruleSetInputs,
  type CaseInputs,
} from "./inputs";
export {
  locateTable,
  inferRuleSet,
  checkRows,
  totalCells,
  type ScoreTable,
  type TableRow,
  type TargetCell,
} from "./table";
export { findName, singleCell, cellRaw } from "./names";
