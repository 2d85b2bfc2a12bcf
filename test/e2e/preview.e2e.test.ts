/**
 * The built pane in a plain browser (preview mode) at the task pane's width, 320 px: the seed 004
 * sample rescored (89.46, 良, 预算执行率 5.66 → 5.96), downloaded, undone; a bad workbook's errors
 * with 定位 and the download disabled; no horizontal overflow; screenshots of each view in
 * test-results/. Also: the add-in path does not carry the .xlsx host, and stays under budget; and a
 * clerk's own unnamed workbook taken step by step to a scored table (the README's walkthrough).
 */
import { valueAt } from "../support/cells";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { createHash } from "crypto";
import { gzipSync } from "zlib";
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { XLSX_TEXT } from "../../src/text/xlsx";
import { WB } from "../../src/text/workbook";
import { builtinRuleSet } from "../../src/engine";
import { paneText } from "../../src/text/pane";
import { PANE_SETUP } from "../../src/text/pane-setup";
import { sampleUrls } from "../../src/taskpane/preview/sample";
import { browserSession, CDN, OFFICE_OUTSIDE_HOST, RESULTS, ROOT } from "./helpers";

const session = browserSession();
const SAMPLE_004 = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");
const external: string[] = [];

async function openPreview(
  options: { dark?: boolean; prepare?: (page: Page) => Promise<unknown> } = {},
): Promise<Page> {
  const context = await session.browser.newContext({
    viewport: { width: 320, height: 900 },
    acceptDownloads: true,
    colorScheme: options.dark ? "dark" : "light",
  });
  const page = await context.newPage();
  await page.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_OUTSIDE_HOST }));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(session.base) && url !== CDN && !url.startsWith("blob:") && !url.startsWith("data:"))
      external.push(url);
  });
  await options.prepare?.(page);
  await page.goto(`${session.base}/taskpane.html`);
  await page.getByTestId("sheet-grid").waitFor({ state: "visible", timeout: 15000 });
  await page.getByRole("button", { name: paneText.rescore }).waitFor({ state: "visible" });
  // Ready once the scoring core (loaded after the first paint) and the workbook are both there.
  await page.waitForFunction(
    (label) => Array.from(document.querySelectorAll("button")).some((b) => b.textContent === label && !b.disabled),
    paneText.rescore,
  );
  return page;
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
}

async function download(page: Page): Promise<Uint8Array> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  return new Uint8Array(readFileSync(await dl.path()));
}

function cell(bytes: Uint8Array, sheet: string, address: string): unknown {
  return valueAt(readXlsx(bytes), sheet, address) ?? null;
}

test("seed 004: rescoring shows 89.46 良 and 5.66 → 5.96; the scored copy downloads; undo restores", async () => {
  const page = await openPreview();
  await page.screenshot({ path: join(RESULTS, "pane-preview-start.png"), fullPage: true });
  // Before any rescoring there is nothing to download.
  expect(await page.getByTestId("download").getAttribute("aria-disabled")).toBe("true");

  await page.getByRole("button", { name: paneText.rescore }).click();
  await expect(page.getByTestId("total").textContent()).resolves.toBe("89.46");
  expect(await page.getByTestId("grade").textContent()).toBe("良");
  expect(await page.getByTestId("previous-budgetExecution").textContent()).toBe("原 5.66 → 5.96（+0.30）");
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "pane-score.png"), fullPage: true });

  await page.getByTestId("indicator-budgetExecution").getByRole("button").click();
  await page.getByTestId("indicator-budgetExecution").screenshot({ path: join(RESULTS, "pane-score-expanded.png") });
  await noHorizontalOverflow(page);

  const scored = await download(page);
  expect(cell(scored, "评分表", "I20")).toBe(5.96);
  expect(cell(scored, "评分表", "I26")).toBe(89.46);

  const undo = page.getByRole("button", { name: paneText.undo.label });
  await undo.click();
  await page.getByTestId("notice").getByText(paneText.undo.done(2)).waitFor();
  await page.screenshot({ path: join(RESULTS, "pane-undone.png"), fullPage: true });
  const undone = await download(page);
  expect(cell(undone, "评分表", "I20")).toBe(5.66);
  expect(cell(undone, "评分表", "I26")).toBe(89.16);
  expect(await undo.isDisabled()).toBe(true);
  await page.context().close();
});

