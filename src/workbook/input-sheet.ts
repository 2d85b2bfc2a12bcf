/**
 * The 评分依据 sheet as a WritePlan: every input and judged part of a rule set labelled, named,
 * validated (是/否 and level drop-downs, whole-number counts) and percent inputs in percent
 * cells, plus an empty 个性化绩效指标 table, as plain data so any host can write it: the task pane
 * (添加评分依据表), `pe-score init` and scripts/make-samples.ts all build the sheet here.
 *
 * Also: appending one block (a judged part's row, the effect table) to the sheet, creating the
 * sheet when the workbook has none, for the judged view's "在评分依据表中新建".
 */
import { EFFECT_TABLE_NAME, judgedValueOf, type InputUnit, type PartDef, type RuleSet } from "../engine";
import { EFFECT } from "../text/engine";
import { YES_NO } from "../text/vocabulary";
import type { CellWrite, NameWrite, SheetWrite, ValidationWrite, WorkbookSnapshot, WritePlan } from "./snapshot";
import { INPUT_SHEET } from "../text/workbook";
import { SETTINGS, SHEETS } from "../text/vocabulary";
import { cellAddress, parseArea } from "./address";
import { SheetView } from "./grid";
import { findName, singleCell } from "./names";
import { judgedParts, mappedName, ruleSetInputs } from "./inputs";
import type { WorkbookSettings } from "./settings";
import { settingsSheet } from "./settings-edit";

type Value = string | number | null;

/** Number format of an input's value cell (same as init). */
export const UNIT_FORMAT: Record<InputUnit, string> = { percent: "0.00%", amount: "#,##0.00", count: "0" };

/** Rows of the empty 个性化绩效指标 table under its header. */
export const EFFECT_ROWS = 5;

export const NATURES = [EFFECT.positive, EFFECT.negative, EFFECT.qualitative] as const;

export function partHint(part: PartDef): string {
  switch (judgedValueOf(part)) {
    case "veto":
      return INPUT_SHEET.veto;
    case "level":
      return INPUT_SHEET.level;
    case "count":
      return INPUT_SHEET.deduction;
    case "score":
      return INPUT_SHEET.judgedScore(part.points);
    default:
      return INPUT_SHEET.yesNo;
  }
}

export function partItemText(part: PartDef): string {
  // Numbered sub-items (1, 2, …) keep their number; a named part (a count) is its own label.
  return `${/^\d+$/.test(part.key) ? `${part.key}. ` : ""}${part.text || part.label}`;
}

/** The validation of a judged part's value cell (none for parts the engine reads otherwise). */
export function partValidation(part: PartDef, address: string): ValidationWrite | undefined {
  const r = part.rule;
  switch (judgedValueOf(part)) {
    case "yesNo":
    case "veto":
      return { address, type: "list", list: [...YES_NO], error: INPUT_SHEET.validation.yesNo };
    case "level":
      return r.kind === "level"
        ? { address, type: "list", list: r.levels.map((l) => l.label), error: INPUT_SHEET.validation.level }
        : undefined;
    case "count":
      return { address, type: "whole", min: 0, error: INPUT_SHEET.validation.count };
    case "score":
      return { address, type: "decimal", min: 0, max: Number(part.points) };
    case undefined:
      return undefined;
  }
}

export interface InputSheetOptions {
  /** Names to leave out because they already point at a usable cell (the pane's case). */
  skip?: Set<string>;
  settings?: WorkbookSettings;
}

export interface InputSheetBuild {
  sheet: SheetWrite;
  names: NameWrite[];
}

/** The whole 评分依据 sheet for `rs`. */
export function inputSheet(rs: RuleSet, options: InputSheetOptions = {}): InputSheetBuild {
  const rows: Value[][] = [];
  const formats: { address: string; numberFormat: string }[] = [];
  const validations: ValidationWrite[] = [];
  const names: NameWrite[] = [];
  const sheet = SHEETS.inputs;
  const skip = options.skip ?? new Set<string>();
  rows.push([INPUT_SHEET.title]);
  rows.push([...INPUT_SHEET.headers]);
  rows.push([INPUT_SHEET.sections.inputs]);
  for (const def of ruleSetInputs(rs)) {
    const name = mappedName(options.settings, def.name, def.id);
    if (skip.has(name)) continue;
    const r = rows.length + 1;
    const c = `C${r}`;
    rows.push([
      null,
      def.label,
      null,
      def.hint ? `${INPUT_SHEET.unit[def.unit]}；${def.hint}` : INPUT_SHEET.unit[def.unit],
      name,
    ]);
    formats.push({ address: c, numberFormat: UNIT_FORMAT[def.unit] });
    if (def.unit === "amount") validations.push({ address: c, type: "decimal", min: 0 });
    if (def.unit === "count")
      validations.push({ address: c, type: "whole", min: 0, error: INPUT_SHEET.validation.count });
    names.push({ name, sheet, address: c });
  }
  rows.push([]);
  rows.push([INPUT_SHEET.sections.judged]);
  for (const { indicator, part, name: defaultName } of judgedParts(rs)) {
    const name = mappedName(options.settings, defaultName);
    if (skip.has(name)) continue;
    const r = rows.length + 1;
    rows.push([indicator.name, partItemText(part), null, partHint(part), name]);
    const v = partValidation(part, `C${r}`);
    if (v) validations.push(v);
    names.push({ name, sheet, address: `C${r}` });
  }
  const effectName = mappedName(options.settings, EFFECT_TABLE_NAME);
  if (!skip.has(effectName)) {
    rows.push([]);
    rows.push([INPUT_SHEET.effectTable]);
    const first = rows.length + 1;
    rows.push([null, ...INPUT_SHEET.effectHeaders]);
    validations.push({ address: `D${first + 1}:D${first + EFFECT_ROWS}`, type: "list", list: [...NATURES] });
    validations.push({ address: `G${first + 1}:G${first + EFFECT_ROWS}`, type: "list", list: [...YES_NO] });
    names.push({ name: effectName, sheet, address: `B${first}:G${first + EFFECT_ROWS}` });
  }
  return {
    sheet: { sheet, rows, formats, validations, columnWidths: [26, 40, 16, 34, 30, 10, 10] },
    names,
  };
}

