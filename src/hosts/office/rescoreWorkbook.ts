/**
 * One rescoring of the live workbook: read → contract `rescore(snapshot)` → write.
 * No scoring logic here: the contract (src/workbook/rescore.ts) decides everything; this module
 * only moves data and counts round trips.
 *
 * Syncs: known 评分表 (a `评分表` defined name) and no errors → 2 (read, write); nothing to write
 * → 1. First run (no 评分表 name) → 3 (read, scan, write); the write records the table as the
 * name. Errors after batch 1 → the scan runs once more (worksheet-scoped names, mapped names), then
 * nothing is written (2 syncs). A plan touching a protected sheet → one lock check more. A write
 * that fails in Excel → one rollback sync.
 */
import type { ScoreError, ScoreResult } from "../../engine/types";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { isOfficeError, toHostError } from "./errors";
import type { ApiSupport, ExcelContext, ExcelRunner } from "./excelApi";
import { missingAtWorkbookLevel, toSnapshot, type ReadState } from "./read";
import { readFirst, readLaterNames, readScan, Syncs, writePlan } from "./session";
import { officeSupport } from "./support";

/** What the host needs of the contract's `rescore` outcome. */
export interface RescoreOutcomeLike {
  result?: ScoreResult | null;
  plan: WritePlan;
  errors: ScoreError[];
  table?: unknown;
  summary?: unknown;
  /** Write the plan even though errors stand (a pane edit whose rescoring still has errors). */
  applyDespiteErrors?: boolean;
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
  /** Which ExcelApi sets beyond the minimum may be used; default asks Office. */
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
  /** Whether Excel was in manual calculation mode and was asked to recalculate. */
  recalculated?: boolean;
  /** The snapshot the contract scored (before the write). */
  snapshot?: WorkbookSnapshot;
  /** Which read path ran (see read.ts). */
  readMode?: ReadState["mode"];
}

/** A runner that may carry the same runner without an undo group (for a retry). */
export type OfficeRunner = ExcelRunner & { withoutUndoGroup?: ExcelRunner; undoGroup?: boolean };

/**
 * The production runner: `Excel.run` with `delayForCellEdit` (the batch waits until the user
 * leaves cell-edit mode instead of failing) and, where ExcelApi 1.20 exists, `mergeUndoGroup` so
 * the rescoring is one undo step. Callers retry with `withoutUndoGroup` when Excel refuses the
 * group (UndoNotSupported, office-js#6491; the web's RichApi error, office-js#6711).
 */
export function officeRunner(support: ApiSupport = officeSupport): OfficeRunner {
  const plain: ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) =>
    Excel.run({ delayForCellEdit: true }, (context) => batch(context));
  if (!support("1.20")) return plain;
  const grouped: OfficeRunner = <T>(batch: (context: ExcelContext) => Promise<T>) =>
    Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, (context) => batch(context));
  grouped.withoutUndoGroup = plain;
  grouped.undoGroup = true;
  return grouped;
}

function tableTarget(table: unknown): { sheet: string; address: string } | undefined {
  if (typeof table !== "object" || table === null) return undefined;
  const t = table as { sheet?: unknown; address?: unknown };
  return typeof t.sheet === "string" && typeof t.address === "string"
    ? { sheet: t.sheet, address: t.address }
    : undefined;
}

type InContext<O extends RescoreOutcomeLike> = OfficeRescoreOutcome<O> & { retry?: "undoGroup" };

