/**
 * An independent spreadsheet checks our scored copies: LibreOffice (headless) opens the scored
 * seed 004 sample and saves it again as .xlsx; reading its own file back, the scores, 综合评分,
 * 评分等级 and every defined name are what we wrote.
 */
import { rowsOf, valueAt } from "../support/cells";
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { rescore } from "../../src/workbook";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const withSoffice = soffice ? test : test.skip;
const SAMPLE = join(__dirname, "../../assets/samples/seed-004-city-2021.xlsx");

/** The first value right of a row label (综合评分 / 评分等级 rows of the 评分表). */
function besideLabel(s: WorkbookSnapshot, sheet: string, label: string) {
  const row = [...rowsOf(s, sheet).values()].find((r) => r.some((c) => c.value === label));
  const at = row?.findIndex((c) => c.value === label) ?? -1;
  return row?.slice(at + 1).find((c) => c.value !== null)?.value;
}

withSoffice(
  "LibreOffice opens the scored copy and keeps its scores, total, grade and names",
  () => {
    const work = mkdtempSync(join(tmpdir(), "pe-lo-"));
    try {
      const original = new Uint8Array(readFileSync(SAMPLE));
      const outcome = rescore(readXlsx(original));
      expect(outcome.errors).toEqual([]);
      const scored = applyPlan(original, outcome.plan);
      const ours = readXlsx(scored);
      writeFileSync(join(work, "scored.xlsx"), scored);

      const out = join(work, "lo");
      const r = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${join(work, "profile")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "xlsx:Calc MS Excel 2007 XML",
          "--outdir",
          out,
          join(work, "scored.xlsx"),
        ],
        { encoding: "utf8", timeout: 120000 },
      );
      expect(r.status).toBe(0);
      const theirs = readXlsx(new Uint8Array(readFileSync(join(out, "scored.xlsx"))));

      // Every cell the plan wrote reads back the same in LibreOffice's own file.
      for (const c of outcome.plan.cells)
        expect([c.address, valueAt(theirs, c.sheet, c.address)]).toEqual([c.address, c.value]);
      const t = outcome.table!;
      const written = (id: string) => outcome.plan.cells.find((c) => c.role === id)!;
      expect(valueAt(theirs, t.sheet, written("budgetExecution").address)).toBe(5.96);
      expect(valueAt(theirs, t.sheet, written("total").address)).toBe(89.46);
      expect(besideLabel(theirs, t.sheet, "综合评分")).toBe(89.46);
      expect(besideLabel(theirs, t.sheet, "评分等级")).toBe("良");

      // Every defined name survives, pointing at the same cells.
      const names = (s: WorkbookSnapshot) =>
        s.names
          .filter((n) => n.sheet)
          .map((n) => `${n.name}@${n.scope ?? ""}=${n.sheet}!${n.address}`)
          .sort();
      expect(names(theirs)).toEqual(expect.arrayContaining(names(ours)));
      expect(names(ours).length).toBeGreaterThan(50);
      // And LibreOffice's file rescores to the same result.
      expect(rescore(theirs).result.total).toBe(89.46);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  150000,
);
