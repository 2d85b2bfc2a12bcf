/**
 * What the task pane needs from a workbook, whichever host holds it: live Excel (Office.js) or,
 * in preview mode outside Office, an .xlsx file held in memory. The pane's views call only this.
 * Types only: the eager bundle imports it without the scoring core.
 */
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import type { RescoreOptions, RescoreOutcome } from "../../workbook/rescore";
import type { ProbeResult, SelfCheckReport } from "../../hosts/office/selfcheck";

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
  /** A host that holds the workbook in memory (preview mode) answers at once: the pane mounts ready. */
  readNow?(): WorkbookSnapshot;
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
  /** Excel only: 自检, the probes of every Office.js behaviour the host relies on, and which Excel ran them. */
  selfCheck?(onProbe?: (p: ProbeResult) => void): Promise<{ report: SelfCheckReport; environment: string }>;
}

/** An edit's outcome: the rescoring, and whether it was written with the edit. */
export interface PortEdit extends PortRescore {
  rescored: boolean;
}