async function rescoreInContext<O extends RescoreOutcomeLike>(
  context: ExcelContext,
  options: OfficeRescoreOptions<O>,
): Promise<InContext<O>> {
  const syncs = new Syncs(context);
  const call: RescoreCallOptions = {};
  if (options.detailSheet !== undefined) call.detailSheet = options.detailSheet;
  if (options.now !== undefined) call.now = options.now;
  const failed = (e: unknown, rest: Partial<OfficeRescoreOutcome<O>> = {}): InContext<O> => ({
    errors: [toHostError(e, "read")],
    written: false,
    syncs: syncs.count,
    recordedTable: false,
    ...rest,
  });

  const wanted = options.contract.contractNames();
  let state: ReadState;
  try {
    state = await readFirst(context, syncs, wanted);
  } catch (e) {
    // Nothing was written: a refused undo group is retried without it by the caller.
    if (isOfficeError(e) && e.code !== "InvalidOperationInCellEditMode") return { ...failed(e), retry: "undoGroup" };
    return failed(e);
  }

  let outcome: O | undefined;
  if (state.tableName === "valid") outcome = options.contract.rescore(toSnapshot(state), call);
  if (!outcome || outcome.errors.length > 0) {
    // Unknown table, or something unexplained: scan once (sheet-scoped names, the user's names).
    const fromErrors = (outcome?.errors ?? []).map((e) => e.source?.name).filter((n): n is string => !!n);
    const lookFor = Array.from(new Set([...missingAtWorkbookLevel(state, wanted), ...fromErrors]));
    try {
      state = await readScan(context, syncs, state, lookFor);
    } catch (e) {
      return failed(e, outcome ? { outcome } : {});
    }
    outcome = options.contract.rescore(toSnapshot(state), call);
  }
  // Names the contract needed that no read asked for (a carried framework's own inputs).
  const later = outcome.errors.map((e) => e.source?.name).filter((n): n is string => !!n);
  try {
    if (await readLaterNames(context, syncs, state, later)) outcome = options.contract.rescore(toSnapshot(state), call);
  } catch (e) {
    return failed(e, { outcome });
  }
  const snapshot = toSnapshot(state);
  const base = { outcome, syncs: 0, recordedTable: false, snapshot, readMode: state.mode };
  if (outcome.errors.length > 0 && !outcome.applyDespiteErrors)
    return { ...base, errors: outcome.errors, written: false, syncs: syncs.count };

  const table = options.recordTable === false || outcome.errors.length > 0 ? undefined : tableTarget(outcome.table);
  const w = await writePlan(context, syncs, outcome.plan, state, {
    ...(table ? { recordTable: table } : {}),
    ...(options.support ? { support: options.support } : {}),
  });
  const out: InContext<O> = {
    ...base,
    errors: w.errors.length ? w.errors : outcome.errors,
    written: w.written,
    syncs: syncs.count,
    recordedTable: w.written && !!w.record?.addedTableName,
    recalculated: w.written && !!w.record?.recalculated,
  };
  if (w.retryWithoutUndoGroup) out.retry = "undoGroup";
  return out;
}

/**
 * Rescores the workbook behind `target`: an `Excel.RequestContext`-shaped object (tests, or code
 * already inside `Excel.run`) or a runner such as `officeRunner()`. Never throws: Office errors
 * come back as one host ScoreError with a Chinese message, and nothing is left half-written.
 */
export async function rescoreWorkbook<O extends RescoreOutcomeLike>(
  target: ExcelContext | OfficeRunner,
  options: OfficeRescoreOptions<O>,
): Promise<OfficeRescoreOutcome<O>> {
  try {
    if (typeof target !== "function") return strip(await rescoreInContext(target, options));
    const first = await target((context) => rescoreInContext(context, options));
    if (first.retry === "undoGroup" && target.withoutUndoGroup) {
      const again = await target.withoutUndoGroup((context) => rescoreInContext(context, options));
      return strip({ ...again, syncs: first.syncs + again.syncs });
    }
    return strip(first);
  } catch (e) {
    return { errors: [toHostError(e, "read")], written: false, syncs: 0, recordedTable: false };
  }
}

function strip<O extends RescoreOutcomeLike>(r: InContext<O>): OfficeRescoreOutcome<O> {
  const { retry: _retry, ...rest } = r;
  return rest;
}
