/**
 * The 评分设置 sheet: rule-set id, options, weight and grade overrides, manual overrides (人工调整)
 * and the mapping from the contract's default names to a user's own names.
 *
 * Layout (all labels in src/text/workbook.ts, SETTINGS), read from the sheet's used range:
 *   规则集        | city-2021          single values: a label cell, the value in the first
 *   生成评分明细   | 否                 non-empty cell to its right (a defined name of the label's
 *                                      text, e.g. 规则集, wins when present)
 *   权重调整                            tables: a title cell, a header row under it, then data rows
 *   指标名称 | 分值                     in the same columns down to the next heading (any title or
 *                                      label the sheet may hold, in those columns); blank rows
 *                                      inside a table are skipped, never its end
 *   评分等级分档:  最低分（含） | 等级
 *   人工调整:      三级指标 | 调整分数 | 调整理由
 *   名称映射:      输入项（默认名称）| 工作簿中的名称
 * Titles and labels are matched with white space removed, anywhere on the sheet.
 */
import type { RawValue, ScoreError, SourceRef } from "../engine";
import type { CellData, WorkbookSnapshot } from "./snapshot";
import { WB } from "../text/workbook";
import { SETTINGS, SETTINGS_HEADINGS, SETTINGS_WORDS, NAMES } from "../text/vocabulary";
import { cellAddress } from "./address";
import { compact, SheetView } from "./grid";
import { cellRaw, findName, singleCell } from "./names";

/** A titled table of the 评分设置 sheet: where its title is and which rows may hold its data. */
export interface SettingsTable {
  /** Title cell. */
  row: number;
  col: number;
  width: number;
  /** Rows available to data: header row + 1 up to the row before the next heading; Infinity when nothing follows. */
  first: number;
  last: number;
}

function headingRows(view: SheetView): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const { row, col, cell } of view.cells()) {
    if (typeof cell.value === "string" && SETTINGS_HEADINGS.includes(compact(cell.value))) out.push({ row, col });
  }
  return out;
}

/**
 * Finds a titled table: its data rows run from under its header row to the row before the next
 * heading in the table's columns (the next table, a single value's label, the undo record…).
 */
export function findSettingsTable(view: SheetView, title: string, width: number): SettingsTable | undefined {
  const at = view.find(title);
  if (!at) return undefined;
  const first = at.row + 2;
  let last = Infinity;
  for (const h of headingRows(view)) {
    if (h.row < first || h.col < at.col || h.col >= at.col + width) continue;
    last = Math.min(last, h.row - 1);
  }
  return { row: at.row, col: at.col, width, first, last };
}

export interface SettingsRow<T> {
  value: T;
  /** Where the row's first cell is (sheet!address). */
  source: SourceRef;
}

export interface WorkbookSettings {
  ruleSetId?: SettingsRow<string>;
  detailSheet?: boolean;
  weights: SettingsRow<{ name: string; weight: RawValue }>[];
  grades: SettingsRow<{ min: RawValue; label: string }>[];
  overrides: SettingsRow<{ indicator: string; score: RawValue; reason: string; scoreSource: SourceRef }>[];
  /** Contract name (default) or input id → the user's own defined name. */
  mapping: Map<string, SettingsRow<string>>;
  errors: ScoreError[];
}

function textOf(cell: CellData | undefined): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value).trim();
}

function at_(sheet: string, address: string): SourceRef {
  return { name: SETTINGS.title, sheet, address };
}

const YES = new Set(SETTINGS_WORDS.on);
const NO = new Set(SETTINGS_WORDS.off);

/** Reads the 评分设置 sheet; an absent sheet gives empty settings. Never throws. */
export function readSettings(snapshot: WorkbookSnapshot): WorkbookSettings {
  const out: WorkbookSettings = { weights: [], grades: [], overrides: [], mapping: new Map(), errors: [] };
  const grid = snapshot.settings;
  const view = grid ? new SheetView(grid) : undefined;

  /** Label → { value cell } for single values. */
  const single = (label: string): { cell: CellData; source: SourceRef } | undefined => {
    const dn = findName(snapshot, label);
    if (dn) {
      const c = singleCell(dn, label);
      if (c.ok) return { cell: c.cell, source: c.source };
    }
    if (!view) return undefined;
    const at = view.find(label);
    if (!at) return undefined;
    for (const { col, cell } of view.rowCells(at.row)) {
      if (col > at.col && textOf(cell) !== "") return { cell, source: at_(view.sheet, cell.address) };
    }
    const address = cellAddress(at.row, at.col + 1);
    return { cell: view.cell(at.row, at.col + 1) ?? { address, value: null }, source: at_(view.sheet, address) };
  };

  /** Data rows of a titled table (blank rows skipped): arrays of `width` cells. */
  const table = (title: string, width: number): CellData[][] => {
    if (!view) return [];
    const t = findSettingsTable(view, title, width);
    if (!t) return [];
    const rows: CellData[][] = [];
    for (const r of view.rows()) {
      if (r < t.first || r > t.last) continue;
      const cells = Array.from(
        { length: width },
        (_, i) => view.cell(r, t.col + i) ?? { address: cellAddress(r, t.col + i), value: null },
      );
      if (cells.every((x) => textOf(x) === "" && !x.error)) continue;
      rows.push(cells);
    }
    return rows;
  };

  const sheetName = view?.sheet ?? SETTINGS.title;

  const rs = single(NAMES.ruleSet);
  if (rs && textOf(rs.cell) !== "") out.ruleSetId = { value: textOf(rs.cell), source: rs.source };

  const detail = single(NAMES.detailOption);
  if (detail) {
    const t = textOf(detail.cell).toLowerCase();
    if (YES.has(t) || detail.cell.value === true) out.detailSheet = true;
    else if (NO.has(t) || detail.cell.value === false) out.detailSheet = false;
    else {
      out.errors.push({
        code: "settings",
        target: NAMES.detailOption,
        source: detail.source,
        found: WB.found.text(textOf(detail.cell)),
        expected: WB.expected.yesNo,
        message: WB.settingsBadYesNo(
          SETTINGS.detail,
          detail.source.sheet ?? sheetName,
          detail.source.address ?? "",
          WB.found.text(textOf(detail.cell)),
        ),
      });
    }
  }

  for (const [name, weight] of table(SETTINGS.weights.title, 2)) {
    out.weights.push({
      value: { name: textOf(name), weight: cellRaw(weight) },
      source: at_(sheetName, weight.address),
    });
  }
  for (const [min, label] of table(SETTINGS.grades.title, 2)) {
    out.grades.push({ value: { min: cellRaw(min), label: textOf(label) }, source: at_(sheetName, min.address) });
  }
  for (const [name, score, reason] of table(SETTINGS.overrides.title, 3)) {
    out.overrides.push({
      value: {
        indicator: textOf(name),
        score: cellRaw(score),
        reason: textOf(reason),
        scoreSource: at_(sheetName, score.address),
      },
      source: at_(sheetName, name.address),
    });
  }
  for (const [key, value] of table(SETTINGS.mapping.title, 2)) {
    const k = textOf(key);
    const v = textOf(value);
    if (!k) continue;
    if (!v) {
      out.errors.push({
        code: "settings",
        target: k,
        source: at_(sheetName, value.address),
        found: WB.found.empty,
        expected: WB.expected.settingsValue,
        message: WB.settingsMappingEmpty(k, sheetName, value.address),
      });
      continue;
    }
    out.mapping.set(k, { value: v, source: at_(sheetName, value.address) });
  }
  return out;
}
