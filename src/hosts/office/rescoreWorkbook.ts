/**
 * One rescoring of the live workbook: read → contract `rescore(snapshot)` → write.
 * No scoring logic here: the contract (src/workbook/rescore.ts) decides everything; this module
 * only moves data and counts round trips.
 *
 * Syncs: known 评分表 (a `评分表` defined name) and no errors → 2 (read, write).
 * First run (no 评分表 name) → 3 (read, scan, write); the write records the table as the name.
 * Errors after batch 1 → batch 2 scans once more (worksheet-scoped names, mapped names), then
 * nothing is written (2 syncs). A write that fails in Excel → one rollback sync.
 */
import type { ScoreError, ScoreResult } from "../../engine/types";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { isOfficeError, toHostError } from "./errors";
import type { ApiSupport, ExcelContext, ExcelRunner } from "./excelApi";
import { missingAtWorkbookLevel, queueFirstRead, queueScan, toSnapshot, type ReadState } from "./read";
import { checkWritable, queueRollback, queueWrite } from "./write";
import { officeText } from "../../text/office";
import { hostError } from "./errors";

/** What the host needs of the contract's `rescore` outcome. */
export interface RescoreOutcomeLike {
  result?: ScoreResult | null;
  plan: WritePlan;
  errors: ScoreError[];
  table?: unknown;
  changes?: unknown;
  summary?: unknown;
}

export interface RescoreCallOptions {
  detailSheet?: boolean;
  now?: Date;
}

/** The workbook contract, injected so this module stays free of scoring logic (and testable). */
export interface ContractApi<O extends RescoreOutcomeLike = RescoreOutcomeLike> {
  rescore(snapshot: WorkbookSnapshot, options?: RescoreCallOptions): O;
  contractNames(): string[];
}

export interface OfficeRescoreOptions<O extends RescoreOutcomeLike = RescoreOutcomeLike> extends RescoreCallOptions {
  contract: ContractApi<O>;
  /** Which ExcelApi sets beyond 1.4 may be used; default asks Office. */
  support?: ApiSupport;
  /** Record the found 评分表 as a defined name (default true). */
  recordTable?: boolean;
}

export interface OfficeRescoreOutcome<O extends RescoreOutcomeLike = RescoreOutcomeLike> {
  /** The contract's outcome; absent when Excel failed before scoring. */
  outcome?: O;
  /** Errors that stopped the write: the contract's, or one host error. Empty on success. */
  errors: ScoreError[];
  written: boolean;
  /** `context.sync()` calls made. */
  syncs: number;
  /** Whether this run wrote the `评分表` name. */
  recordedTable: boolean;
  snapshot?: WorkbookSnapshot;
}

/** The ExcelApi set the manifest requires; checked again at start (a stale catalog or cache may still load us). */
export const REQUIRED_EXCEL_API = "1.4";

/** Asks Office which ExcelApi sets are supported; false outside Office. */
export function officeSupport(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/**
 * The production runner: `Excel.run` with `delayForCellEdit` (the batch waits until the user
 * leaves cell-edit mode instead of failing) and, where ExcelApi 1.20 exists, `mergeUndoGroup` so
 * the rescoring is one undo step. If Excel refuses the undo group, the run is retried without it.
 */
export function officeRunner(support: ApiSupport = officeSupport): ExcelRunner {
  const merge = support("1.20");
  return async <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    const run = (mergeUndoGroup: boolean) =>
      Excel.run({ delayForCellEdit: true, ...(mergeUndoGroup ? { mergeUndoGroup: true } : {}) }, (ctx) => batch(ctx));
    if (!merge) return run(false);
    try {
      return await run(true);
    } catch (e) {
      if (isOfficeError(e) && e.code === "UndoNotSupported") return run(false);
      throw e;
    }
  };
}

function tableTarget(table: unknown): { sheet: string; address: string } | undefined {
  if (typeof table !== "object" || table === null) return undefined;
  const t = table as { sheet?: unknown; address?: unknown; range?: unknown };
  const address = typeof t.address === "string" ? t.address : typeof t.range === "string" ? t.range : undefined;
  return typeof t.sheet === "string" && address ? { sheet: t.sheet, address } : undefined;
}

function isEmptyPlan(plan: WritePlan): boolean {
  return plan.cells.length === 0 && plan.sheets.length === 0 && !plan.names?.length;
}

