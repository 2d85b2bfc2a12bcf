/**
 * The ribbon command's only UI: a small dialog page (dialog.html) showing a CommandMessage, which
 * can be replaced while the dialog is open (正在等待 Excel → the result).
 *
 * - DialogApi 1.2 (checked at run time; it cannot be required in the manifest): the page says
 *   "ready" through `messageParent`, and every message goes to it through `Dialog.messageChild`.
 * - Without it: the message travels in the URL's query string (within MAX_QUERY_CHARS); a new
 *   message closes the dialog and opens it again with the new one.
 *
 * Excel gives add-ins no toast or notification API (notificationMessages exist only in Outlook), a
 * function command has no UI of its own, and writing a status cell would touch the workbook beyond
 * the contract: hence a dialog. `displayInIframe` keeps Excel on the web from treating it as a pop-up.
 */
import { DIALOG_CLOSE, DIALOG_READY, MESSAGE_PARAM, serialize, toQuery, type CommandMessage } from "./message";

/** The function-command runtime lives at most 5 minutes; the dialog closes well before that. */
export const DIALOG_TIMEOUT_MS = 120_000;
const SIZE = { height: 32, width: 28, displayInIframe: true };

export interface MessageDialog {
  /**
   * Shows another message (the result after 正在等待): in this dialog while it is open (DialogApi
   * 1.2), else in a new one. Resolves to the dialog that shows it.
   */
  show(message: CommandMessage): Promise<MessageDialog>;
  /** Resolves when the user closed it (关闭 or the X), or at the timeout. */
  readonly closed: Promise<void>;
}

export function canMessageChild(): boolean {
  try {
    return Office.context.requirements.isSetSupported("DialogApi", "1.2");
  } catch {
    return false;
  }
}

function pageUrl(message?: CommandMessage): string {
  const url = new URL("dialog.html", window.location.href);
  if (message) url.search = `${MESSAGE_PARAM}=${toQuery(message)}`;
  return url.href;
}

/** Opens the dialog; resolves undefined when Office cannot open it (e.g. another dialog is open, 12007). */
function open(
  url: string,
  onMessage: (text: string, dialog: Office.Dialog) => void,
  onClosed: () => void,
): Promise<Office.Dialog | undefined> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, SIZE, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve(undefined);
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) =>
        onMessage("message" in arg ? String(arg.message) : "", dialog),
      );
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => onClosed());
      resolve(dialog);
    });
  });
}

function closeQuietly(dialog: Office.Dialog | undefined): void {
  try {
    dialog?.close();
  } catch {
    // already closed by the user
  }
}

export async function openMessageDialog(
  first: CommandMessage,
  timeoutMs: number = DIALOG_TIMEOUT_MS,
): Promise<MessageDialog> {
  let done!: () => void;
  const closed = new Promise<void>((r) => (done = r));
  let dialog: Office.Dialog | undefined;
  let finished = false;
  const finish = (close: boolean) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    if (close) closeQuietly(dialog);
    done();
  };
  const timer = setTimeout(() => finish(true), timeoutMs);
  const live = canMessageChild();
  let current = first;
  let ready = false;
  const send = () => {
    try {
      dialog?.messageChild(serialize(current));
    } catch {
      // closed by the user meanwhile
    }
  };
  dialog = await open(
    // With messageChild the page waits for its message; without, the message rides in the URL.
    live ? pageUrl() : pageUrl(first),
    (text, opened) => {
      if (text === DIALOG_READY && live) {
        dialog = opened;
        ready = true;
        send();
      } else if (text === DIALOG_CLOSE) finish(true);
    },
    () => finish(false),
  );
  if (!dialog) finish(false);
  const handle: MessageDialog = {
    closed,
    show: async (m) => {
      if (live && !finished && dialog) {
        current = m;
        if (ready) send();
        return handle;
      }
      finish(true);
      return openMessageDialog(m, timeoutMs);
    },
  };
  return handle;
}
