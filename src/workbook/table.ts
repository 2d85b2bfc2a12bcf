/**
 * Finding the 评分表: by the defined name 评分表, else by scanning the grids for a score header
 * (自评得分 / 得分 / 分数, spaces and line breaks removed) over rows that name known 三级指标.
 * Rows are matched to indicators by their normalised 三级指标 name (aliases cover either seed's
 * 效果性 wording), whatever merges the 一级/二级 columns have. The 综合评分 / 评分等级 cells are
 * found by defined name or row label, or planned in the two empty rows under the table.
 */
import {
  BUILTIN_RULE_SET_IDS,
  builtinRuleSet,
  indicatorsOf,
  normalizeName,
  type RuleSet,
  type ScoreError,
} from "../engine";
import type { CellData, WorkbookSnapshot } from "./snapshot";
import { WB } from "../text/workbook";
import { GRADE_LABELS, NAMES, OWN_SHEETS, SCORE_HEADERS, TOTAL_LABELS } from "../text/vocabulary";
import { areaAddress, cellAddress, colLetters, intersects, parseArea, type Area } from "./address";
import { compact, SheetView } from "./grid";
import { findName, singleCell } from "./names";
import type { WorkbookSettings } from "./settings";
import { mappedName } from "./inputs";

export interface TableRow {
  id: string;
  /** The name as the sheet prints it. */
  label: string;
  row: number;
  /** Score cell address. */
  address: string;
  cell: CellData;
}

export interface TargetCell {
  sheet: string;
  address: string;
  cell: CellData;
  /** Set when the contract adds this row: the label cell to write beside the value. */
  label?: { address: string; text: string; previous: CellData["value"] };
  /** Found through a defined name (its name). */
  viaName?: string;
}

export interface ScoreTable {
  sheet: string;
  area: Area;
  /** A1 range of the table (header to last indicator row, or to the total rows when present). */
  address: string;
  scoreCol: number;
  /** Column letters of the score column. */
  scoreColumn: string;
  nameCol: number;
  headerRow: number;
  /** Matched rows in sheet order, possibly with duplicates (checked by checkRows). */
  matched: TableRow[];
  view: SheetView;
}

const ruleSets = new Map<string, RuleSet | undefined>();
/**
 * Built-in rule sets, parsed once per process (builtinRuleSet validates and clones on every call,
 * which a batch of hundreds of workbooks would pay per file). Callers must not mutate them;
 * applyOverrides returns a copy.
 */
export function sharedRuleSet(id: string): RuleSet | undefined {
  if (!ruleSets.has(id)) ruleSets.set(id, builtinRuleSet(id));
  return ruleSets.get(id);
}

let nameIndex: Map<string, string> | undefined;
/** Normalised name or alias → indicator id, over every built-in rule set (ids are shared). */
function indicatorIndex(): Map<string, string> {
  if (nameIndex) return nameIndex;
  nameIndex = new Map();
  for (const id of BUILTIN_RULE_SET_IDS) {
    for (const { def } of indicatorsOf(sharedRuleSet(id)!)) {
      for (const n of [def.name, ...(def.aliases ?? [])])
        if (!nameIndex.has(normalizeName(n))) nameIndex.set(normalizeName(n), def.id);
    }
  }
  return nameIndex;
}

/** The indicator a printed name stands for: in the framework given, else in any built-in one. */
function matchIndicator(text: string, framework?: RuleSet): string | undefined {
  if (!text) return undefined;
  const n = normalizeName(text);
  if (!n || n.length > 40) return undefined;
  if (!framework) return indicatorIndex().get(n);
  return indicatorsOf(framework).find(({ def }) =>
    [def.name, ...(def.aliases ?? [])].some((x) => normalizeName(x) === n),
  )?.def.id;
}

interface Candidate {
  view: SheetView;
  headerRow: number;
  scoreCol: number;
  rank: number;
  bounds?: Area;
}

