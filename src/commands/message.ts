/**
 * The short message shown after a ribbon rescoring, as plain data (so the same text can be tested,
 * sent to the dialog, and shown by the pane), and how it travels to the dialog page: through
 * `Dialog.messageChild` where DialogApi 1.2 exists, else in the dialog URL's query string (both
 * documented: "Pass data to a dialog box"), kept within a length every host accepts.
 */
import type { ScoreError } from "../engine/types";
import type { OfficeRescoreOutcome, RescoreOutcomeLike } from "../hosts/office/rescoreWorkbook";
import { officeText } from "../text/office";
import { showScore } from "../text/numbers";

export interface CommandMessage {
  ok: boolean;
  title: string;
  lines: string[];
  /** Still working (Excel holds the batch): the dialog shows no 关闭 result yet. */
  waiting?: boolean;
}

const MAX_ERRORS = 3;

/** Query parameter carrying the message (fallback without DialogApi 1.2). */
export const MESSAGE_PARAM = "m";
/**
 * Longest encoded message put in a URL. Chinese text is 9 characters per character once encoded;
 * 1,500 leaves the whole URL (with Office's own `_host_Info`) far below the 2,048 that the oldest
 * hosts and proxies accept.
 */
export const MAX_QUERY_CHARS = 1500;

/** What the dialog page tells its parent. */
export const DIALOG_READY = "ready";
export const DIALOG_CLOSE = "close";

export function successMessage(out: OfficeRescoreOutcome<RescoreOutcomeLike>): CommandMessage {
  const lines: string[] = [];
  const o = out.outcome;
  if (typeof o?.summary === "string" && o.summary) lines.push(o.summary);
  else {
    const total = o?.result?.total;
    if (total !== null && total !== undefined)
      lines.push(officeText.totalLine(showScore(total), o?.result?.grade ?? ""));
  }
  if (out.recalculated) lines.push(officeText.recalculated);
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

/** Shown while Excel holds the rescoring (most likely a cell is being edited). */
export function waitingMessage(): CommandMessage {
  return { ok: true, waiting: true, title: officeText.waitingTitle, lines: [officeText.waitingCellEdit] };
}

export function serialize(m: CommandMessage): string {
  return JSON.stringify(m);
}

export function parse(text: string | null | undefined): CommandMessage | undefined {
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as CommandMessage;
    return typeof m.title === "string" && Array.isArray(m.lines) && m.lines.every((l) => typeof l === "string")
      ? m
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The message as a query string value no longer than MAX_QUERY_CHARS: lines are shortened from the
 * longest (an error message quoting workbook text) until it fits, the last line (what to do) kept.
 */
export function toQuery(m: CommandMessage): string {
  const encode = (x: CommandMessage) => encodeURIComponent(serialize(x));
  const lines = [...m.lines];
  let out = encode(m);
  while (out.length > MAX_QUERY_CHARS) {
    const cut = lines.slice(0, -1).reduce((best, l, i) => (l.length > lines[best].length ? i : best), 0);
    const line = lines[cut];
    if (line.length <= 8) lines.splice(cut, 1);
    else
      lines[cut] = `${Array.from(line)
        .slice(0, Math.floor(Array.from(line).length * 0.7))
        .join("")}…`;
    out = encode({ ...m, lines });
    if (lines.length === 0) break;
  }
  return out;
}

/** The message in a dialog URL's query string (`?m=...`), if any. */
export function fromQuery(search: string): CommandMessage | undefined {
  return parse(new URLSearchParams(search).get(MESSAGE_PARAM));
}
