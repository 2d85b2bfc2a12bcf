/** A port operation that failed with errors the pane can list like any other (Chinese messages). */
import type { ScoreError } from "../../engine/types";

export class PortError extends Error {
  constructor(readonly errors: ScoreError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "PortError";
  }
}

/** The messages of whatever a port threw, for a MessageBar. */
export function messagesOf(e: unknown): string[] {
  if (e instanceof PortError) return e.errors.map((x) => x.message);
  return [e instanceof Error ? e.message : String(e)];
}
