/**
 * The ribbon's FunctionFile: 重新评分 runs a whole rescoring without the task pane, then shows the
 * outcome in a small dialog (message-dialog.ts).
 *
 * Excel holds the rescoring's batches while the clerk is editing a cell (`delayForCellEdit`); when
 * no answer has come after WAIT_NOTICE_MS the dialog opens at once saying so, and shows the result
 * when Excel lets the rescoring run.
 */
import { defaultContract } from "../hosts/office/defaultContract";
import { officeRunner, officeSupport, REQUIRED_EXCEL_API, rescoreWorkbook, toHostError } from "../hosts/office";
import boot from "../text/boot.json";
import { failureMessage, messageFor, waitingMessage, type CommandMessage } from "./message";
import { openMessageDialog } from "./message-dialog";

/** After this long without Excel's answer, say why (most likely a cell is being edited). */
export const WAIT_NOTICE_MS = 1500;

async function rescoreMessage(): Promise<CommandMessage> {
  try {
    if (!officeSupport(REQUIRED_EXCEL_API))
      return { ok: false, title: boot.unsupportedTitle, lines: [boot.unsupported] };
    return messageFor(await rescoreWorkbook(officeRunner(), { contract: defaultContract }));
  } catch (e) {
    return failureMessage([toHostError(e, "read")]);
  }
}

let running = false;

export async function rescore(event: Office.AddinCommands.Event): Promise<void> {
  // Excel queues clicks until completed() is called, but guard anyway against re-entry.
  const mine = !running;
  try {
    if (!mine) return;
    running = true;
    const work = rescoreMessage();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const early = await Promise.race([
      work,
      new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), WAIT_NOTICE_MS))),
    ]);
    clearTimeout(timer);
    if (early) {
      await (
        await openMessageDialog(early)
      ).closed;
    } else {
      const waiting = await openMessageDialog(waitingMessage());
      const shown = await waiting.show(await work);
      await shown.closed;
    }
  } catch {
    // Nothing else can be shown; completed() below still runs.
  } finally {
    if (mine) running = false;
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => undefined);
  // Office ignores what the function returns (completion is event.completed()); passing the async
  // function itself is Microsoft's documented pattern, and lets a caller await the whole run.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  Office.actions.associate("rescore", rescore);
}
