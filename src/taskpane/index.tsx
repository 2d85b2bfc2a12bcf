/**
 * Task pane entry. Where the page runs decides what it shows:
 *
 * - Inside Office (the URL carries Office's `_host_Info`): the pane waits for `Office.onReady` as
 *   long as it takes, showing how long it has waited (starts of 10 s and more are documented,
 *   office-js#3330, #1317, #739), and renders the real workbook when it comes; if office.js could
 *   not load, it says so in Chinese.
 * - In a plain browser: preview mode over the bundled samples (office.js absent or without a host
 *   is normal there, nothing to alarm anyone about). Should an `onReady` with Excel still arrive
 *   after preview started, the pane switches to the real workbook.
 * taskpane.html has a static fallback for when this bundle cannot run at all, and an ES5 check
 * that names the old webview (Internet Explorer, legacy Edge) this bundle cannot run in.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { App } from "./App";
import { ExcelPort } from "./ports/excel";
import { officeSupport, REQUIRED_EXCEL_API } from "../hosts/office/rescoreWorkbook";
import { paneText } from "../text/pane";

/** In a plain browser, how long to wait for a host before settling into preview mode. */
const BROWSER_WAIT_MS = 3000;

declare global {
  interface Window {
    __peBooted?: boolean;
  }
}

/** Office loads add-in pages with `_host_Info` in the URL (e.g. Excel$Win32$16.01$zh-CN$…). */
export function insideOffice(search: string = window.location.search): boolean {
  return /[?&]_host_Info=/i.test(search);
}

/** Office's theme is dark when its body background is dark. */
function isDark(): boolean {
  try {
    const hex = Office.context.officeTheme?.bodyBackgroundColor?.replace("#", "");
    if (!hex || hex.length < 6) return false;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  } catch {
    return false;
  }
}

/** Shown while Office has not answered yet: a spinner and how long it has been. */
function Waiting() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(t);
  }, []);
  const t = paneText.boot;
  return (
    <div style={{ padding: 16 }}>
      <Spinner size="small" label={t.waiting(seconds)} />
      {seconds >= 8 && (
        <MessageBar intent="info" layout="multiline" style={{ marginTop: 12 }}>
          <MessageBarBody>{t.waitingLong}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function boot(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  let excel = false;
  let previewing = false;
  const render = (node: JSX.Element, dark = false) => {
    window.__peBooted = true;
    document.getElementById("pe-boot-fallback")?.setAttribute("hidden", "");
    root.render(<FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{node}</FluentProvider>);
  };
  const failure = (text: string, title: string = paneText.boot.officeMissingTitle) =>
    render(
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>,
    );
  // Preview mode over an .xlsx in memory. Loaded on demand so the add-in's own bundle does not
  // carry the .xlsx host.
  const preview = () => {
    if (excel || previewing) return;
    previewing = true;
    // The first sample is fetched while the chunk loads (the two would otherwise run one after the other).
    const first = fetch(`samples/${encodeURIComponent(paneText.preview.samples[0].file)}`).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    first.catch(() => undefined); // reported by the preview when it awaits it
    import(/* webpackChunkName: "preview" */ "./preview/PreviewApp").then(
      ({ PreviewApp }) => {
        if (!excel) render(<PreviewApp first={first} />, window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false);
      },
      () => failure(paneText.boot.notInExcel),
    );
  };

  const office = insideOffice();
  if (typeof Office === "undefined") {
    if (office) failure(paneText.boot.officeMissing);
    else preview();
    return;
  }
  if (office) render(<Waiting />);
  else window.setTimeout(preview, BROWSER_WAIT_MS);
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      // A plain browser with office.js: preview mode, nothing is wrong.
      if (!office) preview();
      else failure(paneText.boot.notInExcel);
      return;
    }
    // Late or not, a host that answers gets its own workbook (replacing preview mode if shown).
    excel = true;
    if (!officeSupport(REQUIRED_EXCEL_API)) failure(paneText.boot.unsupported, paneText.boot.unsupportedTitle);
    else render(<App port={new ExcelPort()} />, isDark());
  });
}

boot();