test("a bad workbook: its errors are listed, 定位 shows the cell, download stays disabled", async () => {
  const page = await openPreview();
  await page.getByTestId("file-input").setInputFiles(join(ROOT, "test/fixtures/bad/text-amount.xlsx"));
  await page.getByRole("combobox", { name: paneText.preview.source }).filter({ hasText: "text-amount.xlsx" }).waitFor();
  await page.getByRole("button", { name: paneText.rescore }).click();
  const errors = page.getByTestId("errors");
  await errors.waitFor({ state: "visible" });
  expect(await errors.getByRole("listitem").count()).toBeGreaterThan(0);
  expect(await page.getByTestId("download").getAttribute("aria-disabled")).toBe("true");
  // Scores that could be computed are listed, but no total or grade: nothing is written.
  expect(await page.getByTestId("total").count()).toBe(0);
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "pane-errors.png"), fullPage: true });

  await errors
    .getByRole("button", { name: /定位到/ })
    .first()
    .click();
  await expect(page.getByTestId("grid-status").textContent()).resolves.toMatch(/^已定位到 /);
  expect(await page.locator('[data-testid="sheet-grid"] td[aria-selected="true"]').count()).toBe(1);
  await page.getByTestId("sheet-grid").screenshot({ path: join(RESULTS, "pane-errors-located.png") });
  await page.context().close();
});

test("the second sample and the dark theme", async () => {
  const page = await openPreview({ dark: true });
  await page.getByRole("combobox", { name: paneText.preview.source }).selectOption(paneText.preview.samples[1].file);
  await page.getByRole("button", { name: paneText.rescore }).click();
  await page.getByTestId("total").waitFor();
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "pane-dark-seed000.png"), fullPage: true });
  await page.context().close();
});

test("nothing but office.js and the add-in's own files is fetched", () => {
  expect(external).toEqual([]);
});

test("the first bundle carries neither the .xlsx host nor the scoring core, and stays under 110 KiB gzip", () => {
  const js = readdirSync(session.dir).filter((f) => f.endsWith(".js"));
  const taskpane = readFileSync(join(session.dir, "taskpane.js"));
  const text = taskpane.toString("utf8");
  expect(text).not.toContain(XLSX_TEXT.notZip);
  const lazy = js.filter(
    (f) => f !== "taskpane.js" && readFileSync(join(session.dir, f), "utf8").includes(XLSX_TEXT.notZip),
  );
  expect(lazy.length).toBe(1);
  // decimal.js, the rule sets and the contract's messages load with the core chunk, after first paint.
  expect(text).not.toContain("[DecimalError]");
  expect(text).not.toContain(builtinRuleSet("city-2021")!.title);
  expect(text).not.toContain(WB.noInputs);
  expect(gzipSync(taskpane, { level: 9 }).length).toBeLessThanOrEqual(110 * 1024);
});

const FIRST = paneText.preview.samples[0].file;

test("the first sample ships with its snapshot, the reader's own reading of those bytes", () => {
  const bytes = readFileSync(join(session.dir, "samples", FIRST));
  const shipped = JSON.parse(readFileSync(join(session.dir, "samples", `${FIRST}.snapshot.json`), "utf8")) as {
    fingerprint: string;
    snapshot: unknown;
  };
  expect(shipped.fingerprint).toBe(createHash("sha256").update(bytes).digest("hex"));
  expect(shipped.snapshot).toEqual(readXlsx(new Uint8Array(bytes)));
});

test("the first view needs no .xlsx reader: ready while it is held back, and it scores once it comes", async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let readerServed = false;
  const page = await openPreview({
    prepare: (p) =>
      p.route("**/xlsx-read.js", async (route) => {
        await held;
        readerServed = true;
        await route.continue();
      }),
  });
  expect(readerServed).toBe(false);
  release();
  await page.getByRole("button", { name: paneText.rescore }).click();
  await expect(page.getByTestId("total").textContent()).resolves.toBe("89.46");
  expect(readerServed).toBe(true); // the written copy is read back by it
  await page.context().close();
});

test.each([
  ["missing", { status: 404, body: "" }],
  ["of other bytes", { status: 200, body: JSON.stringify({ fingerprint: "0".repeat(64), snapshot: { sheets: [] } }) }],
  ["not JSON", { status: 200, body: "<html>" }],
])("a sample whose snapshot is %s is read in the browser and scores the same", async (_, reply) => {
  const page = await openPreview({
    prepare: (p) =>
      p.route("**/*.snapshot.json", (route) => route.fulfill({ ...reply, contentType: "application/json" })),
  });
  await page.getByRole("button", { name: paneText.rescore }).click();
  await expect(page.getByTestId("total").textContent()).resolves.toBe("89.46");
  expect(await page.getByTestId("grade").textContent()).toBe("良");
  await page.context().close();
});