function locateIn(c: Candidate, extra?: RuleSet): ScoreTable | undefined {
  const { view, headerRow, scoreCol } = c;
  const bottom = c.bounds?.bottom ?? view.bottom;
  const left = c.bounds?.left ?? view.left;
  // Which column holds the 三级指标 names: the one with most matches (一级/二级 columns may
  // also hit, e.g. 效果性, but on fewer rows).
  const byCol = new Map<number, TableRow[]>();
  for (const { row: r, col } of view.cells(headerRow + 1, bottom)) {
    if (col < left || col >= scoreCol) continue;
    const id = matchIndicator(view.text(r, col), extra);
    if (!id) continue;
    const address = cellAddress(r, scoreCol);
    const list = byCol.get(col) ?? [];
    list.push({
      id,
      label: view.text(r, col),
      row: r,
      address,
      cell: view.cell(r, scoreCol) ?? { address, value: null },
    });
    byCol.set(col, list);
  }
  let nameCol = 0;
  let matched: TableRow[] = [];
  for (const [col, rows] of byCol) {
    if (rows.length > matched.length || (rows.length === matched.length && col > nameCol)) {
      nameCol = col;
      matched = rows;
    }
  }
  if (!matched.length) return undefined;
  let last = matched[matched.length - 1].row;
  for (const m of view.merges) if (m.top <= last && m.bottom > last && m.left <= scoreCol) last = m.bottom;
  if (c.bounds) last = Math.max(last, c.bounds.bottom);
  const top = view.mergeAt(headerRow, scoreCol)?.top ?? headerRow;
  let tableLeft = c.bounds?.left ?? nameCol;
  if (!c.bounds) {
    for (const { row: r, col } of view.cells(top, last)) if (col < tableLeft && !view.isEmpty(r, col)) tableLeft = col;
  }
  const area: Area = {
    top: c.bounds?.top ?? top,
    left: tableLeft,
    bottom: last,
    right: Math.max(scoreCol, c.bounds?.right ?? scoreCol),
  };
  return {
    sheet: view.sheet,
    area,
    address: areaAddress(area),
    scoreCol,
    scoreColumn: colLetters(scoreCol),
    nameCol,
    headerRow,
    matched,
    view,
  };
}

function headersIn(view: SheetView, bounds?: Area): Candidate[] {
  const out: Candidate[] = [];
  const top = bounds?.top ?? view.top;
  const bottom = bounds?.bottom ?? view.bottom;
  const left = bounds?.left ?? view.left;
  const right = bounds?.right ?? view.right;
  for (const { row: r, col: c, cell } of view.cells(top, bottom)) {
    if (c < left || c > right || typeof cell.value !== "string") continue;
    const rank = (SCORE_HEADERS as readonly string[]).indexOf(compact(cell.value));
    if (rank >= 0) out.push({ view, headerRow: r, scoreCol: c, rank, ...(bounds ? { bounds } : {}) });
  }
  return out;
}

function best(cands: Candidate[], extra?: RuleSet): ScoreTable | undefined {
  return ranked(cands, extra)[0];
}

/** Every table the candidates give, best first (most matched rows, then the preferred header). */
function ranked(cands: Candidate[], extra?: RuleSet): ScoreTable[] {
  const found: { t: ScoreTable; rank: number }[] = [];
  for (const c of cands) {
    const t = locateIn(c, extra);
    if (t) found.push({ t, rank: c.rank });
  }
  found.sort((a, b) => b.t.matched.length - a.t.matched.length || a.rank - b.rank);
  return found.map((f) => f.t);
}

/** Other tables as complete as the chosen one, elsewhere in the workbook (a copy, last year's table). */
function rivals(chosen: ScoreTable, all: ScoreTable[]): ScoreTable[] {
  const out: ScoreTable[] = [];
  for (const t of all) {
    if (t === chosen || t.matched.length < chosen.matched.length * 0.8) continue;
    if (t.sheet === chosen.sheet && intersects(t.area, chosen.area)) continue;
    if (out.some((o) => o.sheet === t.sheet && intersects(o.area, t.area))) continue;
    out.push(t);
  }
  return out;
}