/**
 * The pane's 添加评分依据表: the sheet with every name the workbook does not resolve yet (a name
 * that points at a usable cell keeps pointing there). Undefined when the sheet already exists.
 */
export function inputSheetPlan(
  snapshot: WorkbookSnapshot,
  rs: RuleSet,
  settings?: WorkbookSettings,
): WritePlan | undefined {
  if (snapshot.sheets.some((x) => x.toLowerCase() === SHEETS.inputs.toLowerCase())) return undefined;
  const skip = new Set<string>();
  const candidates = [
    ...ruleSetInputs(rs).map((d) => mappedName(settings, d.name, d.id)),
    ...judgedParts(rs).map((p) => mappedName(settings, p.name)),
  ];
  for (const name of candidates) if (resolves(snapshot, name)) skip.add(name);
  const eff = findName(snapshot, mappedName(settings, EFFECT_TABLE_NAME));
  if (eff && eff.sheet && eff.address && !/#REF!/i.test(eff.reference))
    skip.add(mappedName(settings, EFFECT_TABLE_NAME));
  const built = inputSheet(rs, settings ? { skip, settings } : { skip });
  return { cells: [], sheets: [built.sheet], names: built.names };
}

/** A name that already points at one usable cell (left alone by the plans that add sheets). */
function resolves(snapshot: WorkbookSnapshot, name: string): boolean {
  const dn = findName(snapshot, name);
  return !!dn && singleCell(dn, name).ok;
}

/**
 * `pe-score init` (and the samples): the 评分依据 sheet as the pane adds it plus a 评分设置 sheet
 * naming `rs`, with every name the workbook does not resolve yet. Undefined when the workbook
 * already has either sheet.
 */
export function setupSheetsPlan(snapshot: WorkbookSnapshot, rs: RuleSet): WritePlan | undefined {
  const inputs = inputSheetPlan(snapshot, rs);
  if (!inputs || snapshot.sheets.some((x) => x.toLowerCase() === SETTINGS.title.toLowerCase())) return undefined;
  const settings = settingsSheet({ ruleSetId: rs.id });
  return {
    cells: [],
    sheets: [...inputs.sheets, settings.sheet],
    names: [...(inputs.names ?? []), ...settings.names.filter((n) => !resolves(snapshot, n.name))],
  };
}

/**
 * Appends `block` (rows of values, first value in column `col`) under everything on the 评分依据
 * sheet, after one blank row; creates the sheet (title + block) when the workbook has none.
 * Returns the plan's cells or sheet and the row where the block starts.
 */
export function appendToInputSheet(
  snapshot: WorkbookSnapshot,
  block: Value[][],
  role: string,
): { cells: CellWrite[]; sheets: SheetWrite[]; sheet: string; top: number } {
  const sheet = snapshot.sheets.find((x) => x.toLowerCase() === SHEETS.inputs.toLowerCase());
  if (!sheet) {
    const rows: Value[][] = [[INPUT_SHEET.title], [...INPUT_SHEET.headers], [], ...block];
    return { cells: [], sheets: [{ sheet: SHEETS.inputs, rows }], sheet: SHEETS.inputs, top: 4 };
  }
  const grid = snapshot.grids.find((g) => g.sheet === sheet);
  // A host may not pass this sheet's grid (Office reads only what scoring needs): the names that
  // point into the sheet still tell how far down it is used.
  let bottom = grid ? new SheetView(grid).bottom : 0;
  for (const n of snapshot.names) {
    if (n.sheet !== sheet || !n.address) continue;
    const a = parseArea(n.address);
    if (a) bottom = Math.max(bottom, a.bottom);
  }
  const top = grid || bottom > 0 ? bottom + 2 : 1000;
  const cells: CellWrite[] = [];
  block.forEach((r, k) =>
    r.forEach((v, i) => {
      if (v !== null) cells.push({ sheet, address: cellAddress(top + k, i + 1), value: v, previous: null, role });
    }),
  );
  return { cells, sheets: [], sheet, top };
}
