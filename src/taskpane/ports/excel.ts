/**
 * WorkbookPort over live Excel (Office.js): a thin adapter over the Office host's entry
 * (src/hosts/office), the same functions the ribbon uses. Opening the pane reads batch 1 only
 * (one sync); the bounded scan runs when a view needs it (设置 / 评定, or a first rescoring). After
 * a rescoring the pane's snapshot is the one the rescoring read, with its plan applied in memory:
 * a click costs what the ribbon costs (2 syncs once the 评分表 is known, 3 on a first run, 1 when
 * nothing changed).
 */
import type { CellRef, PortRescore, ReadOptions, WorkbookPort } from "../port";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { contractNames, type RescoreOptions } from "../../workbook/rescore";
import { withPlan } from "../../workbook/plan-snapshot";
import {
  applyPlanInExcel,
  officeRunner,
  officeSupport,
  readWorkbook,
  rescoreWorkbook,
  selectCell,
  selectedCell,
  toHostError,
  type ApiSupport,
  type ExcelRunner,
  type OfficeRunner,
} from "../../hosts/office";
import { defaultContract } from "../../hosts/office/defaultContract";
import { PortError } from "./errors";

export class ExcelPort implements WorkbookPort {
  readonly mode = "excel" as const;
  /** Round trips of the last operation (benchmarks and tests read it). */
  lastSyncs = 0;

  constructor(
    private readonly run: OfficeRunner = officeRunner(),
    private readonly support: ApiSupport = officeSupport,
    /** Plain `Excel.run` for reads and selection (no undo group needed). */
    private readonly plain: ExcelRunner = run.withoutUndoGroup ?? run,
  ) {}

  async read(options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    try {
      const r = await readWorkbook(this.plain, contractNames(), options.full === true);
      this.lastSyncs = r.syncs;
      return r.snapshot;
    } catch (e) {
      throw new PortError([toHostError(e, "read")]);
    }
  }

  async apply(plan: WritePlan): Promise<void> {
    const r = await applyPlanInExcel(this.run, plan, contractNames(), this.support);
    this.lastSyncs = r.syncs;
    if (r.errors.length) throw new PortError(r.errors);
  }

  /** The ribbon's rescoring (2 syncs once the 评分表 is known), undo record included. */
  async rescore(options: RescoreOptions): Promise<PortRescore> {
    const out = await rescoreWorkbook(this.run, { contract: defaultContract, support: this.support, ...options });
    this.lastSyncs = out.syncs;
    // A host error (protection, cell-edit mode, a failed write) comes without a contract outcome's errors.
    if (!out.outcome || (out.errors.length > 0 && out.outcome.errors.length === 0)) throw new PortError(out.errors);
    const before = out.snapshot!;
    return { outcome: out.outcome, snapshot: out.written ? withPlan(before, out.outcome.plan) : before, recalculated: out.recalculated === true };
  }

  async select(ref: CellRef): Promise<void> {
    await selectCell(this.plain, ref);
  }

  async selectedCell(): Promise<CellRef | undefined> {
    return selectedCell(this.plain);
  }
}
