/**
 * The short message shown after a ribbon rescoring, as plain data (so the same text can be tested,
 * put into the dialog URL, and shown by the pane).
 */
import type { ScoreError } from "../engine/types";
import type { OfficeRescoreOutcome, RescoreOutcomeLike } from "../hosts/office/rescoreWorkbook";
import { officeText } from "../text/office";

export interface CommandMessage {
  ok: boolean;
  title: string;
  lines: string[];
}

const MAX_ERRORS = 3;

function changeCount(changes: unknown): number | undefined {
  if (Array.isArray(changes)) return changes.length;
  if (typeof changes === "number") return changes;
  return undefined;
}

export function successMessage(out: OfficeRescoreOutcome<RescoreOutcomeLike>): CommandMessage {
  const lines: string[] = [];
  const o = out.outcome;
  if (typeof o?.summary === "string" && o.summary) lines.push(o.summary);
  else {
    const n = changeCount(o?.changes);
    if (n !== undefined) lines.push(n === 0 ? officeText.noChanges : officeText.changesLine(n));
    const total = o?.result?.total;
    if (total !== null && total !== undefined) lines.push(officeText.totalLine(total.toFixed(2), o?.result?.grade ?? ""));
  }
  return { ok: true, title: officeText.resultOk, lines };
}

export function failureMessage(errors: readonly ScoreError[]): CommandMessage {
  const lines = errors.slice(0, MAX_ERRORS).map((e) => e.message);
  if (errors.length > MAX_ERRORS) lines.push(officeText.moreErrors(errors.length - MAX_ERRORS));
  lines.push(officeText.openPaneHint);
  return { ok: false, title: officeText.resultFailed, lines };
}

export function messageFor(out: OfficeRescoreOutcome<RescoreOutcomeLike>): CommandMessage {
  return out.errors.length > 0 ? failureMessage(out.errors) : successMessage(out);
}

/** URL fragment carrying the message to the dialog page (never sent to the server). */
export function encodeMessage(m: CommandMessage): string {
  return encodeURIComponent(JSON.stringify(m));
}

export function decodeMessage(hash: string): CommandMessage | undefined {
  try {
    const m = JSON.parse(decodeURIComponent(hash.replace(/^#/, ""))) as CommandMessage;
    return typeof m.title === "string" && Array.isArray(m.lines) ? m : undefined;
  } catch {
    return undefined;
  }
}
