/**
 * Writing the 评分设置 sheet from the pane: the rule-set id, weight and grade-band overrides and
 * 人工调整 rows, as a WritePlan of cell writes in the layout settings.ts reads (a label with its
 * value to the right; titled tables of a header row and data rows until a blank row).
 *
 * An existing sheet keeps its layout: values go where readSettings finds them, a table is
 * rewritten in the rows it owns (down to the next heading) and moves under everything when they
 * are too few. A workbook without the sheet gets one whole new sheet whose tables stand one under
 * the other, each with blank rows for what it may need (SETTINGS.room).
 */
import {
  applyOverrides,
  builtinRuleSet,
  builtinRuleSetNames,
  findRuleSetId,
  findIndicator,
  findIndicatorById,
  type RuleSet,
  type RuleSetOverrides,
  type ScoreError,
} from "../engine";
import { Dec } from "../engine/decimal";
import type { CellData, CellScalar, CellWrite, GridData, NameWrite, SheetWrite, WorkbookSnapshot } from "./snapshot";
import { NAMES, SETTINGS } from "../text/vocabulary";
import { SETTINGS_EDIT_TEXT as T } from "../text/pane-setup";
import { areaAddress, cellAddress, extendArea, parseCell } from "./address";
import { gridOf, SheetView } from "./grid";
import { findName, singleCell } from "./names";
import { numberOf } from "./plan";
import { findSettingsTable, readSettings, type WorkbookSettings } from "./settings";
import { isGroupName } from "./rescore";
import type { Planned } from "./planned";

export interface WeightRow {
  /** 一级, 二级 or 三级指标 name. */
  name: string;
  weight: number;
}

export interface GradeRow {
  min: number;
  label: string;
}

export interface OverrideRow {
  /** 三级指标 name as in the 评分表 (settings.ts matches it with findIndicator). */
  indicator: string;
  score: number;
  reason: string;
}

/** The sections to write; an absent section is left as it is. */
export interface SettingsDraft {
  ruleSetId?: string;
  weights?: WeightRow[];
  grades?: GradeRow[];
  overrides?: OverrideRow[];
}

type Value = string | number | null;

/** Rows of the single values in the layout settingsSheet builds (for the pane and `pe-score init`). */
const SINGLE_ROWS = { ruleSet: 3, detail: 4 } as const;
const TABLE_TOP = 6;

// ---------------------------------------------------------------------------
// A new 评分设置 sheet.

function current(
  settings: WorkbookSettings,
): Required<SettingsDraft> & { detail: boolean; mapping: [string, string][] } {
  const num = (v: unknown) => numberOf(typeof v === "boolean" ? null : (v as string | number | null));
  return {
    ruleSetId: settings.ruleSetId?.value ?? "",
    detail: settings.detailSheet ?? false,
    weights: settings.weights.map((w) => ({ name: w.value.name, weight: num(w.value.weight.value) ?? NaN })),
    grades: settings.grades.map((g) => ({ min: num(g.value.min.value) ?? NaN, label: g.value.label })),
    overrides: settings.overrides.map((o) => ({
      indicator: o.value.indicator,
      score: num(o.value.score.value) ?? NaN,
      reason: o.value.reason,
    })),
    mapping: [...settings.mapping].map(([k, v]) => [k, v.value]),
  };
}

const n = (x: number): Value => (Number.isFinite(x) ? x : null);

/** What the 规则集 cell shows for a rule set: its short Chinese name, never the id. */
export function ruleSetName(idOrName: string): string {
  const id = findRuleSetId(idOrName);
  return (id && builtinRuleSet(id)?.name) || idOrName;
}

/**
 * A whole new 评分设置 sheet holding `values`, in the layout of `pe-score init` (title; 规则集 and
 * 生成评分明细 with notes; the four tables one under the other, each note right of its headers).
 * Names 规则集 and 生成评分明细 point at the two single values, as init defines them.
 */
