/**
 * The built task pane in headless Chromium when Office is not (yet) there: office.js blocked
 * (offline, CDN unreachable), `Office.onReady` slow or never resolving, the bundle itself failing,
 * an old webview. Inside Office (the URL carries `_host_Info`) each shows a clear Chinese message
 * or a visible wait, never a blank page, and a late onReady opens the real workbook; in a plain
 * browser the same conditions are just preview mode. And with Office there: over the bench's
 * scripted Excel (the typed fake), the pane reads and scores the sample. The production build is made into a
 * temporary folder and served over http from 127.0.0.1 by a tiny static server.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import boot from "../../src/text/boot.json";
import { paneText } from "../../src/text/pane";
import { browserSession, buildInto, CDN, RESULTS, ROOT, scriptedExcel } from "./helpers";

const session = browserSession();

/** What Office appends to an add-in page's URL (Excel desktop on Windows, Chinese UI). */
const IN_OFFICE = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

async function open(setup: (page: Page) => Promise<void>, query = IN_OFFICE): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 560 } });
  await setup(page);
  await page.goto(`${session.base}/taskpane.html${query}`);
  return page;
}

test("inside Office, office.js unreachable: the pane says so in Chinese", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.abort());
  });
  const alert = page.getByRole("alert").filter({ hasText: boot.officeMissingTitle });
  await alert.first().waitFor({ state: "visible", timeout: 10000 });
  await expect(page.getByText(boot.officeMissing).first().isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(RESULTS, "taskpane-officejs-missing.png") });
  await page.close();
});

test("in a plain browser without internet, the pane opens preview mode and does not tell anyone to restart Excel", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.abort());
  }, "");
  await page.getByTestId("sheet-grid").waitFor({ state: "visible", timeout: 15000 });
  await expect(page.getByText(boot.officeMissingTitle).filter({ visible: true }).count()).resolves.toBe(0);
  await expect(
    page
      .getByText(/关闭并重新打开任务窗格/)
      .filter({ visible: true })
      .count(),
  ).resolves.toBe(0);
  await page.close();
});

test("inside Office, over a scripted Excel: the pane reads the workbook and a rescoring writes 89.46 良", async () => {
  const bench = buildInto("pe-e2e-bench-", ["shell"]);
  try {
    const officeJs = scriptedExcel(bench, join(ROOT, "assets/samples/seed-004-city-2021.xlsx"));
    const page = await open(async (p) => {
      await p.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: officeJs }));
    });
    const rescore = page.getByRole("button", { name: paneText.rescore });
    await page.waitForFunction(
      (label) => Array.from(document.querySelectorAll("button")).some((b) => b.textContent === label && !b.disabled),
      paneText.rescore,
    );
    await expect(page.getByText(paneText.preview.banner).count()).resolves.toBe(0);
    await rescore.first().click();
    await expect(page.getByTestId("total").textContent()).resolves.toBe("89.46");
    expect(await page.getByTestId("grade").textContent()).toBe("良");
    expect(await page.getByTestId("previous-budgetExecution").textContent()).toBe("原 5.66 → 5.96（+0.30）");
    await page.screenshot({ path: join(RESULTS, "taskpane-excel-scored.png"), fullPage: true });
    await page.close();
  } finally {
    rmSync(bench, { recursive: true, force: true });
  }
});

test("inside Office, a slow Office.onReady: the pane shows it is waiting, then opens the real workbook when it comes", async () => {
  // onReady answers after 10 s (slow starts of 10 s and more are documented); Excel.run then fails,
  // which the real pane reports in its own view — what matters is that it is the Excel pane.
  const lateExcel =
    "window.Office = { HostType: { Excel: 'Excel' }, context: { requirements: { isSetSupported: function () { return true; } }, officeTheme: null }," +
    " onReady: function (cb) { return new Promise(function (resolve) { setTimeout(function () { var info = { host: 'Excel', platform: 'PC' }; if (cb) cb(info); resolve(info); }, 10000); }); } };" +
    " window.Excel = { run: function () { return Promise.reject(new Error('no workbook in this test')); } };";
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: lateExcel }));
  });
  await page
    .getByText(/正在连接 Excel/)
    .first()
    .waitFor({ state: "visible", timeout: 5000 });
  await page.getByText(paneText.boot.waitingLong).waitFor({ state: "visible", timeout: 12000 });
  await page.screenshot({ path: join(RESULTS, "taskpane-waiting.png") });
  await page.getByRole("tab", { name: paneText.tabs.score }).waitFor({ state: "visible", timeout: 15000 });
  await expect(page.getByText(paneText.preview.banner).count()).resolves.toBe(0);
  await expect(page.locator("#pe-boot-fallback").isVisible()).resolves.toBe(false);
  await page.close();
});

test("in a plain browser, onReady never resolving means preview mode, not an error", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { onReady: function () { return new Promise(function () {}); } };",
      }),
    );
  }, "");
  await page.getByTestId("sheet-grid").waitFor({ state: "visible", timeout: 15000 });
  await page.close();
});

test("an old webview (Internet Explorer, legacy Edge) gets a page that names it and what is needed", async () => {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 560 } });
  await page.addInitScript("delete String.prototype.replaceAll;");
  await page.route(CDN, (route) => route.abort());
  await page.goto(`${session.base}/taskpane.html${IN_OFFICE}`);
  const box = page.locator("#pe-old-webview");
  await box.waitFor({ state: "visible", timeout: 5000 });
  await expect(box.textContent()).resolves.toContain("WebView2");
  await expect(box.textContent()).resolves.toContain("Office 2021");
  await expect(page.locator("#pe-boot-fallback").isVisible()).resolves.toBe(false);
  await page.screenshot({ path: join(RESULTS, "taskpane-old-webview.png") });
  await page.close();
});

test("an Excel older than ExcelApi 1.13: the pane says which Excel is needed instead of starting", async () => {
  const oldExcel =
    "window.Office = { HostType: { Excel: 'Excel' }, context: { requirements: { isSetSupported: function () { return false; } } }," +
    " onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; if (cb) cb(info); return Promise.resolve(info); } };";
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: oldExcel }));
  });
  await page.getByText(boot.unsupported).first().waitFor({ state: "visible", timeout: 10000 });
  await expect(page.getByText(boot.unsupportedTitle).first().isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(RESULTS, "taskpane-unsupported-excel.png") });
  await page.close();
});

test("the bundle cannot run either: the static fallback in taskpane.html shows", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.abort());
    await p.route("**/taskpane.js", (route) => route.abort());
  });
  await page.locator("#pe-boot-fallback").waitFor({ state: "visible", timeout: 10000 });
  await expect(page.getByText(boot.officeMissing).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(RESULTS, "taskpane-static-fallback.png") });
  await page.close();
});

test("production pages reference only office.js and their own files", async () => {
  // The old-webview page loads nothing at all.
  expect(readFileSync(join(session.dir, "unsupported.html"), "utf8")).not.toMatch(/<script[^>]*\ssrc=/);
  for (const name of ["taskpane.html", "commands.html", "dialog.html"]) {
    const html = readFileSync(join(session.dir, name), "utf8");
    const srcs = Array.from(html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)).map((m) => m[1]);
    expect(srcs[0]).toBe(CDN);
    for (const s of srcs.slice(1)) expect(s).not.toMatch(/^https?:/);
  }
  expect(existsSync(join(session.dir, "taskpane.js.map"))).toBe(false);
});
