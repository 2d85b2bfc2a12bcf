/**
 * What the task pane needs from a workbook, whichever host holds it: live Excel (Office.js) or,
 * in preview mode outside Office, an .xlsx file held in memory. The pane's views call only this.
 */
import type { WorkbookSnapshot, WritePlan } from "../workbook/snapshot";
import type { RescoreOptions, RescoreOutcome } from "../workbook/rescore";
import { rescoreAfterEdit, rescoreWithUndo } from "../workbook/undo";

export interface ReadOptions {
  /**
   * Read everything the setup views may need (Excel: the bounded scan of every sheet, sheet-scoped
   * and mapped names); default: what scoring needs.
   */
  full?: boolean;
}

/** A rescoring's outcome and the workbook as it is afterwards. */
export interface PortRescore {
  outcome: RescoreOutcome;
  snapshot: WorkbookSnapshot;
  /** Excel was in manual calculation mode and recalculated. */
  recalculated?: boolean;
}

export interface CellRef {
  sheet: string;
  /** A1 address without sheet. */
  address: string;
}

export interface WorkbookPort {
  readonly mode: "excel" | "preview";
  /** One batched read of everything the contract needs. */
  read(options?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Apply a plan all-or-nothing (cells, whole sheets, names). */
  apply(plan: WritePlan): Promise<void>;
  /** Select a cell in the workbook (定位); preview mode highlights it in its own grid view. */
  select(ref: CellRef): Promise<void>;
  /** The cell the user has selected (for 绑定); undefined when none can be known. */
  selectedCell(): Promise<CellRef | undefined>;
  /** Preview mode only: the current bytes of the workbook, for download. */
  bytes?(): Uint8Array;
  /**
   * A whole rescoring in the host's fastest way (Excel: the ribbon's own read → score → write, two
   * syncs once the 评分表 is known). Absent: read, score and apply through the methods above.
   */
  rescore?(options: RescoreOptions): Promise<PortRescore>;
  /** An edit and its rescoring in the host's fastest way (Excel: one read, one write). */
  edit?(plan: WritePlan, options: RescoreOptions): Promise<PortEdit>;
  /**
   * Calls `onStale` when the workbook changes outside the pane (a clerk typing into an input
   * cell), so the shown result can be marked out of date. Returns the unsubscribe function.
   */
  watch?(onStale: () => void): Promise<() => void>;
}

/** An edit's outcome: the rescoring, and whether it was written with the edit. */
export interface PortEdit extends PortRescore {
  rescored: boolean;
}

/** One rescoring through a port; the plan records undo and is applied only when no error stands. */
export async function rescoreThrough(port: WorkbookPort, options: RescoreOptions): Promise<PortRescore> {
  if (port.rescore) return port.rescore(options);
  const out = rescoreWithUndo(await port.read(), options);
  if (out.errors.length === 0) await port.apply(out.plan);
  return { outcome: out, snapshot: await port.read() };
}

/** An edit made in the pane, then its rescoring, written as one plan (see rescoreAfterEdit). */
export async function editThrough(port: WorkbookPort, plan: WritePlan, options: RescoreOptions): Promise<PortEdit> {
  if (port.edit) return port.edit(plan, options);
  const r = rescoreAfterEdit(await port.read(), plan, options);
  await port.apply(r.plan);
  return { outcome: r.outcome, snapshot: await port.read(), rescored: r.rescored };
}