/**
 * Finds the 评分表 (see the module comment): rows are matched against `framework`'s indicator
 * names when a framework is given (a file, or the one the workbook carries), else against every
 * built-in one.
 */
export function locateTable(
  snapshot: WorkbookSnapshot,
  settings?: WorkbookSettings,
  extra?: RuleSet,
): { table?: ScoreTable; errors: ScoreError[]; others?: { sheet: string; address: string }[] } {
  const views = snapshot.grids
    .filter((g) => !OWN_SHEETS.includes(g.sheet) && g.cells.length)
    .map((g) => new SheetView(g));
  const dn = findName(snapshot, mappedName(settings, NAMES.table));
  if (dn && dn.sheet && dn.address && !/#REF!/i.test(dn.reference)) {
    const bounds = parseArea(dn.address);
    const view = bounds && views.find((v) => v.sheet === dn.sheet && v.top <= bounds.top && v.left <= bounds.left);
    if (bounds && view) {
      const t = best(headersIn(view, bounds), extra);
      if (t) return { table: t, errors: [] };
    }
  }
  const all = ranked(
    views.flatMap((v) => headersIn(v)),
    extra,
  );
  const t = all[0];
  if (t) return { table: t, errors: [], others: rivals(t, all).map((o) => ({ sheet: o.sheet, address: o.address })) };
  const sheets = snapshot.sheets.filter((s) => !OWN_SHEETS.includes(s));
  return {
    errors: [
      {
        code: "tableNotFound",
        target: "table",
        found: WB.found.noTable,
        expected: WB.expected.table,
        message: WB.tableNotFound(sheets),
      },
    ],
  };
}

