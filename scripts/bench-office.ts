/**
 * Office-side benchmarks (run: npx tsx scripts/bench-office.ts; scripts/bench.ts may import
 * `benchOffice`):
 *   - context.sync() calls per rescoring on the Excel fake, for each sample workbook: the first
 *     run (no 评分表 name yet) and the next run (table known);
 *   - gzip -9 size of what taskpane.html loads in the production build (its own script files;
 *     office.js from the CDN is not counted). Needs `npm run build` first.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { defaultContract } from "../src/hosts/office/defaultContract";
import { rescoreWorkbook } from "../src/hosts/office/rescoreWorkbook";
import { fakeFromXlsx } from "../test/fakes/fromSnapshot";

const ROOT = join(__dirname, "..");

export interface OfficeBenchLine {
  key: string;
  value: number | string;
}

/** Makes one score in the table wrong, as a user typing over it would, so the next run must write. */
function spoilOneScore(data: ReturnType<typeof fakeFromXlsx>, table: { sheet: string; address: string; scoreColumn: string }): void {
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
  const run = () => rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(0) });
  const name = file.split("/").pop();
  const note = (o: Awaited<ReturnType<typeof run>>) =>
    o.errors.length ? ` (not written: ${o.errors.length} errors, first: ${o.errors[0].message})` : o.written ? "" : " (nothing to write)";
  const first = await run();
  const lines: OfficeBenchLine[] = [{ key: `office: syncs per rescoring (first run, ${name})`, value: `${first.syncs}${note(first)}` }];
  // Settle: a first run that added the total rows grows the table, so the next run re-records 评分表.
  await run();
  if (first.outcome?.table) spoilOneScore(data, first.outcome.table);
  const known = await run();
  lines.push({ key: `office: syncs per rescoring (known table, ${name})`, value: `${known.syncs}${note(known)}` });
  const unchanged = await run();
  lines.push({ key: `office: syncs per rescoring (known table, nothing changed, ${name})`, value: `${unchanged.syncs}${note(unchanged)}` });
  return lines;
}

function bundleSize(): OfficeBenchLine[] {
  const dist = join(ROOT, "dist");
  const html = join(dist, "taskpane.html");
  if (!existsSync(html)) return [{ key: "office: taskpane bundle", value: "dist/taskpane.html missing, run npm run build" }];
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
  const files = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith(".xlsx")).sort() : [];
  if (files.length === 0) lines.push({ key: "office: syncs per rescoring", value: "no assets/samples/*.xlsx yet" });
  for (const f of files) lines.push(...(await syncsFor(join(samples, f))));
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
