/**
 * Batch throughput: workbooks per second through read → rescore → applyPlan, in-process, over
 * N copies of the sample workbooks (default 200), and optionally through the compiled CLI
 * (`--cli`, needs `npm run prepare`). Run: npm run bench [-- --n 200 --cli]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyPlan, readXlsx } from "../src/hosts/xlsx";
import { rescore } from "../src/workbook";

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
      execFileSync(process.execPath, [join(ROOT, "bin/pe-score.js"), "score", dir, "--out", join(dir, "out"), "--format", "json"], {
        stdio: ["ignore", "ignore", "inherit"],
        maxBuffer: 1 << 30,
      });
      console.log(line("cli batch (one process, --out)", n, performance.now() - t));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