test("the page fetches the pane's script first; the scoring core early only inside Office", async () => {
  const links = async (query: string) => {
    const page = await session.browser.newPage();
    await page.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_OUTSIDE_HOST }));
    await page.goto(`${session.base}/taskpane.html${query}`, { waitUntil: "domcontentloaded" });
    const found = await page.evaluate(() => ({
      script: document.querySelector('script[src="taskpane.js"]')?.getAttribute("fetchpriority"),
      preloads: Array.from(document.querySelectorAll('link[rel="preload"]'), (l) => ({
        href: l.getAttribute("href"),
        as: l.getAttribute("as"),
        priority: l.getAttribute("fetchpriority"),
      })),
    }));
    await page.close();
    return found;
  };
  const core = readdirSync(session.dir).filter((f) => f === "core.js");
  expect(core).toEqual(["core.js"]);
  const preview = await links("");
  expect(preview.script).toBe("high");
  expect(preview.preloads.filter((l) => l.as === "script")).toEqual([]);
  // The page preloads exactly what the pane then fetches (sample.ts), or the preloads are wasted.
  const urls = sampleUrls(FIRST);
  expect(preview.preloads.map((l) => l.href)).toEqual([urls.bytes, urls.snapshot]);
  const office = await links("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0");
  expect(office.script).toBe("high");
  const scripts = office.preloads.filter((l) => l.as === "script");
  expect(scripts.map((l) => l.href)).toContain("core.js");
  expect(scripts.every((l) => l.priority === "low")).toBe(true);
  expect(office.preloads.some((l) => l.as === "fetch")).toBe(false);
});

test("before any script has run, the page shows the pane's frame (never a blank page)", async () => {
  const page = await session.browser.newPage({ viewport: { width: 320, height: 400 } });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(CDN, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_OUTSIDE_HOST }));
  await page.route("**/taskpane.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${session.base}/taskpane.html`, { waitUntil: "commit" });
  await page.getByRole("button", { name: paneText.rescore }).waitFor({ state: "visible", timeout: 5000 });
  await expect(page.getByRole("button", { name: paneText.rescore }).isDisabled()).resolves.toBe(true);
  await expect(page.getByText(paneText.boot.loading).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(RESULTS, "pane-first-paint.png") });
  release();
  await page.getByTestId("sheet-grid").waitFor({ state: "visible", timeout: 15000 });
  await page.context().close();
});

test("the 设置 and 评定 tabs load their own chunks and render at 320 px", async () => {
  const page = await openPreview();
  await page.getByRole("tab", { name: paneText.tabs.setup }).click();
  await page.getByText(PANE_SETUP.setup.addInputSheet).first().waitFor({ state: "visible", timeout: 15000 });
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "pane-setup.png"), fullPage: true });

  await page.getByRole("tab", { name: paneText.tabs.judged }).click();
  await page.getByText(PANE_SETUP.judged.hint).first().waitFor({ state: "visible", timeout: 15000 });
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "pane-judged.png"), fullPage: true });
  await page.context().close();
});

test("frameworks in the pane: a workbook carrying one scores by it and exports it; importing one stores it", async () => {
  const page = await openPreview();
  // The example workbook carries the example framework (评分框架): scored by it.
  await page.getByTestId("file-input").setInputFiles(join(ROOT, "examples/frameworks/example-local.xlsx"));
  await page.waitForFunction(
    (label) => Array.from(document.querySelectorAll("button")).some((b) => b.textContent === label && !b.disabled),
    paneText.rescore,
  );
  await page.getByRole("button", { name: paneText.rescore }).click();
  await page.getByTestId("total").waitFor();
  expect(await page.getByTestId("total").textContent()).toBe("88.75");
  await page.getByRole("tab", { name: paneText.tabs.setup }).click();
  const current = page.getByTestId("framework-current");
  await current.waitFor({ state: "visible", timeout: 15000 });
  expect(await current.textContent()).toContain(PANE_SETUP.setup.framework.stored);
  await noHorizontalOverflow(page);
  await page.getByTestId("framework").screenshot({ path: join(RESULTS, "pane-framework.png") });
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: PANE_SETUP.setup.framework.export }).click(),
  ]);
  expect(dl.suggestedFilename()).toBe("示例框架.json");
  expect(JSON.parse(readFileSync(await dl.path(), "utf8")).id).toBe("example-local");

  // A sample with the built-in framework: import the example's file.
  await page.locator("#pe-source").selectOption(paneText.preview.samples[0].file);
  await page.getByRole("tab", { name: paneText.tabs.setup }).click();
  await page.getByTestId("framework-current").waitFor({ state: "visible", timeout: 15000 });
  expect(await page.getByTestId("framework-current").textContent()).toContain(PANE_SETUP.setup.framework.builtin);
  await page.getByTestId("framework-file").setInputFiles(join(ROOT, "examples/frameworks/example-local.json"));
  await page.getByText(PANE_SETUP.setup.framework.stored, { exact: false }).first().waitFor({ timeout: 15000 });
  await page.context().close();
});

