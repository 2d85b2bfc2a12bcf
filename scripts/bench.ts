/**
 * Batch throughput: workbooks per second through read → rescore → applyPlan, in-process, over
 * N copies of the sample workbooks (default 200), and optionally through the compiled CLI
 * (`--cli`, needs `npm run prepare`): the batch, then one workbook per process for the plain
 * sample, the sample with a 150,000-row ledger sheet and the sample with a stray cell in
 * XFD1048576 (median time and peak RSS of 5 processes each, and their ratio to the plain one).
 * Run: npm run bench [-- --n 200 --cli]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyPlan, readXlsx } from "../src/hosts/xlsx";
import { rescore } from "../src/workbook";
import { ledgerSheet, withParts } from "../test/support/hostile";

const ROOT = resolve(__dirname, "..");
const SAMPLES = ["seed-000-district-2020.xlsx", "seed-004-city-2021.xlsx"].map((f) => join(ROOT, "assets/samples", f));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? "") : undefined;
}

function line(label: string, n: number, ms: number): string {
  return `${label}: ${n} workbooks in ${(ms / 1000).toFixed(1)} s = ${((n * 1000) / ms).toFixed(1)}/s`;
}

function main(): void {
  const n = Number(arg("n") ?? 200);
  const bytes = SAMPLES.map((f) => new Uint8Array(readFileSync(f)));
  // Warm-up: JIT and module initialisation are not what a batch of hundreds pays per file.
  for (const b of bytes) applyPlan(b, rescore(readXlsx(b)).plan);

  const phases = { read: 0, rescore: 0, apply: 0 };
  const t0 = performance.now();
  let out = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i % bytes.length].slice(); // a distinct copy, as a batch reads distinct files
    let t = performance.now();
    const snap = readXlsx(b);
    phases.read += performance.now() - t;
    t = performance.now();
    const o = rescore(snap);
    phases.rescore += performance.now() - t;
    if (o.errors.length) throw new Error(`sample ${i % bytes.length} has errors: ${o.errors[0].message}`);
    t = performance.now();
    out += applyPlan(b, o.plan).length;
    phases.apply += performance.now() - t;
  }
  const ms = performance.now() - t0;
  console.log(line("batch", n, ms));
  console.log(
    `  per workbook: read ${(phases.read / n).toFixed(2)} ms, rescore ${(phases.rescore / n).toFixed(2)} ms, applyPlan ${(phases.apply / n).toFixed(2)} ms (${(out / n / 1024).toFixed(1)} KiB written)`,
  );

  if (arg("cli") !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), "pe-bench-"));
    try {
      const files: string[] = [];
      for (let i = 0; i < n; i++) {
        const f = join(dir, `wb-${String(i).padStart(4, "0")}.xlsx`);
        writeFileSync(f, bytes[i % bytes.length]);
        files.push(f);
      }
      const t = performance.now();
      execFileSync(
        process.execPath,
        [join(ROOT, "bin/pe-score.js"), "score", dir, "--out", join(dir, "out"), "--format", "json"],
        {
          stdio: ["ignore", "ignore", "inherit"],
          maxBuffer: 1 << 30,
        },
      );
      console.log(line("cli batch (one process, --out)", n, performance.now() - t));
      perFile(dir, bytes[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The plain sample against the same sample with a 150,000-row ledger sheet and with a stray cell
 * in XFD1048576: in-process (read → rescore, warm, median of 30; the scored copy beside it, which
 * copies the file's bytes and so follows its size) and one CLI process
 * each (median time and peak RSS of 5 processes; a cold process also pays for compiling the code
 * a big sheet's streamed read needs).
 */
function perFile(dir: string, seed: Uint8Array): void {
  const cases: [string, Uint8Array][] = [
    ["plain sample (seed 004)", seed],
    ["with a 150,000-row ledger sheet", withParts(seed, [ledgerSheet("明细账", "xl/worksheets/ledger.xml", 150_000)])],
    [
      "with a stray cell in XFD1048576",
      withParts(seed, [], [], (name, xml) =>
        name === "xl/worksheets/sheet1.xml"
          ? xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
          : xml,
      ),
    ],
  ];
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  let base: { warm: number; ms: number; mb: number } | undefined;
  for (const [label, b] of cases) {
    for (let i = 0; i < 5; i++) applyPlan(b, rescore(readXlsx(b)).plan);
    const timed = Array.from({ length: 30 }, () => {
      let t = performance.now();
      const o = rescore(readXlsx(b));
      const score = performance.now() - t;
      t = performance.now();
      applyPlan(b, o.plan);
      return { score, copy: performance.now() - t };
    });
    const warm = median(timed.map((x) => x.score));
    const copy = median(timed.map((x) => x.copy));
    const f = join(dir, `case-${label.length}.xlsx`);
    writeFileSync(f, b);
    const runs = Array.from({ length: 5 }, () => {
      const r = spawnSync(process.execPath, [join(ROOT, "scripts/bench-one.cjs"), "score", f, "--format", "json"], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      return JSON.parse(r.stderr.toString().trim().split("\n").pop()!) as {
        code: number;
        ms: number;
        maxRssMb: number;
      };
    });
    if (runs.some((r) => r.code !== 0)) throw new Error(`${label}: the CLI did not score it`);
    const ms = median(runs.map((r) => r.ms));
    const mb = median(runs.map((r) => r.maxRssMb));
    const first = !base;
    base ??= { warm, ms, mb };
    console.log(
      `one workbook, ${label} (${(b.length / 1024).toFixed(0)} KiB): in-process read + rescore ${warm.toFixed(1)} ms` +
        (first ? "" : ` (×${(warm / base.warm).toFixed(2)})`) +
        `, scored copy ${copy.toFixed(1)} ms` +
        `; CLI process ${ms.toFixed(0)} ms, peak RSS ${mb.toFixed(0)} MB` +
        (first ? "" : ` (×${(ms / base.ms).toFixed(2)} time, ×${(mb / base.mb).toFixed(2)} memory)`),
    );
  }
}

main();
