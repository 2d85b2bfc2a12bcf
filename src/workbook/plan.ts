/**
 * ScoreResult → WritePlan: the matched score cells, 综合评分, 评分等级 (with their labels when the
 * rows are added), and optionally the 评分明细 audit sheet. Every value overwritten is kept in
 * `previous` for undo. Text is the real text: each host makes it formula-safe its own way
 * (Office.js: Excel's hidden "'" prefix; .xlsx: inline strings, which are never formulas).
 */
import type { IndicatorResult, RuleSet, ScoreResult } from "../engine";
import type { CellScalar, CellWrite, SheetWrite, WritePlan } from "./snapshot";
import { DETAIL } from "../text/workbook";
import { SHEETS } from "../text/vocabulary";
import type { ScoreTable, TableRow, TotalCells } from "./table";

/** A cell value as a number when it is one (typed scores may be numeric text). */
export function numberOf(v: CellScalar | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v)) return Number(v);
  return null;
}

export interface PlanInput {
  table: ScoreTable;
  rows: Map<string, TableRow>;
  totals: TotalCells;
  result: ScoreResult;
  ruleSet: RuleSet;
  detailSheet: boolean;
  now: Date;
  /** Per indicator id: the values it used, already as text (for 评分明细). */
  usedText: Map<string, string>;
}

function sameNumber(a: CellScalar, b: number): boolean {
  const n = numberOf(a);
  return n !== null && typeof a === "number" && Math.abs(n - b) < 1e-9;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Only cells whose value changes are written (fewer writes, a smaller undo record); a score cell
 * whose formula already gives the score keeps its formula. A 综合评分 or 评分等级 cell holding a
 * formula keeps it too, but its value changes (`keepFormula`): an .xlsx copy then stores the new
 * total as the formula's cached result, so readers that do not recalculate (LibreOffice,
 * previews, scripts) see it, while Excel recomputes it from the scores written.
 */
export function buildPlan(p: PlanInput): WritePlan {
  const cells: CellWrite[] = [];
  const { table, result } = p;
  for (const ind of result.indicators) {
    const row = p.rows.get(ind.id);
    if (!row || ind.score === null) continue;
    if (sameNumber(row.cell.value, ind.score)) continue;
    cells.push({ sheet: table.sheet, address: row.address, value: ind.score, previous: row.cell.value, role: ind.id });
  }
  const { total, grade } = p.totals;
  if (total && result.total !== null && !sameNumber(total.cell.value, result.total)) {
    const w: CellWrite = {
      sheet: total.sheet,
      address: total.address,
      value: result.total,
      previous: total.cell.value,
      role: "total",
    };
    if (total.label) w.numberFormat = "0.00";
    if (total.cell.formula !== undefined) w.keepFormula = true;
    cells.push(w);
  }
  if (grade && result.grade !== null && grade.cell.value !== result.grade) {
    const w: CellWrite = {
      sheet: grade.sheet,
      address: grade.address,
      value: result.grade,
      previous: grade.cell.value,
      role: "grade",
    };
    if (grade.cell.formula !== undefined) w.keepFormula = true;
    cells.push(w);
  }
  for (const x of [total, grade]) {
    if (x?.label)
      cells.push({
        sheet: x.sheet,
        address: x.label.address,
        value: x.label.text,
        previous: x.label.previous,
        role: "label",
      });
  }
  const sheets: SheetWrite[] = p.detailSheet ? [detailSheet(p)] : [];
  return { cells, sheets };
}

function detailRow(p: PlanInput, ind: IndicatorResult, n: number, time: string): (string | number | null)[] {
  const prev = numberOf(p.rows.get(ind.id)?.cell.value);
  return [
    n,
    ind.level1,
    ind.level2,
    ind.name,
    ind.max,
    ind.score,
    prev,
    DETAIL.kinds[ind.kind] ?? ind.kind,
    ind.explanation,
    p.usedText.get(ind.id) ?? "",
    p.ruleSet.name ?? p.ruleSet.title,
    time,
  ];
}

function detailSheet(p: PlanInput): SheetWrite {
  const time = stamp(p.now);
  const rows: (string | number | null)[][] = [DETAIL.headers];
  p.result.indicators.forEach((ind, i) => rows.push(detailRow(p, ind, i + 1, time)));
  rows.push([]);
  rows.push([DETAIL.totalRow, null, null, null, 100, p.result.total]);
  rows.push([DETAIL.gradeRow, null, null, null, null, p.result.grade === null ? null : p.result.grade]);
  return { sheet: SHEETS.detail, rows };
}
