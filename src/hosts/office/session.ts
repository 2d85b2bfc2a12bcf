/**
 * The Office host's two moves inside one `Excel.run`: read (batch 1, and the scan when asked) and
 * write (one sync, a lock check first only for protected sheets, a rollback sync only when Excel
 * fails half-way). The ribbon's rescoring and every pane action go through these, so they count
 * syncs, refuse and roll back the same way.
 */
import type { ScoreError } from "../../engine/types";
import type { WritePlan } from "../../workbook/snapshot";
import { officeText } from "../../text/office";
import { hostError, isOfficeError, toHostError } from "./errors";
import type { ApiSupport, ExcelContext } from "./excelApi";
import {
  documentedListRequests,
  documentedRangeRequests,
  documentedUsedRequests,
  documentedWindowRequests,
  emptyState,
  firstReadRequests,
  forScan,
  laterNameRequests,
  PayloadTooLarge,
  runRequests,
  scanRequests,
  type ReadState,
} from "./read";
import {
  cellsToCheck,
  checkWritable,
  queueLockCheck,
  queueRollback,
  queueWrite,
  writtenCells,
  type WriteRecord,
} from "./write";

/** Counts round trips of one context. */
export class Syncs {
  count = 0;
  constructor(private readonly context: ExcelContext) {}
  readonly sync = async (): Promise<void> => {
    this.count++;
    await this.context.sync();
  };
}

/** Errors that mean "Excel cannot do this now", not "this client reads differently": no fallback. */
function isFinal(e: unknown): boolean {
  return isOfficeError(e) && ["InvalidOperationInCellEditMode", "UndoNotSupported"].includes(e.code);
}

/** Batch 1: speculative; on an unexpected refusal, the documented two-step read. */
export async function readFirst(context: ExcelContext, syncs: Syncs, wanted: readonly string[]): Promise<ReadState> {
  const state = emptyState("speculative");
  try {
    await runRequests(context.workbook, syncs.sync, firstReadRequests(wanted), state);
    return state;
  } catch (e) {
    if (isFinal(e) || e instanceof PayloadTooLarge) throw e;
  }
  const doc = emptyState("documented");
  await runRequests(context.workbook, syncs.sync, documentedListRequests(), doc);
  await runRequests(context.workbook, syncs.sync, documentedRangeRequests(doc, wanted), doc);
  if (doc.pendingWindows?.length) await runRequests(context.workbook, syncs.sync, documentedWindowRequests(doc), doc);
  return doc;
}

/** Batch 2, the bounded scan over a state from batch 1 (see read.ts). */
export async function readScan(
  context: ExcelContext,
  syncs: Syncs,
  state: ReadState,
  lookFor: readonly string[],
): Promise<ReadState> {
  const next = forScan(state);
  if (state.mode === "documented") {
    // Used ranges of the sheets, and the cells of names asked for beyond batch 1's (the inputs of
    // a framework the workbook carries), in one sync; then the windows' values.
    await runRequests(
      context.workbook,
      syncs.sync,
      [...documentedUsedRequests(next), ...laterNameRequests(next, lookFor)],
      next,
    );
    await runRequests(context.workbook, syncs.sync, documentedWindowRequests(next), next);
    return next;
  }
  try {
    await runRequests(context.workbook, syncs.sync, scanRequests(next, lookFor), next);
  } catch (e) {
    if (!isOfficeError(e) || isFinal(e)) throw e;
    // Excel for Mac refuses worksheet.names while another workbook is in front (office-js#6365):
    // scan again without the sheets' own names.
    const retry = forScan(state);
    await runRequests(context.workbook, syncs.sync, scanRequests(retry, lookFor, false), retry);
    return retry;
  }
  return next;
}

export interface WriteOutcome {
  written: boolean;
  errors: ScoreError[];
  record?: WriteRecord;
  /** Excel refused the undo group after part of the write ran; rolled back, to retry without the group. */
  retryWithoutUndoGroup?: boolean;
}

function isEmptyPlan(plan: WritePlan): boolean {
  return writtenCells(plan).length === 0 && plan.sheets.length === 0 && !plan.names?.length;
}

/**
 * Writes a plan in one sync (plus a lock check on protected sheets first, and a rollback sync on
 * failure). Never throws for Office errors: they come back as one host error in Chinese.
 */
export async function writePlan(
  context: ExcelContext,
  syncs: Syncs,
  plan: WritePlan,
  state: ReadState,
  options: { recordTable?: { sheet: string; address: string }; support?: ApiSupport } = {},
): Promise<WriteOutcome> {
  const refusals = checkWritable(plan, state);
  if (refusals.length) return { written: false, errors: refusals };
  const toCheck = cellsToCheck(plan, state);
  if (toCheck.length) {
    const check = queueLockCheck(context.workbook, toCheck);
    try {
      await syncs.sync();
    } catch (e) {
      return { written: false, errors: [toHostError(e, "read")] };
    }
    const locked = check.finish();
    if (locked.length) return { written: false, errors: locked };
  }
  const record = queueWrite(context.workbook, plan, state, options);
  if (isEmptyPlan(plan) && !record.addedTableName) return { written: false, errors: [], record };
  try {
    await syncs.sync();
    return { written: true, errors: [], record };
  } catch (e) {
    if (isOfficeError(e) && e.code === "InvalidOperationInCellEditMode")
      return { written: false, errors: [toHostError(e, "read")] }; // nothing ran
    const undoGroup = isOfficeError(e) && e.code === "UndoNotSupported";
    try {
      queueRollback(context.workbook, record, state);
      await syncs.sync();
    } catch (again) {
      // The rollback replays the write's order: stopping with the same error means it stopped at
      // the statement that failed before, so what ran before it is restored.
      if (!(isOfficeError(e) && isOfficeError(again) && again.code === e.code)) {
        const detail = isOfficeError(e) ? `${e.code}：${e.message}` : String(e);
        return { written: false, errors: [hostError("write", officeText.writeFailedNoRollback(detail))], record };
      }
    }
    if (undoGroup) return { written: false, errors: [toHostError(e, "write")], record, retryWithoutUndoGroup: true };
    return { written: false, errors: [toHostError(e, "write")], record };
  }
}

/**
 * The cells of names the contract's errors point at that the reads so far left unread (a framework
 * the workbook carries names inputs beyond the built-in ones): one more sync, only then.
 */
export async function readLaterNames(
  context: ExcelContext,
  syncs: Syncs,
  state: ReadState,
  names: readonly string[],
): Promise<boolean> {
  const requests = laterNameRequests(state, names);
  if (!requests.length) return false;
  await runRequests(context.workbook, syncs.sync, requests, state);
  return true;
}
