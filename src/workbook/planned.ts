/**
 * What every planner of a pane edit returns: a plan to write, or why there is none (a Chinese
 * message for the clerk). `Extra` carries what a planner knows besides the plan (undo: how many
 * cells go back).
 */
import type { WritePlan } from "./snapshot";

export type Planned<Extra extends object = object> =
  ({ ok: true; plan: WritePlan } & Extra) | { ok: false; message: string };

export function refused(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
