/**
 * Build step of preview mode's samples (src/taskpane/preview/sample.ts says why): the snapshot of
 * each bundled sample, read by the pane's own .xlsx reader. webpack.config.js runs this in every
 * build and emits `samples/<file>.snapshot.json`, so a snapshot can never lag behind the reader.
 *
 *   node --import tsx scripts/sample-snapshots.ts <dir>   → {"<file>": "<snapshot json>", …} on stdout
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../src/hosts/xlsx";
import { fingerprint, type SampleSnapshot } from "../src/taskpane/preview/sample";

export async function sampleSnapshotJson(bytes: Uint8Array): Promise<string> {
  const print = await fingerprint(bytes);
  if (!print) throw new Error("Web Crypto is missing: Node 20 or later is needed");
  const s: SampleSnapshot = { fingerprint: print, snapshot: readXlsx(bytes) };
  return JSON.stringify(s);
}

async function main(dir: string): Promise<void> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".xlsx"))) {
    out[file] = await sampleSnapshotJson(new Uint8Array(readFileSync(join(dir, file))));
  }
  process.stdout.write(JSON.stringify(out));
}

if (require.main === module) void main(process.argv[2]);
