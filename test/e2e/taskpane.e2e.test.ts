/**
 * The built task pane in headless Chromium when Office is not there: office.js blocked (offline,
 * CDN unreachable), office.js loaded but `Office.onReady` never resolving, and the bundle itself
 * failing. Each must show a clear Chinese message, never a blank page. The production build is
 * made into a temporary folder and served over http from 127.0.0.1 by a tiny static server.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import boot from "../../src/text/boot.json";
import { browserSession, CDN, RESULTS } from "./helpers";

const session = browserSession();

async function open(setup: (page: Page) => Promise<void>): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 560 } });
  await setup(page);
  await page.goto(`${session.base}/taskpane.html`);
  return page;
}

test("office.js unreachable: the pane says so in Chinese", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) => route.abort());
  });
  const alert = page.getByRole("alert").filter({ hasText: boot.officeMissingTitle });
  await alert.first().waitFor({ state: "visible", timeout: 10000 });
  await expect(page.getByText(boot.officeMissing).first().isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(RESULTS, "taskpane-officejs-missing.png") });
  await page.close();
});

test("office.js loads but Office.onReady never resolves: timeout message", async () => {
  const page = await open(async (p) => {
    await p.route(CDN, (route) =>
      route.fulfill({ contentType: "text/javascript", body: "window.Office = { onReady: function () { return new Promise(function () {}); } };" }),
    );
  });
  await page.getByText(boot.onReadyTimeout).first().waitFor({ state: "visible", timeout: 10000 });
  await page.screenshot({ path: join(RESULTS, "taskpane-onready-timeout.png") });
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
  for (const name of ["taskpane.html", "commands.html", "dialog.html"]) {
    const html = readFileSync(join(session.dir, name), "utf8");
    const srcs = Array.from(html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)).map((m) => m[1]);
    expect(srcs[0]).toBe(CDN);
    for (const s of srcs.slice(1)) expect(s).not.toMatch(/^https?:/);
  }
  expect(existsSync(join(session.dir, "taskpane.js.map"))).toBe(false);
});
