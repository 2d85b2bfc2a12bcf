/**
 * Judged parts edited in the pane (评定事项): a checklist item's 是/否, a deduction count, a 预决算
 * 公开 level, 政府采购政策功能落实's score, the 个性化绩效指标 table. Each edit becomes a WritePlan
 * of cell writes to the cells the parts' defined names point at (found with the contract's own
 * lookup), or, for a part without a name, a new row on the 评分依据 sheet plus the name. Pure.
 * Overrides (人工调整) live in settings-edit.ts.
 */
import { SheetView } from "./grid";
import {
  EFFECT_TABLE_NAME,
  indicatorsOf,
  judgedValueOf,
  findIndicatorById,
  normalizeName,
  parseYesNo,
  type IndicatorDef,
  type Level1Def,
  type Level2Def,
  type PartDef,
  type RuleSet,
} from "../engine";
import { Dec } from "../engine/decimal";
import type { CellData, CellScalar, CellWrite, NameWrite, WorkbookSnapshot, WritePlan } from "./snapshot";
import { INPUT_SHEET } from "../text/workbook";
import { EFFECT } from "../text/engine";
import { YES_NO } from "../text/vocabulary";
import { JUDGED_EDIT_TEXT as T } from "../text/pane-setup";
import { cellAddress, parseArea, type Area } from "./address";
import { cellRaw, findName, singleCell } from "./names";
import { isJudgedPart, mappedName } from "./inputs";
import type { WorkbookSettings } from "./settings";
import { appendToInputSheet, NATURES, partHint, partItemText, partValidation } from "./input-sheet";
import { partValueProblem, type BindingState } from "./binding";
import type { Planned } from "./planned";

export interface PartSlot {
  part: PartDef;
  defaultName: string;
  name: string;
  state: BindingState;
  sheet?: string;
  address?: string;
  /** Current value of the cell (null when empty or unbound). */
  value: CellScalar;
  problem?: string;
}

export interface JudgedIndicator {
  def: IndicatorDef;
  level1: Level1Def;
  level2: Level2Def;
  parts: PartSlot[];
  /** The indicator reads the 个性化绩效指标 table (效果性). */
  effect: boolean;
  /** Formula parts too: a missing judged part is an error, never a manual score. */
  mixed: boolean;
}

function slot(
  snapshot: WorkbookSnapshot,
  settings: WorkbookSettings | undefined,
  def: IndicatorDef,
  part: PartDef,
): PartSlot {
  const defaultName = `${def.name}_${part.key}`;
  const name = mappedName(settings, defaultName);
  const dn = findName(snapshot, name);
  if (!dn) return { part, defaultName, name, state: "missing", value: null };
  const c = singleCell(dn, name);
  if (!c.ok) return { part, defaultName, name, state: "invalid", value: null, problem: c.error.message };
  const problem = partValueProblem(part, cellRaw(c.cell));
  const out: PartSlot = {
    part,
    defaultName,
    name,
    state: problem ? "invalid" : "found",
    value: c.cell.error ? null : c.cell.value,
  };
  if (c.source.sheet) out.sheet = c.source.sheet;
  if (c.source.address) out.address = c.source.address;
  if (problem) out.problem = problem;
  return out;
}

/** Every indicator with judged parts or the effect table, in rule-set order. */
export function judgedModel(snapshot: WorkbookSnapshot, rs: RuleSet, settings?: WorkbookSettings): JudgedIndicator[] {
  const out: JudgedIndicator[] = [];
  for (const { def, level1, level2 } of indicatorsOf(rs)) {
    const judged = def.parts.filter(isJudgedPart);
    const effect = def.parts.some((p) => p.rule.kind === "effectTable");
    if (!judged.length && !effect) continue;
    out.push({
      def,
      level1,
      level2,
      parts: judged.map((p) => slot(snapshot, settings, def, p)),
      effect,
      mixed: !def.manualAllowed || def.parts.some((p) => !isJudgedPart(p) && p.rule.kind !== "effectTable"),
    });
  }
  return out;
}

/** What the user set for one part. */
export type PartEdit =
  | { kind: "yesNo"; value: boolean }
  | { kind: "count"; value: number }
  | { kind: "score"; value: number }
  | { kind: "level"; value: string }
  /** Empty the cell (back to "not filled"). */
  | { kind: "clear" };