/** A workbook as a department has it: the seed's 评分表 with its old scores, no defined names. */
async function unnamedWorkbook(): Promise<Buffer> {
  const src = readXlsx(new Uint8Array(readFileSync(SAMPLE_004)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  for (const g of src.grids.filter((x) => x.sheet === "评分表"))
    for (const c of g.cells) if (c.formula === undefined) ws.getCell(c.address).value = c.value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the clerk types into the 评分依据 sheet in Excel: the report's figures, name by name. */
function filledIn(bytes: Uint8Array): Buffer {
  const report = readXlsx(new Uint8Array(readFileSync(SAMPLE_004)));
  const cells = readXlsx(bytes).names.flatMap((n) => {
    const from = report.names.find((r) => r.name === n.name);
    const value = from?.cells?.length === 1 ? from.cells[0].value : undefined;
    if (!n.sheet || !n.address || value === undefined || value === null || typeof value === "boolean") return [];
    return [{ sheet: n.sheet, address: n.address, value, previous: null, role: "input" }];
  });
  expect(cells.length).toBeGreaterThan(50);
  return Buffer.from(applyPlan(bytes, { cells, sheets: [] }));
}

test("your own workbook, step by step: unnamed → 添加评分依据表 → filled in → 人工调整 → scored", async () => {
  const page = await openPreview();
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await page
    .getByTestId("file-input")
    .setInputFiles({ name: "本单位.xlsx", mimeType: xlsx, buffer: await unnamedWorkbook() });
  await page.getByRole("combobox", { name: paneText.preview.source }).filter({ hasText: "本单位.xlsx" }).waitFor();

  // 1. Nothing is bound yet: one message with one action, not one error per input.
  await page.getByRole("button", { name: paneText.rescore }).click();
  const errors = page.getByTestId("errors");
  await errors.waitFor({ state: "visible" });
  expect(await errors.getByRole("listitem").count()).toBe(1);
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "journey-1-unnamed.png"), fullPage: true });

  // 2. 添加评分依据表: the 设置 tab says how much is still to fill.
  await errors.getByTestId("set-up").click();
  const counts = page.getByTestId("binding-counts");
  await counts.waitFor({ state: "visible", timeout: 15000 });
  expect(await counts.textContent()).toMatch(/^已填写 0，待填写 \d+，未绑定 0，需修改 0$/);
  // The tab's top (what was added, what is still to fill) rather than the whole long list.
  await page.evaluate(() => document.querySelector('[role="tablist"]')?.scrollIntoView());
  await page.screenshot({ path: join(RESULTS, "journey-2-setup.png") });

  // 3. The clerk fills the 评分依据 sheet (in Excel; here: the downloaded copy, filled and opened again).
  const withSheets = await download(page);
  expect(readXlsx(withSheets).sheets).toEqual(expect.arrayContaining(["评分依据", "评分设置"]));
  await page.getByRole("tab", { name: paneText.tabs.score }).click();
  await page
    .getByTestId("file-input")
    .setInputFiles({ name: "本单位（已填写）.xlsx", mimeType: xlsx, buffer: filledIn(withSheets) });
  await page.getByRole("combobox", { name: paneText.preview.source }).filter({ hasText: "已填写" }).waitFor();
  await page.getByRole("button", { name: paneText.rescore }).click();
  // The report gives no project counts for 项目完成及时性: exactly those are asked for.
  await errors.waitFor({ state: "visible" });
  expect(await errors.textContent()).toContain("计划完成项目数");
  expect(await errors.getByRole("listitem").count()).toBe(2);

  // 4. 评定 → 人工调整 with the report's reason, as the seed report did (4 分); it rescores by itself.
  await page.getByRole("tab", { name: paneText.tabs.judged }).click();
  await page.getByRole("button", { name: /^项目完成及时性/ }).click();
  const box = page.getByTestId("override-projectTimeliness");
  await box.getByRole("textbox", { name: /调整后得分/ }).fill("4");
  await box.getByRole("textbox", { name: /调整理由/ }).fill("报告未列出按时完成的项目数，按报告自评分 4 分");
  await box.getByRole("button", { name: PANE_SETUP.judged.override.save }).click();

  // 5. Scored: the seed report's corrected total and grade, 预算执行率 against the sheet's old score.
  await page.getByRole("tab", { name: paneText.tabs.score }).click();
  await page.getByTestId("total").waitFor({ timeout: 15000 });
  expect(await page.getByTestId("total").textContent()).toBe("89.46");
  expect(await page.getByTestId("previous-budgetExecution").textContent()).toBe("原 5.66 → 5.96（+0.30）");
  await noHorizontalOverflow(page);
  await page.screenshot({ path: join(RESULTS, "journey-3-scored.png"), fullPage: true });
  expect(cell(await download(page), "评分表", "I20")).toBe(5.96);
  await page.context().close();
});
