/**
 * Test helpers for the Office host: a workbook with 30 named inputs and a 21-row 评分表 built
 * with ExcelJS, and a small stand-in contract (the real one lives in src/workbook/rescore.ts;
 * the host must not care which it gets). The stub finds the table by the `评分表` name or by a
 * 自评得分 header, checks every input is a number, and writes a score per row.
 */
import ExcelJS from "exceljs";
import { builtinRuleSet } from "../../../src/engine";

const INPUTS = builtinRuleSet("city-2021")!.inputs;
import type { ScoreError } from "../../../src/engine/types";
import type { ContractApi, RescoreOutcomeLike } from "../../../src/hosts/office/rescoreWorkbook";
import type { CellWrite, GridData, WorkbookSnapshot, WritePlan } from "../../../src/workbook/snapshot";
import { colLetters, parseCell } from "../../../src/workbook/address";

/** The 29 contract inputs plus one judged sub-item: 30 named inputs. */
export const INPUT_NAMES = [...INPUTS.map((d) => d.name), "预算编制合理性_1"];
export const ROWS = 21;

export interface FixtureOptions {
  /** Make these inputs worksheet-scoped (on 评分依据) instead of workbook-level. */
  sheetScoped?: string[];
  /** Leave these names out. */
  omit?: string[];
  /** Give the table a `评分表` name already. */
  tableName?: boolean;
  /** Extra names (reference text as stored), e.g. a broken one. */
  extraNames?: { name: string; ref: string }[];
}

export async function buildFixture(opts: FixtureOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const table = wb.addWorksheet("评分表");
  table.getCell("A1").value = "一级指标";
  table.getCell("B1").value = "三级指标";
  table.getCell("C1").value = "分值";
  table.getCell("D1").value = "自评得分";
  for (let i = 0; i < ROWS; i++) {
    const r = i + 2;
    table.getCell(`A${r}`).value = i < 10 ? "投入" : "产出";
    table.getCell(`B${r}`).value = `指标${i + 1}`;
    table.getCell(`C${r}`).value = 5;
    table.getCell(`D${r}`).value = 1;
  }
  table.mergeCells("A2:A11");
  table.getCell(`B${ROWS + 2}`).value = "综合评分";
  table.getCell(`D${ROWS + 2}`).value = { formula: `SUM(D2:D${ROWS + 1})`, result: ROWS };

  const basis = wb.addWorksheet("评分依据");
  const omit = new Set(opts.omit ?? []);
  const defs = [...INPUTS, { name: "预算编制合理性_1", unit: "count" as const }];
  defs.forEach((d, i) => {
    const r = i + 1;
    basis.getCell(`A${r}`).value = d.name;
    const cell = basis.getCell(`B${r}`);
    if (d.unit === "percent") {
      cell.value = 0.9;
      cell.numFmt = "0.00%";
    } else cell.value = d.unit === "count" ? 10 : 1000 + i;
    if (!omit.has(d.name) && !(opts.sheetScoped ?? []).includes(d.name)) {
      wb.definedNames.add(`评分依据!$B$${r}`, d.name);
    }
  });
  if (opts.tableName) wb.definedNames.add(`评分表!$A$1:$D$${ROWS + 1}`, "评分表");
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return bytes;
}

/** Names ExcelJS cannot write (sheet scope, #REF!) are added on the fake directly by tests. */

/** The 自评得分 header: its grid and its 1-based row and column. */
function findHeader(grids: GridData[]): { grid: GridData; row: number; col: number } | undefined {
  for (const grid of grids) {
    const c = grid.cells.find((cell) => cell.value === "自评得分");
    if (c) {
      const p = parseCell(c.address)!;
      return { grid, row: p.row, col: p.col };
    }
  }
  return undefined;
}

export interface StubOptions {
  /** Text written into column E of the first row (to test formula safety). */
  label?: string;
  /** Number format for a created cell. */
  detailSheet?: boolean;
}

export function stubContract(
  stub: StubOptions = {},
): ContractApi<RescoreOutcomeLike> & { snapshots: WorkbookSnapshot[] } {
  const snapshots: WorkbookSnapshot[] = [];
  return {
    snapshots,
    contractNames: () => [...INPUT_NAMES, "综合评分", "评分等级", "效果性指标表"],
    rescore(snapshot) {
      snapshots.push(snapshot);
      const errors: ScoreError[] = [];
      let sum = 0;
      for (const name of INPUT_NAMES) {
        const n = snapshot.names.find((x) => x.name === name && x.cells);
        const v = n?.cells?.[0]?.value;
        if (typeof v !== "number") {
          errors.push({
            code: "missing",
            target: name,
            source: { name },
            found: "无",
            expected: "数字",
            message: `缺少${name}`,
          });
        } else sum += v;
      }
      const hit = findHeader(snapshot.grids);
      if (!hit)
        errors.push({
          code: "tableNotFound",
          target: "评分表",
          found: "无",
          expected: "评分表",
          message: "找不到评分表",
        });
      const empty: WritePlan = { cells: [], sheets: [] };
      if (errors.length || !hit) return { plan: empty, errors };
      const { grid, row, col } = hit;
      const colLetter = colLetters(col);
      const cells: CellWrite[] = [];
      for (let i = 0; i < ROWS; i++) {
        const address = `${colLetter}${row + 1 + i}`;
        const prev = grid.cells.find((c) => c.address === address)?.value ?? null;
        cells.push({
          sheet: grid.sheet,
          address,
          value: Math.round(((sum % 7) + i * 0.25) * 100) / 100,
          previous: prev,
          role: `i${i}`,
        });
      }
      if (stub.label !== undefined) {
        cells.push({ sheet: grid.sheet, address: `F${row + 1}`, value: stub.label, previous: null, role: "label" });
      }
      const plan: WritePlan = { cells, sheets: [] };
      if (stub.detailSheet)
        plan.sheets.push({
          sheet: "评分明细",
          rows: [
            ["三级指标", "得分"],
            ["指标1", 1.5],
            ["=危险", "+1"],
          ],
        });
      const table = { sheet: grid.sheet, address: `A${row}:D${row + ROWS}` };
      return { plan, errors, table, summary: `${ROWS} 项` };
    },
  };
}
