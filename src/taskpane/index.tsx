/**
 * Task pane entry. Where the page runs decides what it shows:
 *
 * - Inside Office (the URL carries Office's `_host_Info`): the pane waits for `Office.onReady` as
 *   long as it takes, its static frame (taskpane.html) showing how long it has waited (starts of
 *   10 s and more are documented, office-js#3330, #1317, #739), and renders the real workbook when
 *   it comes; if office.js could not load, it says so in Chinese.
 * - In a plain browser: preview mode over the bundled samples (office.js absent or without a host
 *   is normal there, nothing to alarm anyone about). Should an `onReady` with Excel still arrive
 *   after preview started, the pane switches to the real workbook.
 * taskpane.html has a static fallback for when this bundle cannot run at all, and an ES5 check
 * that names the old webview (Internet Explorer, legacy Edge) this bundle cannot run in.
 */
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { App } from "./App";
import { officeSupport, REQUIRED_EXCEL_API } from "../hosts/office";
import { loadCore } from "./model/load-core";
import { fetchSample } from "./preview/sample";
import { paneText } from "../text/pane";

/** In a plain browser, how long to wait for a host before settling into preview mode. */
const BROWSER_WAIT_MS = 3000;
/** After this long without Office's answer, the wait explains itself. */
const LONG_WAIT_S = 8;

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
function officeIsDark(): boolean {
  try {
    const hex = Office.context.officeTheme?.bodyBackgroundColor?.replace("#", "");
    if (!hex || hex.length < 6) return false;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  } catch {
    return false;
  }
}

/** The dark theme's tokens load only when a dark Office or browser asks for them. */
function themeFor(dark: boolean): Promise<Theme> {
  return dark
    ? import(/* webpackChunkName: "dark" */ "./shared/dark-theme").then(
        (t) => t.webDarkTheme,
        () => webLightTheme,
      )
    : Promise.resolve(webLightTheme);
}

/**
 * While Office has not answered: the static frame of taskpane.html stays, its status line counts
 * the seconds (no React render needed for that), and after a while explains the wait.
 */
function showWaiting(): () => void {
  const status = document.getElementById("pe-skeleton-status");
  let seconds = 0;
  const t = window.setInterval(() => {
    seconds++;
    if (status)
      status.textContent =
        seconds >= LONG_WAIT_S
          ? `${paneText.boot.waiting(seconds)} ${paneText.boot.waitingLong}`
          : paneText.boot.waiting(seconds);
  }, 1000);
  if (status) status.textContent = paneText.boot.waiting(0);
  return () => window.clearInterval(t);
}

function boot(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  window.__peBooted = true; // this bundle runs: the page's static guard stands down

  let excel = false;
  let previewing = false;
  let stopWaiting = () => undefined as void;
  let shown = 0;
  const render = (node: JSX.Element, dark = false) => {
    const mine = ++shown;
    void themeFor(dark).then((theme) => {
      if (mine !== shown) return; // a later render (a late onReady) won
      stopWaiting();
      container.hidden = false;
      document.getElementById("pe-boot-fallback")?.setAttribute("hidden", "");
      root.render(<FluentProvider theme={theme}>{node}</FluentProvider>);
    });
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
    // The first sample (and its snapshot, sample.ts) is fetched while the chunk loads (the two would
    // otherwise run one after the other); the preview opens it in its first render.
    const first = fetchSample(paneText.preview.samples[0].file).catch((e: unknown) => ({
      error: e instanceof Error ? e.message : String(e),
    }));
    Promise.all([import(/* webpackChunkName: "preview" */ "./preview/PreviewApp"), first]).then(
      ([{ PreviewApp }, sample]) => {
        if (!excel)
          render(<PreviewApp first={sample} />, window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false);
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
  if (office) stopWaiting = showWaiting();
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
    if (!officeSupport(REQUIRED_EXCEL_API)) return failure(paneText.boot.unsupported, paneText.boot.unsupportedTitle);
    // Reading the workbook needs the contract's names: the core, now. The Office host is a chunk of
    // its own (preview mode never loads it); inside Office the page preloaded both.
    loadCore().catch(() => undefined); // a failure is reported (and retried) by the pane
    import(/* webpackChunkName: "excel" */ "./ports/excel").then(
      ({ ExcelPort }) => render(<App port={new ExcelPort()} />, officeIsDark()),
      () => failure(paneText.coreFailed.body, paneText.coreFailed.title),
    );
  });
}

boot();