export function settingsSheet(values: {
  ruleSetId: string;
  detail?: boolean;
  weights?: WeightRow[];
  grades?: GradeRow[];
  overrides?: OverrideRow[];
  mapping?: [string, string][];
}): { sheet: SheetWrite; names: NameWrite[] } {
  const rows: Value[][] = [];
  const put = (r: number, c: number, v: Value) => {
    while (rows.length < r) rows.push([]);
    const row = rows[r - 1];
    while (row.length < c) row.push(null);
    row[c - 1] = v;
  };
  const s = (t: string) => t;
  const ids = builtinRuleSetNames();
  put(1, 1, s(SETTINGS.title));
  put(SINGLE_ROWS.ruleSet, 1, s(SETTINGS.ruleSet));
  put(SINGLE_ROWS.ruleSet, 2, values.ruleSetId ? s(ruleSetName(values.ruleSetId)) : null);
  put(SINGLE_ROWS.ruleSet, 3, s(SETTINGS.notes.ruleSet(ids)));
  put(SINGLE_ROWS.detail, 1, s(SETTINGS.detail));
  put(SINGLE_ROWS.detail, 2, s(values.detail ? SETTINGS.yes : SETTINGS.no));
  put(SINGLE_ROWS.detail, 3, s(SETTINGS.notes.detail));
  let row = TABLE_TOP;
  // Each table gets at least its room of rows, then one blank row before the next heading:
  // blank rows belong to the table above (settings.ts), so filling them never spills over.
  const table = (t: { title: string; headers: readonly string[] }, note: string, data: Value[][], room: number) => {
    put(row, 1, s(t.title));
    put(row, t.headers.length + 1, s(note));
    row++;
    t.headers.forEach((h, i) => put(row, 1 + i, s(h)));
    row++;
    data.forEach((r, k) => r.forEach((v, i) => put(row + k, 1 + i, v)));
    row += Math.max(data.length, room) + 1;
  };
  table(
    SETTINGS.weights,
    SETTINGS.notes.weights,
    (values.weights ?? []).map((w) => [s(w.name), n(w.weight)]),
    SETTINGS.room.weights,
  );
  table(
    SETTINGS.grades,
    SETTINGS.notes.grades,
    (values.grades ?? []).map((g) => [n(g.min), s(g.label)]),
    SETTINGS.room.grades,
  );
  table(
    SETTINGS.overrides,
    SETTINGS.notes.overrides,
    (values.overrides ?? []).map((o) => [s(o.indicator), n(o.score), s(o.reason)]),
    SETTINGS.room.overrides,
  );
  table(
    SETTINGS.mapping,
    SETTINGS.notes.mapping,
    (values.mapping ?? []).map(([k, v]) => [s(k), s(v)]),
    SETTINGS.room.mapping,
  );
  const rs = cellAddress(SINGLE_ROWS.ruleSet, 2);
  const dt = cellAddress(SINGLE_ROWS.detail, 2);
  return {
    sheet: {
      sheet: SETTINGS.title,
      rows,
      columnWidths: [22, 22, 50],
      validations: [
        { address: rs, type: "list", list: ids },
        { address: dt, type: "list", list: [SETTINGS.yes, SETTINGS.no] },
      ],
    },
    names: [
      { name: NAMES.ruleSet, sheet: SETTINGS.title, address: rs },
      { name: NAMES.detailOption, sheet: SETTINGS.title, address: dt },
    ],
  };
}

// ---------------------------------------------------------------------------
// Editing an existing sheet in place.

function blank(cell: CellData | undefined): boolean {
  return !cell || ((cell.value === null || String(cell.value).trim() === "") && !cell.error);
}

class CellPlan {
  readonly cells: CellWrite[] = [];
  constructor(private readonly view: SheetView) {}
  set(row: number, col: number, value: Value, role: string): void {
    const old = this.view.cell(row, col);
    const prev = old?.value ?? null;
    if (prev === value || (prev === null && value === "")) return;
    this.cells.push({ sheet: this.view.sheet, address: cellAddress(row, col), value, previous: prev, role });
  }
}

/**
 * Rewrites a titled table's data rows in the rows it owns (down to the next heading, see
 * findSettingsTable). A table with too few rows for the data moves whole under everything on the
 * sheet, where nothing follows it; settings.ts finds a table by its title wherever it is.
 */