/** The cell value an edit writes, or why the edit is refused. */
export function editValue(
  part: PartDef,
  edit: PartEdit,
): { ok: true; value: string | number | null } | { ok: false; message: string } {
  switch (edit.kind) {
    case "clear":
      return { ok: true, value: null };
    case "yesNo":
      return { ok: true, value: edit.value ? T.yes : T.no };
    case "count":
      if (!Number.isInteger(edit.value) || edit.value < 0) return { ok: false, message: T.countWhole(part.label) };
      return { ok: true, value: edit.value };
    case "score":
      if (!Number.isFinite(edit.value) || edit.value < 0 || new Dec(edit.value).greaterThan(part.points)) {
        return { ok: false, message: T.scoreRange(part.label, part.points) };
      }
      return { ok: true, value: edit.value };
    case "level": {
      const r = part.rule;
      if (r.kind !== "level" || !r.levels.some((l) => normalizeName(l.label) === normalizeName(edit.value))) {
        return { ok: false, message: T.badLevel(part.label) };
      }
      return { ok: true, value: edit.value };
    }
  }
}

/** A judged part's current value as the edit that would produce it (for the view's controls). */
export function currentEdit(part: PartDef, value: CellScalar): PartEdit | undefined {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const r = part.rule;
  const judged = judgedValueOf(part);
  if (judged === "count") return typeof value === "number" ? { kind: "count", value } : undefined;
  if (judged === "score") {
    if (typeof value === "number") return { kind: "score", value };
    const yn = parseYesNo({ value });
    return yn.ok ? { kind: "score", value: yn.value ? Number(part.points) : 0 } : undefined;
  }
  if (judged === "level" && r.kind === "level") {
    const t = normalizeName(String(value));
    const hit = r.levels.find(
      (l) => normalizeName(l.label) === t || (l.aliases ?? []).some((a) => normalizeName(a) === t),
    );
    return hit ? { kind: "level", value: hit.label } : undefined;
  }
  const yn = parseYesNo({ value });
  return yn.ok ? { kind: "yesNo", value: yn.value } : undefined;
}

function findPart(rs: RuleSet, indicatorId: string, partKey: string): { def: IndicatorDef; part: PartDef } | undefined {
  const def = findIndicatorById(rs, indicatorId)?.def;
  const part = def?.parts.find((p) => p.key === partKey);
  return def && part ? { def, part } : undefined;
}

/**
 * The plan that writes one part's edit into the cell its name points at. Refused when the part
 * has no usable name (the view then offers createPartPlan).
 */
export function partEditPlan(
  snapshot: WorkbookSnapshot,
  rs: RuleSet,
  settings: WorkbookSettings | undefined,
  indicatorId: string,
  partKey: string,
  edit: PartEdit,
): Planned {
  const found = findPart(rs, indicatorId, partKey);
  if (!found) return { ok: false, message: T.notBound(`${indicatorId}_${partKey}`) };
  const s = slot(snapshot, settings, found.def, found.part);
  if (s.state === "missing") return { ok: false, message: T.notBound(s.name) };
  if (!s.sheet || !s.address) {
    const dn = findName(snapshot, s.name);
    const c = dn ? singleCell(dn, s.name) : undefined;
    return { ok: false, message: c && !c.ok ? c.error.message : T.notBound(s.name) };
  }
  const v = editValue(found.part, edit);
  if (!v.ok) return v;
  const cell: CellWrite = {
    sheet: s.sheet,
    address: s.address,
    value: v.value,
    previous: s.value,
    role: `${indicatorId}.${partKey}`,
  };
  return { ok: true, plan: { cells: [cell], sheets: [] } };
}

/**
 * A part without a name gets a row on the 评分依据 sheet (the layout of init: 类别, 项目, 填写值,
 * 单位 / 说明, 定义名称), its name pointing at the value cell, and the edit's value when given.
 */
export function createPartPlan(
  snapshot: WorkbookSnapshot,
  rs: RuleSet,
  settings: WorkbookSettings | undefined,
  indicatorId: string,
  partKey: string,
  edit?: PartEdit,
): Planned {
  const found = findPart(rs, indicatorId, partKey);
  if (!found) return { ok: false, message: T.notBound(`${indicatorId}_${partKey}`) };
  const name = mappedName(settings, `${found.def.name}_${partKey}`);
  let value: string | number | null = null;
  if (edit) {
    const v = editValue(found.part, edit);
    if (!v.ok) return v;
    value = v.value;
  }
  const block = [[found.def.name, partItemText(found.part), value, partHint(found.part), name]];
  const at = appendToInputSheet(snapshot, block, `${indicatorId}.${partKey}`);
  const address = `C${at.top}`;
  const validation = partValidation(found.part, address);
  if (validation && at.sheets.length) at.sheets[0].validations = [validation];
  const names: NameWrite[] = [{ name, sheet: at.sheet, address }];
  return { ok: true, plan: { cells: at.cells, sheets: at.sheets, names } };
}

