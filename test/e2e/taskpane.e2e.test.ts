/**
 * The built task pane in headless Chromium when Office is not there: office.js blocked (offline,
 * CDN unreachable), office.js loaded but `Office.onReady` never resolving, and the bundle itself
 * failing. Each must show a clear Chinese message, never a blank page. The production build is
 * made into a temporary folder and served over http from 127.0.0.1 by a tiny static server.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import boot from "../../src/text/boot.json";

const ROOT = join(__dirname, "..", "..");
const RESULTS = join(ROOT, "test-results");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

let outDir: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "pe-e2e-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `outdir=${outDir}`], {
    cwd: ROOT,
    stdio: "pipe",
  });
  server = createServer((req, res) => {
    const file = normalize(join(outDir, decodeURIComponent((req.url ?? "/").split("?")[0])));
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function open(setup: (page: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 560 } });
  await setup(page);
  await page.goto(`${base}/taskpane.html`);
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
    const html = require("fs").readFileSync(join(outDir, name), "utf8") as string;
    const srcs = Array.from(html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)).map((m) => m[1]);
    expect(srcs[0]).toBe(CDN);
    for (const s of srcs.slice(1)) expect(s).not.toMatch(/^https?:/);
  }
  expect(existsSync(join(outDir, "taskpane.js.map"))).toBe(false);
});