function writeTable(
  view: SheetView,
  out: CellPlan,
  title: string,
  headers: readonly string[],
  data: Value[][],
  role: string,
): void {
  const width = headers.length;
  const put = (top: number, col: number) =>
    data.forEach((r, k) => r.forEach((v, i) => out.set(top + k, col + i, v ?? null, role)));
  const t = findSettingsTable(view, title, width);
  if (!t) {
    // Append below everything, after one blank row.
    const row = Math.max(view.bottom, 0) + 2;
    const col = Math.max(view.left, 1);
    out.set(row, col, title, role);
    headers.forEach((h, i) => out.set(row + 1, col + i, h, role));
    put(row + 2, col);
    return;
  }
  const used = view
    .rows()
    .filter(
      (r) =>
        r >= t.first &&
        r <= t.last &&
        Array.from({ length: width }, (_, i) => view.cell(r, t.col + i)).some((c) => !blank(c)),
    );
  const clear = (r: number) => {
    for (let i = 0; i < width; i++) out.set(r, t.col + i, null, role);
  };
  if (data.length <= t.last - t.first + 1) {
    put(t.first, t.col);
    for (const r of used) if (r >= t.first + data.length) clear(r);
    return;
  }
  const noteCol = t.col + width;
  const note = blank(view.cell(t.row, noteCol)) ? null : (view.cell(t.row, noteCol)?.value ?? null);
  for (let i = 0; i < width; i++) {
    out.set(t.row, t.col + i, null, role);
    out.set(t.row + 1, t.col + i, null, role);
  }
  for (const r of used) clear(r);
  if (note !== null) out.set(t.row, noteCol, null, role);
  const top = view.bottom + 2;
  out.set(top, t.col, title, role);
  if (note !== null && typeof note !== "boolean") out.set(top, noteCol, note, role);
  headers.forEach((h, i) => out.set(top + 1, t.col + i, h, role));
  put(top + 2, t.col);
}

/** The cell of a single value: the defined name of the label, else the first non-empty cell right of the label. */
function singleValueCell(
  snapshot: WorkbookSnapshot,
  view: SheetView,
  name: string,
  label: string,
): { sheet: string; row: number; col: number; previous?: CellScalar } | undefined {
  const dn = findName(snapshot, name);
  if (dn) {
    const c = singleCell(dn, name);
    const p = c.ok && c.source.address ? parseCell(c.source.address) : undefined;
    if (c.ok && c.source.sheet && p) return { sheet: c.source.sheet, row: p.row, col: p.col, previous: c.cell.value };
  }
  const at = view.find(label);
  if (!at) return undefined;
  for (const { col, cell } of view.rowCells(at.row))
    if (col > at.col && !blank(cell)) return { sheet: view.sheet, row: at.row, col };
  return { sheet: view.sheet, row: at.row, col: at.col + 1 };
}

/**
 * The plan that stores `draft` in the 评分设置 sheet. Refused (nothing written) when a table has
 * no room to grow or a value is not a finite number.
 */
