/**
 * Large and hostile workbooks through the real CLI (a child process capped at 1.5 GB of heap and
 * 30 s): a 150,000-row ledger, a stray cell in the last row or in XFD1048576, zip bombs in a part
 * that is read and in one that is not, several huge sheet parts, a million empty styled cells —
 * each scores correctly or is refused with a Chinese message, and a batch holding all of them
 * scores the rest and prints its summary. Files are generated here, never committed.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8 } from "fflate";
import { bombEntry, ledgerSheet, LEDGER_ROW, SHEET_HEAD, SHEET_TAIL, withParts } from "../support/hostile";

const ROOT = join(__dirname, "../..");
const SEED = new Uint8Array(readFileSync(join(ROOT, "assets/samples/seed-004-city-2021.xlsx")));
const BIN = join(ROOT, "bin/pe-score.js");
/** The seed's 评分表 sheet part (the table) — the first worksheet of the sample. */
const TABLE_PART = "xl/worksheets/sheet1.xml";

let dir: string;
const files: Record<string, string> = {};

function save(name: string, bytes: Uint8Array): void {
  files[name] = join(dir, name);
  writeFileSync(files[name], bytes);
}

function editTable(edit: (xml: string) => string): Uint8Array {
  return withParts(SEED, [], [], (name, xml) => (name === TABLE_PART ? edit(xml) : xml));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pe-hostile-"));
  mkdirSync(join(dir, "batch"));
  save("ledger-150k.xlsx", withParts(SEED, [ledgerSheet("明细账", "xl/worksheets/ledger.xml", 150_000)]));
  save(
    "stray-last-row.xlsx",
    editTable((x) => x.replace(/<\/sheetData>/, `<row r="1048576"><c r="I1048576"><v>0</v></c></row></sheetData>`)),
  );
  save(
    "stray-xfd.xlsx",
    editTable((x) => x.replace(/<\/sheetData>/, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`)),
  );
  // 1.1 GB of white space inside <sheetData> of a sheet that must be read.
  save(
    "bomb-read.xlsx",
    withParts(SEED, [
      { name: "附表", entry: bombEntry("xl/worksheets/bomb.xml", SHEET_HEAD, " ".repeat(64), 1.1e9, SHEET_TAIL) },
    ]),
  );
  // 1.1 GB of zeros in a media part nothing refers to.
  save("bomb-unread.xlsx", withParts(SEED, [], [bombEntry("xl/media/image99.png", "", "\0", 1.1e9)]));
  // Three sheet parts of 400 MB each (rows without r: each takes the next index).
  save(
    "huge-sheets.xlsx",
    withParts(
      SEED,
      [1, 2, 3].map((i) => ({
        name: `大表${i}`,
        entry: bombEntry(`xl/worksheets/huge${i}.xml`, SHEET_HEAD, LEDGER_ROW, 4e8, SHEET_TAIL),
      })),
    ),
  );
  // A million empty styled cells under the table, in the table's own sheet.
  const styledRow = `<row>${'<c s="1"/>'.repeat(1000)}</row>`;
  save(
    "styled-million.xlsx",
    editTable((x) => x.replace(/<\/sheetData>/, `${styledRow.repeat(1000)}</sheetData>`)),
  );
  for (const [name, path] of Object.entries(files)) writeFileSync(join(dir, "batch", name), readFileSync(path));
  writeFileSync(join(dir, "batch", "seed-004.xlsx"), SEED);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--max-old-space-size=1536", BIN, ...args],
      { timeout: 30_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: "" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, out: stdout, err: stderr, ms: Date.now() - t0 });
      },
    );
  });
}

function parsed(
  out: string,
): { file: string; ok: boolean; total: number | null; grade: string | null; errors: { message: string }[] }[] {
  return JSON.parse(out);
}

describe("large and hostile workbooks (CLI, ≤ 1.5 GB heap, ≤ 30 s each)", () => {
  test.each([
    "ledger-150k.xlsx",
    "stray-last-row.xlsx",
    "stray-xfd.xlsx",
    "bomb-unread.xlsx",
    "huge-sheets.xlsx",
    "styled-million.xlsx",
  ])(
    "%s scores like the plain sample (89.46 良)",
    async (name) => {
      const r = await cli(["score", files[name], "--format", "json"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const [rep] = parsed(r.out);
      expect(rep).toMatchObject({ ok: true, total: 89.46, grade: "良" });
      expect(r.ms).toBeLessThan(30_000);
    },
    40_000,
  );

  test("a zip bomb in a sheet that must be read is refused in Chinese, naming the part", async () => {
    const r = await cli(["score", files["bomb-read.xlsx"], "--format", "json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const [rep] = parsed(r.out);
    expect(rep.ok).toBe(false);
    expect(rep.errors[0].message).toMatch(/工作簿过大或已损坏.*xl\/worksheets\/bomb\.xml/);
    // The reason is the part's content (blanks that never make a row), not only its size.
    expect(rep.errors[0].message).toContain("不构成完整的单元格行");
  }, 40_000);

  test("refusing that bomb stays far below 1.5 GB: pending text is capped, not grown to the inflate cap", async () => {
    // scripts/bench-one.cjs runs the CLI in-process and reports its exit code and peak RSS.
    // Before the cap the refusal grew one string to 128 MB, copied on every piece: 2.4 GB RSS.
    const r = await new Promise<{ code: number; maxRssMb: number }>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(ROOT, "scripts/bench-one.cjs"), "score", files["bomb-read.xlsx"], "--format", "json"],
        { timeout: 30_000, env: { ...process.env, NODE_OPTIONS: "" } },
        (error, _out, stderr) =>
          error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stderr.trim().split("\n").pop()!)),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.maxRssMb).toBeLessThan(1024);
  }, 40_000);

  test("--out copies an unread 1.1 GB media part without inflating it", async () => {
    const out = join(dir, "out");
    const r = await cli(["score", files["bomb-unread.xlsx"], "--out", out]);
    expect(r.code).toBe(0);
    const written = statSync(join(out, "bomb-unread.xlsx")).size;
    const input = statSync(files["bomb-unread.xlsx"]).size;
    expect(Math.abs(written - input)).toBeLessThan(64 * 1024); // the media part's bytes copied as they are
    expect(r.ms).toBeLessThan(30_000);
  }, 40_000);

  test("a batch holding all of them scores the rest and prints its summary", async () => {
    const r = await cli(["score", join(dir, "batch")]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain("共 8 个文件：7 个评分完成，1 个有问题。");
    expect(strToU8(r.out).length).toBeGreaterThan(0);
  }, 60_000);
});
