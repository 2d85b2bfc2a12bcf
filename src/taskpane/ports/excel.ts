/**
 * WorkbookPort over live Excel (Office.js). Thin: the batching, refusals and rollback are the
 * Office host's (src/hosts/office); this only sequences them for the pane.
 *
 * The pane reads with both batches (names + a scan of every used range): its snapshot also backs
 * the undo check and the setup views, which need every sheet, and a pane click is not the
 * ribbon's two-sync fast path. A write re-reads batch 1 first, so protection and the original
 * content used for a rollback are current, then writes in one sync.
 */
import type { CellRef, WorkbookPort } from "../port";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { contractNames } from "../../workbook/rescore";
import type { ApiSupport, ExcelContext, ExcelRunner } from "../../hosts/office/excelApi";
import { missingAtWorkbookLevel, queueFirstRead, queueScan, toSnapshot } from "../../hosts/office/read";
import { checkWritable, queueRollback, queueWrite } from "../../hosts/office/write";
import { officeRunner, officeSupport, rescoreWorkbook } from "../../hosts/office/rescoreWorkbook";
import { defaultContract } from "../../hosts/office/defaultContract";
import type { RescoreOptions, RescoreOutcome } from "../../workbook/rescore";
import { splitAddress } from "../../workbook/address";
import { toHostError } from "../../hosts/office/errors";
import { PortError } from "./errors";

/** What `select` / `selectedCell` need beyond the host's slice of the object model. */
interface SelectionContext {
  workbook: {
    worksheets: { getItem(name: string): { activate(): void; getRange(a: string): { select(): void } } };
    getSelectedRange(): { address: string; load(p: string): unknown };
  };
  sync(): Promise<unknown>;
}

export class ExcelPort implements WorkbookPort {
  readonly mode = "excel" as const;

  constructor(
    private readonly run: ExcelRunner = officeRunner(),
    private readonly support: ApiSupport = officeSupport,
    /** Plain `Excel.run` for selection (no undo group, no cell-edit delay needed). */
    private readonly runSelection: <T>(f: (ctx: SelectionContext) => Promise<T>) => Promise<T> = (f) =>
      Excel.run((ctx) => f(ctx as unknown as SelectionContext)),
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    try {
      return await this.run(async (ctx: ExcelContext) => {
        const wanted = contractNames();
        const first = queueFirstRead(ctx.workbook, wanted, this.support);
        await ctx.sync();
        const state = first.finish();
        const scan = queueScan(ctx.workbook, state, missingAtWorkbookLevel(state, wanted), this.support);
        await ctx.sync();
        return toSnapshot(scan.finish());
      });
    } catch (e) {
      throw new PortError([toHostError(e, "read")]);
    }
  }

  async apply(plan: WritePlan): Promise<void> {
    if (!plan.cells.length && !plan.sheets.length && !plan.names?.length) return;
    let failure: unknown;
    try {
      await this.run(async (ctx: ExcelContext) => {
        const first = queueFirstRead(ctx.workbook, [], this.support);
        await ctx.sync();
        const state = first.finish();
        const refusals = checkWritable(plan, state);
        if (refusals.length) throw new PortError(refusals);
        const record = queueWrite(ctx.workbook, plan, state, undefined, this.support);
        try {
          await ctx.sync();
        } catch (e) {
          failure = e;
          queueRollback(ctx.workbook, record, state);
          await ctx.sync();
        }
      });
    } catch (e) {
      if (e instanceof PortError) throw e;
      failure ??= e;
    }
    if (failure) throw new PortError([toHostError(failure, "write")]);
  }

  /** The ribbon's rescoring (2 syncs once the 评分表 is known), undo record included. */
  async rescore(options: RescoreOptions): Promise<RescoreOutcome> {
    const out = await rescoreWorkbook(this.run, { contract: defaultContract, support: this.support, ...options });
    // A host error (protection, cell-edit mode, a failed write) comes without a contract outcome's errors.
    if (!out.outcome || (out.errors.length > 0 && out.outcome.errors.length === 0)) throw new PortError(out.errors);
    return out.outcome;
  }

  async select(ref: CellRef): Promise<void> {
    await this.runSelection(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(ref.sheet);
      ws.activate();
      ws.getRange(ref.address).select();
      await ctx.sync();
    });
  }

  async selectedCell(): Promise<CellRef | undefined> {
    return this.runSelection(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load("address");
      await ctx.sync();
      const where = splitAddress(range.address);
      return where ? { sheet: where.sheet, address: where.address.split(":")[0] } : undefined;
    });
  }
}
