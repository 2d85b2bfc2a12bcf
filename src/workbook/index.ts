/**
 * The workbook contract (shared/spec/workbook-contract.md) over plain snapshots, as hosts and tools
 * use it: a rescoring, its names, and the snapshot types. Pure. The pane's planners (binding,
 * judged items, settings, the input sheet, undo) are imported from their own modules.
 */
export * from "./snapshot";
export { rescore, contractNames, type RescoreOutcome } from "./rescore";
export { findName } from "./names";
