/** The ribbon command's message dialog: shows the message from the URL fragment; 关闭 tells the parent. */
import { officeText } from "../text/office";
import { decodeMessage } from "./message";

function render(): void {
  const m = decodeMessage(window.location.hash);
  const title = document.getElementById("title")!;
  const lines = document.getElementById("lines")!;
  const close = document.getElementById("close") as HTMLButtonElement;
  document.title = officeText.dialogTitle;
  title.textContent = m?.title ?? officeText.dialogTitle;
  title.className = m?.ok ? "ok" : "fail";
  for (const line of m?.lines ?? []) {
    const li = document.createElement("li");
    li.textContent = line; // text, never HTML: messages quote workbook content
    lines.appendChild(li);
  }
  close.textContent = officeText.close;
  close.onclick = () => {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
    else window.close();
  };
}

render();
if (typeof Office !== "undefined") Office.onReady(() => undefined);
