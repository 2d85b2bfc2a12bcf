/**
 * The offline-intranet build: `--env url=https://intranet.example/pe-score/ --env officejs=local`.
 * Every manifest URL points at that host, the pages load office.js from the build itself, and in
 * headless Chromium with every non-local request refused the pane starts (preview mode: office.js
 * loads, finds no Office host) without one request leaving 127.0.0.1.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import type { Browser } from "playwright-core";
import { buildInto, launch, RESULTS, serve, type Served } from "./helpers";
import { paneText } from "../../src/text/pane";

const HOST = "https://intranet.example/pe-score/";
let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = buildInto("pe-intranet-", [`url=${HOST}`, "officejs=local"]);
  served = await serve(dir);
  browser = await launch();
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("every URL in the manifest is under the intranet host", () => {
  const manifest = readFileSync(join(dir, "manifest.xml"), "utf8");
  const urls = [
    ...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>/g),
  ].map((m) => m[1] ?? m[2]);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u.startsWith(HOST) || u === "https://intranet.example").toBe(true);
  expect(manifest).not.toContain("localhost");
});

test("the pages load office.js from the build and reference no remote host", () => {
  expect(existsSync(join(dir, "office", "office.js"))).toBe(true);
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = readFileSync(join(dir, page), "utf8");
    // Minified HTML may drop attribute quotes.
    const refs = [...html.matchAll(/(?:src|href)=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
    expect(refs).toContain("office/office.js");
    expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
  }
});

test("offline: the pane starts with office.js served locally and no request leaves the machine", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const remote: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(served.base)) return route.continue();
    remote.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${served.base}/taskpane.html`);
  await page.getByRole("button", { name: paneText.rescore }).waitFor({ state: "visible", timeout: 30000 });
  await page.screenshot({ path: join(RESULTS, "intranet-offline.png") });
  expect(remote).toEqual([]);
  await context.close();
});
