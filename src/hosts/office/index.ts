/**
 * The Office.js host: the only code that touches Excel's object model. The ribbon command and the
 * task pane both come through here, so reads, writes, refusals, rollbacks and round-trip counts
 * are the same wherever the clerk clicks.
 *
 * - rescoreWorkbook: read → the contract's rescoring → write (2 syncs once the 评分表 is known).
 * - readWorkbook: batch 1, and the bounded scan when a view needs it.
 * - applyPlanInExcel: a pane edit (binding, judged parts, settings, undo) in one write batch.
 * - selectCell / selectedCell: 定位 and 绑定.
 * Errors never escape as Office exceptions: each is one ScoreError with a Chinese message.
 */
import type { ScoreError } from "../../engine/types";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { splitAddress } from "../../workbook/address";
import type { ApiSupport, ExcelContext, ExcelRunner } from "./excelApi";
import { toHostError } from "./errors";
import { missingAtWorkbookLevel, toSnapshot, type ReadState } from "./read";
import { readFirst, readLaterNames, readScan, Syncs, writePlan } from "./session";

export { rescoreWorkbook, officeRunner } from "./rescoreWorkbook";
export type { OfficeRescoreOutcome, OfficeRunner } from "./rescoreWorkbook";
export { officeSupport, REQUIRED_EXCEL_API } from "./support";
export type { ApiSupport, ExcelRunner } from "./excelApi";
export { toHostError } from "./errors";

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  syncs: number;
  mode: ReadState["mode"];
}

/**
 * Batch 1 of the names the contract may need; with `scan`, the bounded scan too; then the cells of
 * `later` names (what the snapshot read so far says it needs: a carried framework's inputs).
 */
export async function readWorkbook(
  run: ExcelRunner,
  wanted: readonly string[],
  scan: boolean,
  later?: (snapshot: WorkbookSnapshot) => string[],
): Promise<ReadResult> {
  return run(async (context: ExcelContext) => {
    const syncs = new Syncs(context);
    let state = await readFirst(context, syncs, wanted);
    if (scan) state = await readScan(context, syncs, state, missingAtWorkbookLevel(state, wanted));
    if (later) await readLaterNames(context, syncs, state, later(toSnapshot(state)));
    return { snapshot: toSnapshot(state), syncs: syncs.count, mode: state.mode };
  });
}

/**
 * Applies a plan (a pane edit) in one write batch after a light read (sheet list and protection,
 * the original content a rollback needs). Errors come back, never thrown.
 */
export async function applyPlanInExcel(
  run: ExcelRunner,
  plan: WritePlan,
  wanted: readonly string[],
  support?: ApiSupport,
): Promise<{ errors: ScoreError[]; syncs: number }> {
  if (!plan.cells.length && !plan.sheets.length && !plan.names?.length) return { errors: [], syncs: 0 };
  try {
    return await run(async (context: ExcelContext) => {
      const syncs = new Syncs(context);
      const state = await readFirst(context, syncs, wanted);
      const w = await writePlan(context, syncs, plan, state, support ? { support } : {});
      return { errors: w.errors, syncs: syncs.count };
    });
  } catch (e) {
    return { errors: [toHostError(e, "write")], syncs: 0 };
  }
}

/**
 * Calls `onChange` whenever a worksheet changes (WorksheetCollection.onChanged, ExcelApi 1.9).
 * Returns a function that removes the handler. Where events are not available, nothing is watched.
 */
export async function watchChanges(run: ExcelRunner, onChange: () => void): Promise<() => void> {
  try {
    const handle = await run(async (context) => {
      // Office wants a handler that returns a promise.
      const h = context.workbook.worksheets.onChanged.add(() => Promise.resolve(onChange()));
      await context.sync();
      return h;
    });
    // Removal needs the RequestContext the handler was added with, not a new Excel.run's.
    return () => {
      handle.remove();
      void handle.context.sync().catch(() => undefined);
    };
  } catch {
    return () => undefined;
  }
}

/** Activates the sheet and selects the cell (定位). */
export async function selectCell(run: ExcelRunner, ref: { sheet: string; address: string }): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(ref.sheet);
    ws.activate();
    ws.getRange(ref.address).select();
    await context.sync();
  });
}

/** The top-left cell of the user's selection. */
export async function selectedCell(run: ExcelRunner): Promise<{ sheet: string; address: string } | undefined> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    const where = splitAddress(range.address);
    return where ? { sheet: where.sheet, address: where.address.split(":")[0] } : undefined;
  });
}
