/**
 * Bench: how soon the task pane is interactive (重新评分 enabled) in Debian's headless Chromium,
 * against a bare React + Fluent page of the same first view (scripts/bench-shell/), built with the
 * same webpack config and measured in the same run, interleaved, so the noisy 2-core machine's
 * drift hits both alike. The pane runs in preview mode (no Office): that includes its preview
 * chunk and fetching the bundled seed 004 sample with its build-time snapshot (sample.ts).
 *
 * Two moments, both from the page's own performance.now() (from the start of navigation):
 * - enabled: a MutationObserver first sees an enabled 重新评分 button in the DOM;
 * - interactive: the frame that shows it has been painted (a task posted from the next
 *   requestAnimationFrame runs after that frame), i.e. the clerk can see and click it. The shell
 *   lays its page out for the first time there; the pane did so for its skeleton, earlier.
 * The ratio goal (≤ 1.5) is on `interactive`; both are printed. The page signals through the
 * console, so no script of the harness runs in the page while it starts. Main-thread CPU is
 * Chromium's TaskDuration (CDP Performance.getMetrics) when that signal arrives. Each run uses a
 * fresh browser context (no HTTP cache), like a pane opened for the first time; one warm-up round
 * is discarded.
 *
 *   npx tsx scripts/bench-pane.ts [--runs N]
 *   → pane: interactive median P ms; shell median S ms; ratio R (N runs each, interleaved)
 *     enabled in the DOM: pane median P' ms; shell median S' ms; ratio R'
 *     main-thread CPU to interactive: pane median X ms; shell median Y ms
 */
import { rmSync } from "fs";
import type { Browser } from "playwright-core";
import { buildInto, CDN, launch, OFFICE_OUTSIDE_HOST, serve } from "../test/e2e/helpers";
import { paneText } from "../src/text/pane";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const SIGNAL = "pe-bench-interactive";

/** Records when an enabled 重新评分 first appears, then when it is painted (before any of the page's own scripts run). */
const WATCH = `(() => {
  const label = ${JSON.stringify(paneText.rescore)};
  const check = () => {
    if (window.__enabled) return;
    for (const b of document.querySelectorAll("button")) {
      if (b.textContent === label && !b.disabled) {
        window.__enabled = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            window.__interactive = performance.now();
            console.debug(${JSON.stringify(SIGNAL)});
          };
          channel.port2.postMessage(0);
        });
        return;
      }
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });
})();`;

interface Sample {
  ms: number;
  enabledMs: number;
  cpuMs: number;
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_OUTSIDE_HOST }));
  await page.addInitScript(WATCH);
  const signalled = page.waitForEvent("console", { predicate: (m) => m.text() === SIGNAL, timeout: 30000 });
  await page.goto(url, { waitUntil: "commit" });
  await signalled;
  const { metrics } = await cdp.send("Performance.getMetrics");
  const [ms, enabledMs] = await page.evaluate(() => {
    const w = window as unknown as { __interactive: number; __enabled: number };
    return [w.__interactive, w.__enabled];
  });
  const cpuMs = (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
  await context.close();
  return { ms, enabledMs, cpuMs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const dir = buildInto("pe-bench-pane-", ["shell"]);
  const served = await serve(dir);
  const browser = await launch();
  const pane: Sample[] = [];
  const shell: Sample[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      // Alternate which goes first, so neither always gets the warmer or the colder slot.
      const order = i % 2 ? (["shell", "pane"] as const) : (["pane", "shell"] as const);
      for (const which of order) {
        const s = await measure(browser, `${served.base}/${which === "pane" ? "taskpane" : "shell"}.html`);
        if (i > 0) (which === "pane" ? pane : shell).push(s); // round 0 warms the browser process
      }
    }
  } finally {
    await browser.close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const p = median(pane.map((s) => s.ms));
  const sh = median(shell.map((s) => s.ms));
  console.log(
    `pane: interactive median ${Math.round(p)} ms; shell median ${Math.round(sh)} ms; ratio ${(p / sh).toFixed(2)} (${RUNS} runs each, interleaved)`,
  );
  const pe = median(pane.map((s) => s.enabledMs));
  const se = median(shell.map((s) => s.enabledMs));
  console.log(
    `enabled in the DOM: pane median ${Math.round(pe)} ms; shell median ${Math.round(se)} ms; ratio ${(pe / se).toFixed(2)}`,
  );
  console.log(
    `main-thread CPU to interactive: pane median ${Math.round(median(pane.map((s) => s.cpuMs)))} ms; shell median ${Math.round(median(shell.map((s) => s.cpuMs)))} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