// ---------------------------------------------------------------------------
// 个性化绩效指标 table.

/** 正向 / 反向 / 定性 (NATURES), or "" while not chosen. */
export type Nature = string;

export interface EffectRowEdit {
  name: string;
  weight: number | null;
  nature: Nature;
  target: number | null;
  /** A number (正向 / 反向) or a grade 好 / 较好 / 一般 / 差 (定性). */
  actual: number | string | null;
  notApplicable: boolean;
}

export interface EffectTableState {
  rows: EffectRowEdit[];
  state: BindingState;
  name: string;
  sheet?: string;
  address?: string;
}

function text(c: CellData | undefined): string {
  return c && c.value !== null && !c.error ? String(c.value).trim() : "";
}

function num(c: CellData | undefined): number | null {
  if (!c || c.error || c.value === null || c.value === "") return null;
  if (typeof c.value === "number") return c.value;
  const t = String(c.value).trim().replace(/,/g, "");
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

interface TableGeometry {
  sheet: string;
  area: Area;
  /** First row of data (after a 名称 header row when there is one). */
  first: number;
  width: number;
  cells: (r: number, c: number) => CellData | undefined;
}

function geometry(snapshot: WorkbookSnapshot, name: string): TableGeometry | undefined {
  const dn = findName(snapshot, name);
  if (!dn || !dn.sheet || !dn.address || /#REF!/i.test(dn.reference)) return undefined;
  const area = parseArea(dn.address);
  if (!area) return undefined;
  const width = area.right - area.left + 1;
  if (width < 5) return undefined;
  const all = dn.cells ?? [];
  const grid = snapshot.grids.find((g) => g.sheet === dn.sheet);
  const view = grid ? new SheetView(grid) : undefined;
  const fromGrid = (r: number, c: number): CellData | undefined => view?.cell(r, c);
  const cells = (r: number, c: number): CellData | undefined => {
    if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right)
      return all[(r - area.top) * width + (c - area.left)];
    return fromGrid(r, c);
  };
  const head = cells(area.top, area.left);
  const first =
    head && typeof head.value === "string" && head.value.replace(/\s/g, "") === INPUT_SHEET.effectHeaders[0]
      ? area.top + 1
      : area.top;
  return { sheet: dn.sheet, area, first, width, cells };
}

/** The 不适用 column as the engine reads it: 不适用, or a yes in any spelling parseYesNo knows. */
function isNotApplicable(t: string): boolean {
  if (t === "") return false;
  if (normalizeName(t) === EFFECT.notApplicable) return true;
  const yn = parseYesNo({ value: t });
  return yn.ok && yn.value;
}

/** The table's rows as the view edits them. */
export function readEffectRows(snapshot: WorkbookSnapshot, settings?: WorkbookSettings): EffectTableState {
  const name = mappedName(settings, EFFECT_TABLE_NAME);
  const dn = findName(snapshot, name);
  if (!dn) return { rows: [], state: "missing", name };
  const g = geometry(snapshot, name);
  if (!g) return { rows: [], state: "invalid", name };
  const rows: EffectRowEdit[] = [];
  for (let r = g.first; r <= g.area.bottom; r++) {
    const c = (i: number) => g.cells(r, g.area.left + i);
    const cells = Array.from({ length: g.width }, (_, i) => c(i));
    if (cells.every((x) => !x || (x.value === null && !x.error))) continue;
    const nature = text(c(2));
    const actualNum = num(c(4));
    const na = g.width > 5 ? text(c(5)) : "";
    rows.push({
      name: text(c(0)),
      weight: num(c(1)),
      nature: (NATURES as readonly string[]).includes(nature) ? nature : "",
      target: num(c(3)),
      actual: nature === EFFECT.qualitative ? text(c(4)) || null : (actualNum ?? (text(c(4)) || null)),
      notApplicable: isNotApplicable(na),
    });
  }
  return {
    rows,
    state: "found",
    name,
    sheet: g.sheet,
    address: `${cellAddress(g.area.top, g.area.left)}:${cellAddress(g.area.bottom, g.area.right)}`,
  };
}

/** Live checks of the table as typed: names, numbers, and 分值 adding up to the indicator's 分值. */
export function effectProblems(rs: RuleSet, rows: EffectRowEdit[]): string[] {
  const def = indicatorsOf(rs).find(({ def }) => def.parts.some((p) => p.rule.kind === "effectTable"))?.def;
  if (!def || !rows.length) return [];
  const problems: string[] = [];
  let sum = new Dec(0);
  rows.forEach((r, i) => {
    if (!r.name.trim()) problems.push(T.effectNameMissing(i + 1));
    if (r.weight === null || !Number.isFinite(r.weight)) problems.push(T.effectWeightBad(i + 1));
    else sum = sum.plus(r.weight);
  });
  if (!sum.equals(def.weight)) problems.push(T.effectWeightSum(def.name, def.weight, sum.toString()));
  return problems;
}

function rowValues(r: EffectRowEdit, width: number): (string | number | null)[] {
  const v: (string | number | null)[] = [
    r.name.trim() ? r.name.trim() : null,
    r.weight,
    r.nature || null,
    r.target,
    typeof r.actual === "string" ? (r.actual.trim() ? r.actual.trim() : null) : r.actual,
  ];
  if (width > 5) v.push(r.notApplicable ? YES_NO[0] : null);
  while (v.length < width) v.push(null);
  return v;
}

/**
 * The plan that stores the table: rows written from the top of the named area, rows beyond
 * cleared; the name is re-pointed when the table grows (only into empty cells) or needs its
 * 不适用 column. Without a name the table is created on the 评分依据 sheet.
 */
export function effectTablePlan(
  snapshot: WorkbookSnapshot,
  settings: WorkbookSettings | undefined,
  rows: EffectRowEdit[],
): Planned {
  const name = mappedName(settings, EFFECT_TABLE_NAME);
  const g = findName(snapshot, name) ? geometry(snapshot, name) : undefined;
  if (findName(snapshot, name) && !g) {
    const dn = findName(snapshot, name)!;
    const c = singleCell(dn, name);
    return { ok: false, message: c.ok ? T.notBound(name) : c.error.message };
  }
  if (!g) {
    const block: (string | number | null)[][] = [
      [INPUT_SHEET.effectTable],
      [null, ...INPUT_SHEET.effectHeaders],
      ...rows.map((r) => [null, ...rowValues(r, 6)]),
    ];
    const count = Math.max(rows.length, 5);
    const at = appendToInputSheet(snapshot, block, "effectTable");
    const head = at.top + 1;
    const address = `B${head}:G${head + count}`;
    if (at.sheets.length) {
      at.sheets[0].validations = [
        { address: `D${head + 1}:D${head + count}`, type: "list", list: [...NATURES] },
        { address: `G${head + 1}:G${head + count}`, type: "list", list: [...YES_NO] },
      ];
    }
    return { ok: true, plan: { cells: at.cells, sheets: at.sheets, names: [{ name, sheet: at.sheet, address }] } };
  }
  const needsNa = rows.some((r) => r.notApplicable) && g.width < 6;
  const width = needsNa ? 6 : g.width;
  const capacity = g.area.bottom - g.first + 1;
  const bottom = Math.max(g.area.bottom, g.first + rows.length - 1);
  // Cells the table grows into must be empty: they belong to whatever is below or beside it.
  const busy: string[] = [];
  for (let r = g.area.top; r <= bottom; r++) {
    for (let c = g.area.left; c < g.area.left + width; c++) {
      const inside = r <= g.area.bottom && c <= g.area.right;
      if (inside) continue;
      const cell = g.cells(r, c);
      if (cell && (cell.value !== null || cell.error || cell.formula)) busy.push(cellAddress(r, c));
    }
  }
  if (busy.length) return { ok: false, message: T.tableNoRoom(g.sheet, busy) };
  const cells: CellWrite[] = [];
  const put = (r: number, c: number, value: string | number | null) => {
    const prev = g.cells(r, c)?.value ?? null;
    if (prev === value || (prev === null && value === "")) return;
    cells.push({ sheet: g.sheet, address: cellAddress(r, c), value, previous: prev, role: "effectTable" });
  };
  if (needsNa && g.first > g.area.top) put(g.area.top, g.area.left + 5, INPUT_SHEET.effectHeaders[5]);
  for (let k = 0; k < Math.max(capacity, rows.length); k++) {
    const values = k < rows.length ? rowValues(rows[k], width) : Array.from({ length: width }, () => null);
    values.forEach((v, i) => put(g.first + k, g.area.left + i, v));
  }
  const plan: WritePlan = { cells, sheets: [] };
  if (bottom > g.area.bottom || width > g.width) {
    plan.names = [
      {
        name,
        sheet: g.sheet,
        address: `${cellAddress(g.area.top, g.area.left)}:${cellAddress(bottom, g.area.left + width - 1)}`,
      },
    ];
  }
  return { ok: true, plan };
}
