/**
 * Copying text from the pane. Office's webviews may refuse the async Clipboard API (no
 * clipboard-write permission, or an older WebView), so the textarea + execCommand path stays as
 * the fallback; every copy button in the pane goes through here.
 */
/** Clipboard API where allowed; the old execCommand path for webviews that refuse it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea path
  }
  try {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand?.("copy") ?? false;
    area.remove();
    return ok;
  } catch {
    return false;
  }
}
