/**
 * Office-side benchmarks (run: npx tsx scripts/bench-office.ts; scripts/bench.ts may import
 * `benchOffice`):
 *   - context.sync() calls per rescoring on the Excel fake, for each sample workbook: the first
 *     run (no 评分表 name yet) and the next run (table known);
 *   - a pane click (ExcelPort, as the 重新评分 button in the pane): first, steady, unchanged;
 *   - the payload (cells and response bytes) of a steady rescoring with and without a
 *     150,000-row ledger sheet, and the largest response of a first run with it;
 *   - gzip -9 size of what taskpane.html loads in the production build (its own script files;
 *     office.js from the CDN is not counted). Needs `npm run build` first.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { defaultContract } from "../src/hosts/office/defaultContract";
import { rescoreWorkbook } from "../src/hosts/office/rescoreWorkbook";
import { fakeFromXlsx } from "../test/fakes/fromSnapshot";
import type { FakeWorkbookData } from "../test/fakes/excel";
import { ExcelPort } from "../src/taskpane/ports/excel";
import { rescoreThrough } from "../src/taskpane/ports/through";

const ROOT = join(__dirname, "..");

export interface OfficeBenchLine {
  key: string;
  value: number | string;
}

/** Makes one score in the table wrong, as a user typing over it would, so the next run must write. */
function spoilOneScore(
  data: ReturnType<typeof fakeFromXlsx>,
  table: { sheet: string; address: string; scoreColumn: string },
): void {
  const [top, bottom] = table.address.split(":").map((a) => Number(/\d+/.exec(a)![0]));
  for (let r = top; r <= bottom; r++) {
    const cell = data.cell(table.sheet, `${table.scoreColumn}${r}`);
    if (cell && typeof cell.value === "number" && !cell.formula) {
      cell.value += 1;
      return;
    }
  }
}

async function syncsFor(file: string): Promise<OfficeBenchLine[]> {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(file)));
  const run = () =>
    rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(0) });
  const name = file.split("/").pop();
  const note = (o: Awaited<ReturnType<typeof run>>) =>
    o.errors.length
      ? ` (not written: ${o.errors.length} errors, first: ${o.errors[0].message})`
      : o.written
        ? ""
        : " (nothing to write)";
  const first = await run();
  const lines: OfficeBenchLine[] = [
    { key: `office: syncs per rescoring (first run, ${name})`, value: `${first.syncs}${note(first)}` },
  ];
  // Settle: a first run that added the total rows grows the table, so the next run re-records 评分表.
  await run();
  if (first.outcome?.table) spoilOneScore(data, first.outcome.table);
  const known = await run();
  lines.push({ key: `office: syncs per rescoring (known table, ${name})`, value: `${known.syncs}${note(known)}` });
  const unchanged = await run();
  lines.push({
    key: `office: syncs per rescoring (known table, nothing changed, ${name})`,
    value: `${unchanged.syncs}${note(unchanged)}`,
  });
  return lines;
}

const SEED_004 = join(ROOT, "assets", "samples", "seed-004-city-2021.xlsx");

/** The seed plus a 150,000 × 10 ledger sheet. */
function withLedger(rows: number): FakeWorkbookData {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(SEED_004)));
  const ledger = data.addSheet("明细账");
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < 10; c++) ledger.cells.set(`${r},${c}`, { value: c === 0 ? `凭证${r}` : r * 10 + c });
  return data;
}

async function paneClicks(): Promise<OfficeBenchLine[]> {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(SEED_004)));
  const port = new ExcelPort(data.run, () => true);
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i === 1)
      for (const s of data.sheets)
        for (const [k, c] of s.cells) if (c.value === 5.96) s.cells.set(k, { ...c, value: 5.5 });
    const before = data.syncCount;
    await rescoreThrough(port, { now: new Date(i) });
    counts.push(data.syncCount - before);
  }
  return [
    { key: "office: pane click", value: `first ${counts[0]}, steady ${counts[1]}, unchanged ${counts[2]} syncs` },
  ];
}

async function payload(): Promise<OfficeBenchLine[]> {
  const steady = async (data: FakeWorkbookData) => {
    await rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(0) });
    const firstMax = Math.max(...data.payloadLog.map((p) => p.responseBytes));
    for (const s of data.sheets)
      for (const [k, c] of s.cells) if (c.value === 5.96) s.cells.set(k, { ...c, value: 5.5 });
    data.payloadLog = [];
    await rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(1) });
    const read = data.payloadLog[0];
    return { cells: read.cells, bytes: read.responseBytes, firstMax };
  };
  const plain = await steady(fakeFromXlsx(new Uint8Array(readFileSync(SEED_004))));
  const big = await steady(withLedger(150_000));
  return [
    {
      key: "office: steady rescoring read payload",
      value: `${plain.cells} cells / ${plain.bytes} bytes without a ledger; ${big.cells} cells / ${big.bytes} bytes with a 150,000-row ledger`,
    },
    {
      key: "office: largest response of a first run with the 150,000-row ledger (web limit 5,000,000)",
      value: `${big.firstMax} bytes`,
    },
  ];
}

function bundleSize(): OfficeBenchLine[] {
  const dist = join(ROOT, "dist");
  const html = join(dist, "taskpane.html");
  if (!existsSync(html))
    return [{ key: "office: taskpane bundle", value: "dist/taskpane.html missing, run npm run build" }];
  const srcs = Array.from(readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g))
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  let raw = 0;
  let gz = 0;
  for (const s of srcs) {
    const bytes = readFileSync(join(dist, s));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return [
    { key: `office: taskpane.html scripts (${srcs.join(", ")}) raw bytes`, value: raw },
    { key: "office: taskpane.html scripts gzip -9 bytes", value: gz },
  ];
}

export async function benchOffice(): Promise<OfficeBenchLine[]> {
  const lines: OfficeBenchLine[] = [];
  const samples = join(ROOT, "assets", "samples");
  const files = existsSync(samples)
    ? readdirSync(samples)
        .filter((f) => f.endsWith(".xlsx"))
        .sort()
    : [];
  if (files.length === 0) lines.push({ key: "office: syncs per rescoring", value: "no assets/samples/*.xlsx yet" });
  for (const f of files) lines.push(...(await syncsFor(join(samples, f))));
  lines.push(...(await paneClicks()));
  lines.push(...(await payload()));
  lines.push(...bundleSize());
  return lines;
}

if (require.main === module) {
  benchOffice().then(
    (lines) => {
      for (const l of lines) console.log(`${l.key} = ${l.value}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