export function settingsPlan(snapshot: WorkbookSnapshot, draft: SettingsDraft): Planned {
  for (const w of draft.weights ?? [])
    if (!Number.isFinite(w.weight)) return { ok: false, message: T.weightNumber(w.name, String(w.weight)) };
  for (const g of draft.grades ?? [])
    if (!Number.isFinite(g.min)) return { ok: false, message: T.gradeNumber(g.label, String(g.min)) };
  for (const o of draft.overrides ?? []) {
    if (!Number.isFinite(o.score)) return { ok: false, message: T.scoreNumber(o.indicator) };
    if (!o.reason.trim()) return { ok: false, message: T.reasonRequired(o.indicator) };
  }
  const settings = readSettings(snapshot);
  if (!snapshot.settings && !snapshot.sheets.includes(SETTINGS.title)) {
    const now = current(settings);
    const built = settingsSheet({
      ruleSetId: draft.ruleSetId ?? now.ruleSetId,
      detail: now.detail,
      weights: draft.weights ?? now.weights,
      grades: draft.grades ?? now.grades,
      overrides: draft.overrides ?? now.overrides,
      mapping: now.mapping,
    });
    return { ok: true, plan: { cells: [], sheets: [built.sheet], names: built.names } };
  }
  const grid = snapshot.settings ?? { sheet: SETTINGS.title, area: "", cells: [], merges: [] };
  const view = new SheetView(grid);
  const out = new CellPlan(view);
  const names: NameWrite[] = [];
  if (draft.ruleSetId !== undefined) {
    const at = singleValueCell(snapshot, view, NAMES.ruleSet, SETTINGS.ruleSet);
    const value = ruleSetName(draft.ruleSetId);
    if (at && at.sheet === view.sheet) out.set(at.row, at.col, value, "ruleSet");
    else if (at) {
      // The 规则集 name points at another sheet: write there.
      out.cells.push({
        sheet: at.sheet,
        address: cellAddress(at.row, at.col),
        value,
        previous: at.previous ?? null,
        role: "ruleSet",
      });
    } else {
      const row = Math.max(view.bottom, 0) + 2;
      out.set(row, 1, SETTINGS.ruleSet, "ruleSet");
      out.set(row, 2, value, "ruleSet");
      names.push({ name: NAMES.ruleSet, sheet: view.sheet, address: cellAddress(row, 2) });
    }
  }
  const tables: [string, string, readonly string[], Value[][] | undefined][] = [
    ["weights", SETTINGS.weights.title, SETTINGS.weights.headers, draft.weights?.map((w) => [w.name, w.weight])],
    ["grades", SETTINGS.grades.title, SETTINGS.grades.headers, draft.grades?.map((g) => [g.min, g.label])],
    [
      "overrides",
      SETTINGS.overrides.title,
      SETTINGS.overrides.headers,
      draft.overrides?.map((o) => [o.indicator, o.score, o.reason]),
    ],
  ];
  for (const [role, title, headers, data] of tables) {
    if (!data) continue;
    // Tables appended to a sheet that lacks them go one under the other; recompute the view's
    // bottom from what this plan already added so two appended tables do not overlap.
    const grown = withPlanned(grid, out.cells);
    writeTable(new SheetView(grown), out, title, headers, data, role);
  }
  return { ok: true, plan: { cells: dedupe(out.cells), sheets: [], ...(names.length ? { names } : {}) } };
}

/** The grid as it will be once `cells` are written (for appending after earlier appends). */
function withPlanned(grid: GridData, cells: CellWrite[]): GridData {
  const mine = cells.filter((c) => c.sheet === grid.sheet);
  if (!mine.length) return grid;
  const view = new SheetView(grid);
  let area =
    view.bottom >= view.top ? { top: view.top, left: view.left, bottom: view.bottom, right: view.right } : undefined;
  const byAddress = new Map(grid.cells.map((c) => [c.address, c]));
  for (const c of mine) {
    const p = parseCell(c.address)!;
    area = extendArea(area, p.row, p.col);
    byAddress.set(c.address, { address: c.address, value: c.value });
  }
  return gridOf(grid.sheet, area ? areaAddress(area) : "", byAddress.values(), grid.merges);
}

/** Later writes to the same cell win (a table written after an appended title). */
function dedupe(cells: CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const c of cells) {
    const key = `${c.sheet}!${c.address}`;
    const first = byCell.get(key);
    byCell.set(key, first ? { ...c, previous: first.previous } : c);
  }
  return [...byCell.values()];
}

// ---------------------------------------------------------------------------
// Weight and grade drafts, checked live with the engine.

/** Weight rows as the contract turns them into overrides: a 三级指标 name, else a group name. */
export function weightOverrides(base: RuleSet, weights: WeightRow[], grades?: GradeRow[]): RuleSetOverrides {
  const o: RuleSetOverrides = {};
  for (const w of weights) {
    const def = isGroupName(base, w.name) ? undefined : findIndicator(base, w.name);
    if (def) (o.indicatorWeights ??= {})[def.id] = w.weight;
    else (o.groupWeights ??= {})[w.name] = w.weight;
  }
  if (grades?.length) o.grades = [...grades].sort((a, b) => b.min - a.min).map((g) => ({ min: g.min, label: g.label }));
  return o;
}

