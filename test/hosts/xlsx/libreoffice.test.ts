/**
 * Round trip through a real spreadsheet application: the patched rich fixture is opened by
 * LibreOffice (headless) and exported to CSV, proving the package is well-formed, the written
 * values are seen, and dependent formulas recalculate to the right values.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { applyPlan } from "../../../src/hosts/xlsx";
import type { CellWrite } from "../../../src/workbook/snapshot";

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const withSoffice = soffice ? test : test.skip;
if (!soffice) {
  console.warn("LibreOffice (soffice) is not installed: skipping the .xlsx LibreOffice round-trip test");
}

// LibreOffice's default for .xlsx is "never recalculate on load" (it does not read fullCalcOnLoad),
// so the throwaway profile sets it to "always", which is what Excel does with fullCalcOnLoad="1".
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Converts every sheet of `file` to UTF-8 CSV; returns sheet name → rows. */
function toCsv(file: string, work: string): Map<string, string[][]> {
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  const outDir = join(work, "csv");
  // Filter options: comma, double quote, UTF-8 (76), from line 1, …, sheet -1 = every sheet.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const base = file.slice(file.lastIndexOf("/") + 1).replace(/\.xlsx$/, "");
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) {
    const m = new RegExp(`^${base}-(.+)\\.csv$`).exec(f);
    if (m) sheets.set(m[1], parseCsv(readFileSync(join(outDir, f), "utf8")));
  }
  return sheets;
}

function at(rows: string[][] | undefined, address: string): string {
  const m = /^([A-Z])([0-9]+)$/.exec(address)!;
  return rows?.[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? "";
}

const w = (sheet: string, address: string, value: CellWrite["value"]): CellWrite => ({
  sheet,
  address,
  value,
  previous: null,
  role: "test",
});

withSoffice(
  "LibreOffice opens the patched workbook, sees the written values and recalculates dependents",
  () => {
    const work = mkdtempSync(join(tmpdir(), "xlsx-host-lo-"));
    try {
      const input = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/rich.xlsx")));
      const out = applyPlan(input, {
        cells: [
          w("评分表", "E6", 4.5),
          w("评分表", "E5", 9),
          w("评分表", "E8", "优"), // replaces the grade formula
          w("评分表", "C10", "备注：已评分"),
          w("评分依据", "B2", 2000000),
        ],
        sheets: [
          {
            sheet: "评分明细",
            rows: [
              ["指标", "得分"],
              ["预算执行率", 9],
            ],
          },
        ],
        names: [{ name: "满意度", sheet: "评分设置", address: "B2" }],
      });
      const file = join(work, "scored.xlsx");
      writeFileSync(file, out);
      const csv = toCsv(file, work);

      expect([...csv.keys()].sort()).toEqual(["评分依据", "评分明细", "评分表", "评分设置"].sort());
      const table = csv.get("评分表");
      expect(at(table, "E6")).toBe("4.5");
      expect(at(table, "E5")).toBe("9");
      expect(at(table, "E8")).toBe("优");
      expect(at(table, "C10")).toBe("备注：已评分");
      expect(at(table, "E7")).toBe("22.5"); // SUM(E3:E6) = 4 + 5 + 9 + 4.5, was 17.5 cached
      expect(at(table, "E3")).toBe("4"); // untouched
      const basis = csv.get("评分依据");
      expect(at(basis, "B2")).toBe("2000000");
      // 政府采购实际金额/政府采购计划金额 through the names: 950000 / 2000000.
      expect(at(basis, "B4")).toMatch(/^47\.5(0)?%$/);
      expect(at(basis, "B5")).toBe("57000"); // B3*税率: the constant name still works
      expect(csv.get("评分明细")).toEqual([
        ["指标", "得分"],
        ["预算执行率", "9"],
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  60_000,
);
