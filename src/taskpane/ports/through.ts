/**
 * A rescoring, or an edit with its rescoring, through any port: the host's own fast path when it
 * has one (Excel: the ribbon's read → score → write), else read, score with the contract, apply.
 * Part of the scoring core chunk (it runs the contract).
 */
import type { WritePlan } from "../../workbook/snapshot";
import type { RescoreOptions } from "../../workbook/rescore";
import { rescoreAfterEdit, rescoreWithUndo } from "../../workbook/undo";
import type { PortEdit, PortRescore, WorkbookPort } from "./port";

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
