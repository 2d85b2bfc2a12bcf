/**
 * Task pane entry. Renders only after `Office.onReady`; if office.js is missing (offline, blocked
 * CDN, wrong intranet URL) or onReady never resolves, it renders a clear Chinese message instead
 * of a blank page (taskpane.html has a static fallback for when this bundle cannot run at all).
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { ExcelPort } from "./ports/excel";
import { officeSupport, REQUIRED_EXCEL_API } from "../hosts/office/rescoreWorkbook";
import { paneText } from "../text/pane";

const ONREADY_TIMEOUT_MS = 5000;

declare global {
  interface Window {
    __peBooted?: boolean;
  }
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

function boot(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  let settled = false;
  const render = (node: JSX.Element, dark = false) => {
    settled = true;
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
  // No Office host: preview mode over an .xlsx in memory. Loaded on demand so the add-in's own
  // bundle does not carry the .xlsx host; `alert` says why Excel is not there, when that is odd.
  const preview = (alert?: string) => {
    settled = true;
    // The first sample is fetched while the chunk loads (the two would otherwise run one after the other).
    const first = fetch(`samples/${encodeURIComponent(paneText.preview.samples[0].file)}`).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    first.catch(() => undefined); // reported by the preview when it awaits it
    import(/* webpackChunkName: "preview" */ "./preview/PreviewApp").then(
      ({ PreviewApp }) => render(<PreviewApp alert={alert} first={first} />, window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false),
      () => failure(alert ?? paneText.boot.notInExcel),
    );
  };

  if (typeof Office === "undefined") {
    preview(paneText.boot.officeMissing);
    return;
  }
  const timer = window.setTimeout(() => {
    if (!settled) preview(paneText.boot.onReadyTimeout);
  }, ONREADY_TIMEOUT_MS);
  void Office.onReady((info) => {
    window.clearTimeout(timer);
    if (settled) return;
    if (info.host === Office.HostType.Excel) {
      if (!officeSupport(REQUIRED_EXCEL_API)) failure(paneText.boot.unsupported, paneText.boot.unsupportedTitle);
      else render(<App port={new ExcelPort()} />, isDark());
    } else {
      // A plain browser (office.js loaded, no host): preview mode, nothing is wrong.
      preview();
    }
  });
}

boot();