/** The rule set the table was printed from: name wording and the 分值 beside each name. */
export function inferRuleSet(t: ScoreTable): string | undefined {
  let bestId: string | undefined;
  let bestScore = -1;
  let tie = false;
  for (const id of BUILTIN_RULE_SET_IDS) {
    const rs = sharedRuleSet(id)!;
    const defs = new Map(indicatorsOf(rs).map((e) => [e.def.id, e.def]));
    let score = 0;
    for (const row of t.matched) {
      const def = defs.get(row.id);
      if (!def) continue;
      if (normalizeName(row.label) === normalizeName(def.name)) score++;
      const w = t.view.cell(row.row, t.nameCol + 1)?.value;
      if (w !== null && w !== undefined && Number(w) === Number(def.weight)) score++;
    }
    if (score > bestScore) {
      bestScore = score;
      bestId = id;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : bestId;
}

/** Every indicator of the rule set once: the row map, or errors for missing and doubled rows. */
export function checkRows(t: ScoreTable, rs: RuleSet): { rows: Map<string, TableRow>; errors: ScoreError[] } {
  const rows = new Map<string, TableRow>();
  const errors: ScoreError[] = [];
  for (const { def } of indicatorsOf(rs)) {
    const hits = t.matched.filter((m) => m.id === def.id);
    if (hits.length === 0) {
      errors.push({
        code: "rowMissing",
        target: def.id,
        source: { name: def.name, sheet: t.sheet, address: t.address },
        found: WB.found.missingRow,
        expected: WB.expected.row,
        message: WB.rowMissing(def.name, t.sheet, t.address),
      });
    } else if (hits.length > 1) {
      const addresses = hits.map((h) => cellAddress(h.row, t.nameCol));
      errors.push({
        code: "rowDuplicate",
        target: def.id,
        source: { name: def.name, sheet: t.sheet, address: addresses[0] },
        found: WB.found.rows(addresses),
        expected: WB.expected.row,
        message: WB.rowDuplicate(def.name, t.sheet, addresses),
      });
    } else rows.set(def.id, hits[0]);
  }
  return { rows, errors };
}

export interface TotalCells {
  total?: TargetCell;
  grade?: TargetCell;
  /** True when the rows are to be added under the table. */
  added: boolean;
  errors: ScoreError[];
}

/** The cell right of a label that holds (or will hold) its value. */
function valueCellOf(t: ScoreTable, row: number, col: number): string {
  const v = t.view;
  const merge = v.mergeAt(row, col);
  const from = (merge?.right ?? col) + 1;
  for (const { col: c } of v.rowCells(row))
    if (c >= from && !v.isEmpty(row, c) && !v.isCovered(row, c)) return cellAddress(row, c);
  if (t.scoreCol >= from && !v.isCovered(row, t.scoreCol)) return cellAddress(row, t.scoreCol);
  return cellAddress(row, from);
}

function byLabel(t: ScoreTable, labels: readonly string[]): TargetCell | undefined {
  const v = t.view;
  const first = t.matched[0]?.row ?? t.headerRow;
  for (const { row: r, col: c } of v.cells(first)) {
    if (!labels.includes(compact(v.text(r, c)))) continue;
    const address = valueCellOf(t, r, c);
    const pos = parseArea(address)!;
    return { sheet: t.sheet, address, cell: v.cell(pos.top, pos.left) ?? { address, value: null } };
  }
  return undefined;
}

/** Finds or plans the 综合评分 and 评分等级 cells. */
export function totalCells(snapshot: WorkbookSnapshot, t: ScoreTable, settings?: WorkbookSettings): TotalCells {
  const errors: ScoreError[] = [];
  const viaName = (defaultName: string): TargetCell | undefined => {
    const name = mappedName(settings, defaultName);
    const dn = findName(snapshot, name);
    if (!dn) return undefined;
    const c = singleCell(dn, defaultName);
    if (!c.ok) {
      errors.push(c.error);
      return undefined;
    }
    return { sheet: dn.sheet!, address: c.cell.address || dn.address!, cell: c.cell, viaName: name };
  };
  let total = viaName(NAMES.total) ?? byLabel(t, TOTAL_LABELS);
  let grade = viaName(NAMES.grade) ?? byLabel(t, GRADE_LABELS);
  if (errors.length) return { added: false, errors };
  if (total && grade) {
    // Let the recorded 评分表 range cover total rows printed right under it.
    for (const x of [total, grade]) {
      const p = parseArea(x.address)!;
      if (x.sheet === t.sheet && !x.viaName && p.top > t.area.bottom && p.top <= t.area.bottom + 2)
        t.area.bottom = p.top;
    }
    t.address = areaAddress(t.area);
    return { total, grade, added: false, errors };
  }
  // Plan the missing rows right under the table.
  const v = t.view;
  const labelCol = t.area.left < t.scoreCol ? t.area.left : Math.max(1, t.scoreCol - 1);
  const busy: string[] = [];
  const plan = (row: number, text: string): TargetCell => {
    const address = cellAddress(row, t.scoreCol);
    const labelAddress = cellAddress(row, labelCol);
    for (const [r, c] of [
      [row, labelCol],
      [row, t.scoreCol],
    ] as const) {
      if (!v.isEmpty(r, c) || v.mergeAt(r, c)) busy.push(cellAddress(r, c));
    }
    return {
      sheet: t.sheet,
      address,
      cell: v.cell(row, t.scoreCol) ?? { address, value: null },
      label: { address: labelAddress, text, previous: v.cell(row, labelCol)?.value ?? null },
    };
  };
  const below = t.area.bottom;
  const rowOf = (x: TargetCell) => parseArea(x.address)!.top;
  if (!total) total = plan(grade && grade.sheet === t.sheet ? rowOf(grade) - 1 : below + 1, TOTAL_LABELS[0]);
  if (!grade) grade = plan(total.sheet === t.sheet && !total.label ? rowOf(total) + 1 : below + 2, GRADE_LABELS[0]);
  if (busy.length) {
    errors.push({
      code: "noRoomForTotal",
      target: "total",
      source: { name: NAMES.total, sheet: t.sheet, address: busy[0] },
      found: WB.found.occupied(busy.map((b) => `${t.sheet}!${b}`)),
      expected: WB.expected.room,
      message: WB.noRoomForTotal(t.sheet, busy),
    });
    return { added: false, errors };
  }
  return { total, grade, added: true, errors };
}
