/**
 * The scoring core as the pane uses it: everything that needs the engine (decimal.js, the rule
 * sets, the workbook contract) and the views of a result, in one chunk that load-core.ts fetches
 * after the pane's first paint. Eager code imports only the `PaneCore` type, so the first view
 * costs what React, Fluent and the pane's frame cost, not what scoring costs.
 */
import type { RuleSet } from "../../engine/types";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { readSettings, type WorkbookSettings } from "../../workbook/settings";
import { contractNames, ruleSetsOf } from "../../workbook/rescore";
import { readUndoRecord, rescoreAfterEdit, undoPlan, type UndoRecord } from "../../workbook/undo";
import { detailOptionPlan } from "../../workbook/detailOption";
import { inputSheetPlan, setupSheetsPlan } from "../../workbook/input-sheet";
import { withPlan } from "../../workbook/plan-snapshot";
import { readStoredFramework } from "../../workbook/framework-sheet";
import { inputNames } from "../../workbook/inputs";
import { defaultContract } from "../../hosts/office/defaultContract";
import { editThrough, rescoreThrough } from "../ports/through";
import { Results } from "../score/Results";

/** What the views read from a workbook, computed once per snapshot. */
export interface WorkbookModel {
  snapshot: WorkbookSnapshot;
  settings: WorkbookSettings;
  /** The rule set a rescoring uses (settings' overrides applied), and the one it starts from. */
  effective: RuleSet;
  base: RuleSet;
  /** The last rescoring's undo record, when the workbook holds one. */
  record?: UndoRecord;
  /** 生成评分明细 as the settings hold it. */
  detail: boolean;
  /** The file of the framework the workbook carries, when it carries one (评分框架). */
  storedFramework?: string;
}

function modelOf(snapshot: WorkbookSnapshot): WorkbookModel {
  const settings = readSettings(snapshot);
  const { effective, base } = ruleSetsOf(snapshot, settings);
  const record = readUndoRecord(snapshot);
  const stored = readStoredFramework(snapshot.framework);
  return {
    snapshot,
    settings,
    effective,
    base,
    ...(record ? { record } : {}),
    detail: settings.detailSheet ?? false,
    ...(stored?.ruleSet && stored.text ? { storedFramework: stored.text } : {}),
  };
}

/** The names a framework the workbook carries reads (beyond the built-in frameworks' names). */
function carriedNames(snapshot: WorkbookSnapshot): string[] {
  const rs = readStoredFramework(snapshot.framework)?.ruleSet;
  return rs ? inputNames(rs) : [];
}

/** 添加评分依据表 for a workbook with nothing bound: the input sheet, and 评分设置 when missing. */
function setUpPlan(model: WorkbookModel): WritePlan | undefined {
  return (
    setupSheetsPlan(model.snapshot, model.effective) ?? inputSheetPlan(model.snapshot, model.effective, model.settings)
  );
}

export const core = {
  modelOf,
  rescoreThrough,
  editThrough,
  undoPlan,
  detailOptionPlan,
  setUpPlan,
  Results,
  /** What the Excel port needs to read and rescore (the ribbon's contract). */
  excel: { contract: defaultContract, contractNames, carriedNames, rescoreAfterEdit, withPlan },
};

export type PaneCore = typeof core;
export type ExcelCore = PaneCore["excel"];
