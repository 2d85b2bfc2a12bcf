/**
 * The ribbon command's message dialog. The message comes from the parent through `messageChild`
 * (DialogApi 1.2: the page says "ready" and waits for it) or in the URL's query string; it may be
 * replaced while the dialog is open (正在等待 Excel → the result). 关闭 tells the parent.
 */
import { officeText } from "../text/office";
import { DIALOG_CLOSE, DIALOG_READY, fromQuery, parse, type CommandMessage } from "./message";

function tellParent(text: string): boolean {
  try {
    if (typeof Office === "undefined" || !Office.context?.ui?.messageParent) return false;
    Office.context.ui.messageParent(text);
    return true;
  } catch {
    return false;
  }
}

export function render(m: CommandMessage | undefined): void {
  const title = document.getElementById("title")!;
  const lines = document.getElementById("lines")!;
  const close = document.getElementById("close") as HTMLButtonElement;
  document.title = officeText.dialogTitle;
  title.textContent = m?.title ?? officeText.dialogTitle;
  title.className = !m || m.waiting ? "" : m.ok ? "ok" : "fail";
  lines.replaceChildren(
    ...(m?.lines ?? []).map((line) => {
      const li = document.createElement("li");
      li.textContent = line; // text, never HTML: messages quote workbook content
      return li;
    }),
  );
  close.textContent = officeText.close;
  close.onclick = () => {
    if (!tellParent(DIALOG_CLOSE)) window.close();
  };
}

export function start(): void {
  render(fromQuery(window.location.search));
  if (typeof Office === "undefined") return;
  void Office.onReady(() => {
    // "ready" only once the handler is registered, so the parent's first message is not lost.
    try {
      Office.context.ui.addHandlerAsync(
        Office.EventType.DialogParentMessageReceived,
        (arg: { message: string }) => {
          const m = parse(arg.message);
          if (m) render(m);
        },
        () => tellParent(DIALOG_READY),
      );
    } catch {
      // DialogApi 1.1 only: the message came in the URL
      tellParent(DIALOG_READY);
    }
  });
}

start();