/**
 * The engine's verdict on a weight/grade draft: every sum that does not add up (naming the
 * 一级/二级 group), unknown names, bad grade bands. Empty when the draft is consistent.
 */
export function checkDraft(base: RuleSet, weights: WeightRow[], grades?: GradeRow[]): ScoreError[] {
  return applyOverrides(base, weightOverrides(base, weights, grades)).errors;
}

/** Every 一级, 二级 and 三级指标 name of `rs` with its weight (decimal text). */
export function ruleSetWeights(rs: RuleSet): Map<string, string> {
  const m = new Map<string, string>();
  for (const l1 of rs.levels) {
    m.set(l1.name, l1.weight);
    for (const l2 of l1.groups) {
      m.set(l2.name, l2.weight);
      for (const i of l2.indicators) m.set(i.name, i.weight);
    }
  }
  return m;
}

/**
 * The weight rows worth storing: only names whose weight differs from the rule set's own, so
 * the sheet lists real re-weightings, not a copy of the rule set.
 */
export function changedWeights(base: RuleSet, all: WeightRow[]): WeightRow[] {
  const baseOf = ruleSetWeights(base);
  return all.filter((w) => {
    const b = baseOf.get(w.name);
    return b === undefined || !new Dec(b).equals(w.weight);
  });
}

// ---------------------------------------------------------------------------
// 人工调整 (overrides).

/**
 * The plan that sets (score given) or removes (score null) one indicator's override. A score
 * without a reason is refused: the contract and the spec make the reason mandatory.
 */
export function overridePlan(
  snapshot: WorkbookSnapshot,
  rs: RuleSet,
  indicatorId: string,
  edit: { score: number; reason: string } | null,
): Planned {
  const entry = findIndicatorById(rs, indicatorId);
  if (!entry) return { ok: false, message: T.unknownIndicator(indicatorId) };
  const def = entry.def;
  if (edit) {
    if (!edit.reason.trim()) return { ok: false, message: T.reasonRequired(def.name) };
    if (!Number.isFinite(edit.score)) return { ok: false, message: T.scoreNumber(def.name) };
    if (edit.score < 0 || new Dec(edit.score).greaterThan(def.weight))
      return { ok: false, message: T.scoreRange(def.name, def.weight) };
  }
  const settings = readSettings(snapshot);
  const rows: OverrideRow[] = [];
  let replaced = false;
  for (const o of settings.overrides) {
    const same = findIndicator(rs, o.value.indicator)?.id === indicatorId;
    if (same) {
      if (edit && !replaced) rows.push({ indicator: def.name, score: edit.score, reason: edit.reason.trim() });
      replaced = true;
      continue;
    }
    const v = o.value.score.value;
    rows.push({
      indicator: o.value.indicator,
      score: numberOf(typeof v === "boolean" ? null : v) ?? NaN,
      reason: o.value.reason,
    });
  }
  if (edit && !replaced) rows.push({ indicator: def.name, score: edit.score, reason: edit.reason.trim() });
  // Rows the user typed badly stay as they were: write them back as text, not as NaN.
  const bad = rows.find((r) => !Number.isFinite(r.score));
  if (bad) {
    const original = settings.overrides.find((o) => o.value.indicator === bad.indicator);
    if (original) bad.score = Number(original.value.score.value);
    if (!Number.isFinite(bad.score)) return { ok: false, message: T.scoreNumber(bad.indicator) };
  }
  return settingsPlan(snapshot, { overrides: rows });
}

/** The stored override of an indicator, if any. */
export function currentOverride(
  snapshot: WorkbookSnapshot,
  rs: RuleSet,
  indicatorId: string,
): { score: number | null; reason: string } | undefined {
  for (const o of readSettings(snapshot).overrides) {
    if (findIndicator(rs, o.value.indicator)?.id !== indicatorId) continue;
    const v = o.value.score.value;
    return { score: numberOf(typeof v === "boolean" ? null : v), reason: o.value.reason };
  }
  return undefined;
}