async function rescoreInContext<O extends RescoreOutcomeLike>(
  ctx: ExcelContext,
  options: OfficeRescoreOptions<O>,
): Promise<OfficeRescoreOutcome<O>> {
  const support = options.support ?? officeSupport;
  const call: RescoreCallOptions = {};
  if (options.detailSheet !== undefined) call.detailSheet = options.detailSheet;
  if (options.now !== undefined) call.now = options.now;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const fail = (e: unknown, phase: "read" | "write", rest: Partial<OfficeRescoreOutcome<O>> = {}) => {
    // Let the runner see an undo-group refusal so it can retry without the group.
    if (isOfficeError(e) && e.code === "UndoNotSupported") throw e;
    return { errors: [toHostError(e, phase)], written: false, syncs, recordedTable: false, ...rest };
  };

  const wanted = options.contract.contractNames();
  let state: ReadState;
  try {
    const first = queueFirstRead(ctx.workbook, wanted, support);
    await sync();
    state = first.finish();
  } catch (e) {
    return fail(e, "read");
  }

  let outcome: O | undefined;
  if (state.tableName === "valid") outcome = options.contract.rescore(toSnapshot(state), call);
  if (!outcome || outcome.errors.length > 0) {
    // Unknown table, or something unexplained: scan once (sheet-scoped names, user's names).
    const fromErrors = (outcome?.errors ?? []).map((e) => e.source?.name).filter((n): n is string => !!n);
    const lookFor = Array.from(new Set([...missingAtWorkbookLevel(state, wanted), ...fromErrors]));
    try {
      const scan = queueScan(ctx.workbook, state, lookFor, support);
      await sync();
      state = scan.finish();
    } catch (e) {
      return fail(e, "read", { outcome });
    }
    outcome = options.contract.rescore(toSnapshot(state), call);
  }
  const snapshot = toSnapshot(state);
  if (outcome.errors.length > 0) return { outcome, errors: outcome.errors, written: false, syncs, recordedTable: false, snapshot };

  const refusals = checkWritable(outcome.plan, state);
  if (refusals.length > 0) return { outcome, errors: refusals, written: false, syncs, recordedTable: false, snapshot };

  const table = options.recordTable === false ? undefined : tableTarget(outcome.table);
  const record = queueWrite(ctx.workbook, outcome.plan, state, table);
  if (isEmptyPlan(outcome.plan) && !record.addedTableName) {
    return { outcome, errors: [], written: false, syncs, recordedTable: false, snapshot };
  }
  try {
    await sync();
  } catch (e) {
    const failure = fail(e, "write", { outcome, snapshot });
    if (isOfficeError(e) && e.code === "InvalidOperationInCellEditMode") return failure; // nothing ran
    try {
      queueRollback(ctx.workbook, record, state);
      await sync();
    } catch (again) {
      // The rollback replays the write's order: if it stops with the same error, it stopped at
      // the statement that failed before, so everything before it is restored and nothing after
      // it had been applied.
      if (isOfficeError(e) && isOfficeError(again) && again.code === e.code) return { ...failure, syncs };
      const detail = isOfficeError(e) ? `${e.code}：${e.message}` : String(e);
      failure.errors = [hostError("write", officeText.writeFailedNoRollback(detail))];
    }
    failure.syncs = syncs;
    return failure;
  }
  return { outcome, errors: [], written: true, syncs, recordedTable: record.addedTableName, snapshot };
}

/**
 * Rescores the workbook behind `target`: an `Excel.RequestContext`-shaped object (tests, or code
 * already inside `Excel.run`) or a runner such as `officeRunner()`. Never throws: Office errors
 * come back as one host ScoreError with a Chinese message, and nothing is left half-written.
 */
export async function rescoreWorkbook<O extends RescoreOutcomeLike>(
  target: ExcelContext | ExcelRunner,
  options: OfficeRescoreOptions<O>,
): Promise<OfficeRescoreOutcome<O>> {
  try {
    if (typeof target === "function") return await target((ctx) => rescoreInContext(ctx, options));
    return await rescoreInContext(target, options);
  } catch (e) {
    return { errors: [toHostError(e, "read")], written: false, syncs: 0, recordedTable: false };
  }
}
