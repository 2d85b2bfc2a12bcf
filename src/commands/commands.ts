/**
 * The ribbon's FunctionFile: 重新评分 runs a whole rescoring without the task pane.
 *
 * Feedback goes through `Office.context.ui.displayDialogAsync` with a small bundled page
 * (dialog.html) and the message in the URL fragment. Why a dialog: Excel gives add-ins no toast
 * or notification API (notificationMessages exist only in Outlook), a function command has no UI
 * of its own, and writing a status cell would touch the workbook beyond the contract. The Dialog
 * API (DialogApi 1.1) works on Windows, Mac and the web; `displayInIframe` keeps Excel on the web
 * from treating it as a pop-up.
 */
import { defaultContract } from "../hosts/office/defaultContract";
import { officeRunner, officeSupport, REQUIRED_EXCEL_API, rescoreWorkbook } from "../hosts/office/rescoreWorkbook";
import boot from "../text/boot.json";
import { toHostError } from "../hosts/office/errors";
import { encodeMessage, failureMessage, messageFor, type CommandMessage } from "./message";

/** The function-command runtime lives at most 5 minutes; close the dialog well before that. */
const DIALOG_TIMEOUT_MS = 120_000;

function showDialog(message: CommandMessage): Promise<void> {
  return new Promise((resolve) => {
    const url = `${new URL("dialog.html", window.location.href).href}#${encodeMessage(message)}`;
    Office.context.ui.displayDialogAsync(url, { height: 32, width: 28, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        resolve(); // e.g. a dialog is already open (12007): nothing more we can show
        return;
      }
      const dialog = res.value;
      let finished = false;
      const finish = (close: boolean) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (close) {
          try {
            dialog.close();
          } catch {
            // already closed by the user
          }
        }
        resolve();
      };
      const timer = setTimeout(() => finish(true), DIALOG_TIMEOUT_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
    });
  });
}

let running = false;

export async function rescore(event: Office.AddinCommands.Event): Promise<void> {
  // Excel queues clicks until completed() is called, but guard anyway against re-entry.
  const mine = !running;
  try {
    if (!mine) return;
    running = true;
    let message: CommandMessage;
    try {
      if (!officeSupport(REQUIRED_EXCEL_API)) {
        message = { ok: false, title: boot.unsupportedTitle, lines: [boot.unsupported] };
      } else {
        const out = await rescoreWorkbook(officeRunner(), { contract: defaultContract });
        message = messageFor(out);
      }
    } catch (e) {
      message = failureMessage([toHostError(e, "read")]);
    }
    await showDialog(message);
  } catch {
    // Nothing else can be shown; completed() below still runs.
  } finally {
    if (mine) running = false;
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
  Office.actions.associate("rescore", rescore);
}
