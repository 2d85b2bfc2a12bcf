/**
 * What the task pane needs from a workbook, whichever host holds it: live Excel (Office.js) or,
 * in preview mode outside Office, an .xlsx file held in memory. The pane's views call only this.
 */
import type { WorkbookSnapshot, WritePlan } from "../workbook/snapshot";

export interface CellRef {
  sheet: string;
  /** A1 address without sheet. */
  address: string;
}

export interface WorkbookPort {
  readonly mode: "excel" | "preview";
  /** One batched read of everything the contract needs. */
  read(): Promise<WorkbookSnapshot>;
  /** Apply a plan all-or-nothing (cells, whole sheets, names). */
  apply(plan: WritePlan): Promise<void>;
  /** Select a cell in the workbook (定位); preview mode highlights it in its own grid view. */
  select(ref: CellRef): Promise<void>;
  /** The cell the user has selected (for 绑定); undefined when none can be known. */
  selectedCell(): Promise<CellRef | undefined>;
  /** Preview mode only: the current bytes of the workbook, for download. */
  bytes?(): Uint8Array;
}
