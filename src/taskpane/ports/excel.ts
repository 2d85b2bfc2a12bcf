/**
 * WorkbookPort over live Excel (Office.js): a thin adapter over the Office host's entry
 * (src/hosts/office), the same functions the ribbon uses. Opening the pane reads batch 1 only
 * (one sync); the bounded scan runs when a view needs it (设置 / 评定, or a first rescoring). After
 * a rescoring or an edit the pane's snapshot is the one the rescoring read, with its plan applied
 * in memory: a click costs what the ribbon costs (2 syncs once the 评分表 is known, 3 on a first
 * run, 1 when nothing changed). The contract comes with the scoring core chunk (model/core.ts), so
 * this module stays in the pane's first, small bundle.
 */
import type { CellRef, PortEdit, PortRescore, ReadOptions, WorkbookPort } from "./port";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import type { RescoreOptions, RescoreOutcome } from "../../workbook/rescore";
import type { ExcelCore } from "../model/core";
import type { ProbeResult, SelfCheckReport } from "../../hosts/office/selfcheck";
import { loadCore } from "../model/load-core";
import {
  applyPlanInExcel,
  officeRunner,
  officeSupport,
  readWorkbook,
  rescoreWorkbook,
  selectCell,
  selectedCell,
  toHostError,
  watchChanges,
  type ApiSupport,
  type ExcelRunner,
  type OfficeRescoreOutcome,
  type OfficeRunner,
} from "../../hosts/office";
import { PortError } from "./errors";

/** Changes Excel reports this long after our own write are the clerk's, not ours. */
const OWN_WRITE_GRACE_MS = 1500;

export class ExcelPort implements WorkbookPort {
  readonly mode = "excel" as const;
  /** Round trips of the last operation (benchmarks and tests read it). */
  lastSyncs = 0;
  private quietUntil = 0;

  constructor(
    private readonly run: OfficeRunner = officeRunner(),
    private readonly support: ApiSupport = officeSupport,
    /** Plain `Excel.run` for reads and selection (no undo group needed). */
    private readonly plain: ExcelRunner = run.withoutUndoGroup ?? run,
    private readonly clock: () => number = Date.now,
    private readonly core: () => Promise<ExcelCore> = () => loadCore().then((c) => c.excel),
  ) {}

  async read(options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    const { contractNames, carriedNames } = await this.core();
    try {
      const r = await readWorkbook(this.plain, contractNames(), options.full === true, carriedNames);
      this.lastSyncs = r.syncs;
      return r.snapshot;
    } catch (e) {
      throw new PortError([toHostError(e, "read")]);
    }
  }

  /** Our own writes raise change events too: they are not the clerk's edits. */
  private async writing<T>(f: () => Promise<T>): Promise<T> {
    this.quietUntil = Infinity;
    try {
      return await f();
    } finally {
      this.quietUntil = this.clock() + OWN_WRITE_GRACE_MS;
    }
  }

  async apply(plan: WritePlan): Promise<void> {
    const { contractNames } = await this.core();
    const r = await this.writing(() => applyPlanInExcel(this.run, plan, contractNames(), this.support));
    this.lastSyncs = r.syncs;
    if (r.errors.length) throw new PortError(r.errors);
  }

  /** A host error (protection, cell-edit mode, a failed write) comes without a contract outcome's errors. */
  private settled<O extends RescoreOutcome>(
    out: OfficeRescoreOutcome<O>,
    withPlan: ExcelCore["withPlan"],
  ): { outcome: O; snapshot: WorkbookSnapshot } {
    this.lastSyncs = out.syncs;
    const host = out.errors.filter((e) => e.code === "host");
    if (!out.outcome || !out.snapshot || host.length) throw new PortError(host.length ? host : out.errors);
    return { outcome: out.outcome, snapshot: out.written ? withPlan(out.snapshot, out.outcome.plan) : out.snapshot };
  }

  /** The ribbon's rescoring (2 syncs once the 评分表 is known), undo record included. */
  async rescore(options: RescoreOptions): Promise<PortRescore> {
    const { contract, withPlan } = await this.core();
    const out = await this.writing(() => rescoreWorkbook(this.run, { contract, support: this.support, ...options }));
    return { ...this.settled(out, withPlan), recalculated: out.recalculated === true };
  }

  /** An edit and its rescoring in one read and one write: the ribbon's path with the edit folded in. */
  async edit(plan: WritePlan, options: RescoreOptions): Promise<PortEdit> {
    const { contractNames, rescoreAfterEdit, withPlan } = await this.core();
    let rescored = false;
    const contract = {
      contractNames: () => contractNames(),
      rescore: (snapshot: WorkbookSnapshot, o?: RescoreOptions) => {
        const r = rescoreAfterEdit(snapshot, plan, { ...options, ...o });
        rescored = r.rescored;
        return { ...r.outcome, plan: r.plan, applyDespiteErrors: true };
      },
    };
    const out = await this.writing(() => rescoreWorkbook(this.run, { contract, support: this.support, ...options }));
    return { ...this.settled(out, withPlan), rescored };
  }

  async watch(onStale: () => void): Promise<() => void> {
    return watchChanges(this.plain, () => {
      if (this.clock() > this.quietUntil) onStale();
    });
  }

  /** 自检 on a scratch sheet (its writes are ours: no stale mark). The probes load on demand. */
  async selfCheck(onProbe?: (p: ProbeResult) => void): Promise<{ report: SelfCheckReport; environment: string }> {
    const { officeEnvironment, runSelfCheck } = await import(
      /* webpackChunkName: "selfcheck" */ "../../hosts/office/selfcheck"
    );
    const report = await this.writing(() =>
      runSelfCheck({ run: this.plain, grouped: this.run, support: this.support, ...(onProbe ? { onProbe } : {}) }),
    );
    return { report, environment: officeEnvironment() };
  }

  async select(ref: CellRef): Promise<void> {
    await selectCell(this.plain, ref);
  }

  async selectedCell(): Promise<CellRef | undefined> {
    return selectedCell(this.plain);
  }
}
