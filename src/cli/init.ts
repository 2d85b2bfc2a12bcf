/**
 * Building the 评分依据 and 评分设置 sheets with exceljs: every input and judged part of a rule set
 * labelled in Chinese, defined-named per the contract, validated (是/否 and level drop-downs,
 * whole-number counts), percent inputs in percent-formatted cells. Used by `pe-score init` and by
 * scripts/make-samples.ts (which also fills the values from a golden case).
 */
import type ExcelJS from "exceljs";
import { EFFECT_TABLE_NAME, INPUTS, BUILTIN_RULE_SET_IDS, builtinRuleSet, type InputId, type PartDef, type RuleSet } from "../engine";
import { judgedParts } from "../workbook/inputs";
import { INPUT_SHEET, NAMES, SETTINGS, SHEETS } from "../text/workbook";
import { existsSync as fsExists, readFileSync as fsRead, renameSync as fsRename, unlinkSync as fsUnlink, writeFileSync as fsWrite } from "node:fs";
import { basename as pathBase, dirname as pathDir, join as pathJoin, resolve as pathResolve } from "node:path";
import { parseArgs as parseCliArgs } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../hosts/xlsx";
import { readPackage } from "../hosts/xlsx/pkg";
import type { CellData, WorkbookSnapshot } from "../workbook/snapshot";
import { inferRuleSet, locateTable } from "../workbook/table";
import { CLI, SCORE_CLI } from "../text/cli";
import { UsageError } from "./case";

type Value = string | number | null;

export interface SheetValues {
  /** Input values: numbers (percent inputs as fractions) or text. */
  inputs?: Partial<Record<InputId, Value>>;
  /** Judged parts by default defined name (e.g. 预算编制合理性_3). */
  parts?: Record<string, Value>;
}

export interface SettingsValues {
  ruleSet: string;
  detailSheet?: boolean;
  weights?: { name: string; weight: number }[];
  grades?: { min: number; label: string }[];
  overrides?: { indicator: string; score: number; reason: string }[];
  mapping?: { key: string; name: string }[];
}

/** A sheet reference as exceljs wants it in a defined name. */
function ref(sheet: string, address: string): string {
  const abs = address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

const YES_NO = ['"是,否"'];

function validationFor(part: PartDef): ExcelJS.DataValidation | undefined {
  const r = part.rule;
  const list = (items: string[]): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [`"${items.join(",")}"`],
    showErrorMessage: true,
    errorTitle: INPUT_SHEET.validation.title,
    error: INPUT_SHEET.validation.level,
  });
  switch (r.kind) {
    case "judged":
    case "veto":
    case "ratioLinearDeduction":
    case "ratioFull":
      return { type: "list", allowBlank: true, formulae: YES_NO, showErrorMessage: true, errorTitle: INPUT_SHEET.validation.title, error: INPUT_SHEET.validation.yesNo };
    case "level":
      return list(r.levels.map((l) => l.label));
    case "countDeduction":
      return { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: INPUT_SHEET.validation.count };
    case "judgedScore":
      return { type: "decimal", operator: "between", allowBlank: true, formulae: [0, Number(part.points)], showErrorMessage: true };
    default:
      return undefined;
  }
}

function hintFor(part: PartDef): string {
  const r = part.rule;
  switch (r.kind) {
    case "veto":
      return INPUT_SHEET.veto;
    case "level":
      return INPUT_SHEET.level;
    case "countDeduction":
      return INPUT_SHEET.deduction;
    case "judgedScore":
      return INPUT_SHEET.judgedScore(part.points);
    default:
      return INPUT_SHEET.yesNo;
  }
}

/** Adds the 评分依据 sheet (all inputs and judged parts of `rs`, named) to `wb`. */
export function addInputSheet(wb: ExcelJS.Workbook, rs: RuleSet, values: SheetValues = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.inputs);
  ws.columns = [{ width: 26 }, { width: 40 }, { width: 16 }, { width: 34 }, { width: 30 }, { width: 10 }, { width: 10 }];
  ws.getCell("A1").value = INPUT_SHEET.title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.getRow(2).values = [...INPUT_SHEET.headers];
  ws.getRow(2).font = { bold: true };
  let row = 3;
  ws.getCell(`A${row}`).value = INPUT_SHEET.sections.inputs;
  ws.getCell(`A${row}`).font = { bold: true };
  row++;
  for (const def of INPUTS) {
    const c = ws.getCell(`C${row}`);
    ws.getCell(`B${row}`).value = def.label;
    ws.getCell(`D${row}`).value = INPUT_SHEET.unit[def.unit];
    ws.getCell(`E${row}`).value = def.name;
    const v = values.inputs?.[def.id];
    if (v !== undefined && v !== null) c.value = v;
    if (def.unit === "percent") c.numFmt = "0.00%";
    else if (def.unit === "amount") {
      c.numFmt = "#,##0.00";
      c.dataValidation = { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true };
    } else {
      c.numFmt = "0";
      c.dataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: INPUT_SHEET.validation.count };
    }
    wb.definedNames.add(ref(SHEETS.inputs, `C${row}`), def.name);
    row++;
  }
  row++;
  ws.getCell(`A${row}`).value = INPUT_SHEET.sections.judged;
  ws.getCell(`A${row}`).font = { bold: true };
  row++;
  for (const { indicator, part, name } of judgedParts(rs)) {
    ws.getCell(`A${row}`).value = indicator.name;
    ws.getCell(`B${row}`).value = `${part.key === "不符合项数" ? "" : `${part.key}. `}${part.text || part.label}`;
    ws.getCell(`B${row}`).alignment = { wrapText: true, vertical: "top" };
    ws.getCell(`D${row}`).value = hintFor(part);
    ws.getCell(`E${row}`).value = name;
    const c = ws.getCell(`C${row}`);
    const v = values.parts?.[name];
    if (v !== undefined && v !== null) c.value = v;
    const dv = validationFor(part);
    if (dv) c.dataValidation = dv;
    wb.definedNames.add(ref(SHEETS.inputs, `C${row}`), name);
    row++;
  }
  row++;
  ws.getCell(`A${row}`).value = INPUT_SHEET.effectTable;
  ws.getCell(`A${row}`).font = { bold: true };
  row++;
  const first = row;
  INPUT_SHEET.effectHeaders.forEach((h, i) => (ws.getCell(row, 2 + i).value = h));
  ws.getRow(row).font = { bold: true };
  for (let k = 1; k <= 5; k++) {
    ws.getCell(row + k, 4).dataValidation = { type: "list", allowBlank: true, formulae: ['"正向,反向,定性"'], showErrorMessage: true };
    ws.getCell(row + k, 7).dataValidation = { type: "list", allowBlank: true, formulae: YES_NO, showErrorMessage: true };
  }
  wb.definedNames.add(ref(SHEETS.inputs, `B${first}:G${first + 5}`), EFFECT_TABLE_NAME);
  return ws;
}

/** Adds the 评分设置 sheet in the layout src/workbook/settings.ts reads. */
export function addSettingsSheet(wb: ExcelJS.Workbook, s: SettingsValues): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.settings);
  ws.columns = [{ width: 22 }, { width: 22 }, { width: 50 }];
  ws.getCell("A1").value = SETTINGS.title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.getCell("A3").value = SETTINGS.ruleSet;
  ws.getCell("B3").value = s.ruleSet;
  ws.getCell("B3").dataValidation = { type: "list", allowBlank: false, formulae: [`"${BUILTIN_RULE_SET_IDS.join(",")}"`], showErrorMessage: true };
  ws.getCell("C3").value = SETTINGS.notes.ruleSet([...BUILTIN_RULE_SET_IDS]);
  wb.definedNames.add(ref(SHEETS.settings, "B3"), NAMES.ruleSet);
  ws.getCell("A4").value = SETTINGS.detail;
  ws.getCell("B4").value = s.detailSheet ? SETTINGS.yes : SETTINGS.no;
  ws.getCell("B4").dataValidation = { type: "list", allowBlank: true, formulae: YES_NO, showErrorMessage: true };
  ws.getCell("C4").value = SETTINGS.notes.detail;
  wb.definedNames.add(ref(SHEETS.settings, "B4"), NAMES.detailOption);

  let row = 6;
  const table = (t: { title: string; headers: readonly string[] }, note: string, rows: Value[][]) => {
    ws.getCell(row, 1).value = t.title;
    ws.getCell(row, 1).font = { bold: true };
    ws.getCell(row, t.headers.length + 1).value = note;
    row++;
    t.headers.forEach((h, i) => (ws.getCell(row, 1 + i).value = h));
    ws.getRow(row).font = { bold: true };
    row++;
    for (const r of rows) {
      r.forEach((v, i) => (ws.getCell(row, 1 + i).value = v));
      row++;
    }
    row += 2; // a blank row ends a table; one more for air
  };
  table(SETTINGS.weights, SETTINGS.notes.weights, (s.weights ?? []).map((w) => [w.name, w.weight]));
  table(SETTINGS.grades, SETTINGS.notes.grades, (s.grades ?? []).map((g) => [g.min, g.label]));
  table(SETTINGS.overrides, SETTINGS.notes.overrides, (s.overrides ?? []).map((o) => [o.indicator, o.score, o.reason]));
  table(SETTINGS.mapping, SETTINGS.notes.mapping, (s.mapping ?? []).map((m) => [m.key, m.name]));
  return ws;
}

// ---------------------------------------------------------------------------
// `pe-score init <file.xlsx> [--out FILE] [--in-place] [--rule-set ID]`
//
// Choice: exceljs adds the two sheets (it writes data validations, number formats and names that
// the xlsx host's SheetWrite cannot), and because exceljs rewrites the whole package, the result
// is then *proved* against the original with the lossless reader before anything is written:
// every original sheet's cells (value, formula, error, number format), merges, every defined
// name, every package part beyond the ones any writer regenerates, and the count of
// sheet-level features (validations, conditional formats, hyperlinks, drawings, protection...).
// If anything would be lost, nothing is written and the user is told what and why.


/** Parts every writer regenerates (their content is checked through the snapshot instead). */
const REGENERATED = /^(\[Content_Types\]\.xml|_rels\/|docProps\/|xl\/_rels\/|xl\/workbook\.xml|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/theme\/|xl\/calcChain\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/)/i;
/** Sheet-level features whose count must survive. */
const FEATURES = ["dataValidation", "conditionalFormatting", "hyperlink", "drawing", "legacyDrawing", "tablePart", "sheetProtection", "autoFilter", "rowBreaks", "colBreaks", "pane"];

function sameCell(a: CellData, b: CellData | undefined): boolean {
  const norm = (f?: string) => (f === undefined || f === "General" ? "General" : f);
  return (
    !!b &&
    a.value === b.value &&
    (a.formula ?? "") === (b.formula ?? "") &&
    (a.error ?? "") === (b.error ?? "") &&
    (a.value === null && !a.formula ? true : norm(a.numberFormat) === norm(b.numberFormat))
  );
}

function sheetXmls(bytes: Uint8Array): Map<string, string> {
  const info = readPackage(bytes);
  const files = unzipSync(bytes, { filter: (f) => info.sheets.some((s) => s.part === f.name) });
  return new Map(info.sheets.filter((s) => s.part && files[s.part]).map((s) => [s.name, strFromU8(files[s.part!])]));
}

function count(xml: string, tag: string): number {
  return (xml.match(new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`, "g")) ?? []).length;
}

/** What `after` lost of `before` (empty = everything survived). */
export function survivalLosses(before: Uint8Array, after: Uint8Array): string[] {
  const lost: string[] = [];
  const a = readXlsx(before);
  const b = readXlsx(after);
  for (const s of a.sheets) if (!b.sheets.includes(s)) lost.push(SCORE_CLI.lostSheet(s));
  const cellsOf = (snap: WorkbookSnapshot, sheet: string) => {
    const m = new Map<string, CellData>();
    for (const g of snap.grids) if (g.sheet === sheet) for (const row of g.rows) for (const c of row) m.set(c.address, c);
    return m;
  };
  for (const g of a.grids) {
    const other = cellsOf(b, g.sheet);
    for (const row of g.rows) {
      for (const c of row) {
        if (c.value === null && !c.formula && !c.error) continue;
        if (!sameCell(c, other.get(c.address))) {
          lost.push(SCORE_CLI.lostCell(g.sheet, c.address));
          break;
        }
      }
    }
    const merges = new Set(b.grids.find((x) => x.sheet === g.sheet)?.merges ?? []);
    if (g.merges.some((m) => !merges.has(m))) lost.push(SCORE_CLI.lostMerge(g.sheet));
  }
  for (const n of a.names) {
    const same = b.names.find((x) => x.name.toLowerCase() === n.name.toLowerCase() && x.scope === n.scope);
    const target = (x: typeof n) => (x.sheet && x.address ? `${x.sheet}!${x.address}` : x.reference.replace(/\$/g, ""));
    if (!same || target(same) !== target(n)) lost.push(SCORE_CLI.lostName(n.name));
  }
  const parts = (bytes: Uint8Array) => {
    const names: string[] = [];
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    return names;
  };
  const bParts = parts(after);
  const folder = (p: string) => p.replace(/[^/]*$/, "");
  for (const p of parts(before)) {
    if (REGENERATED.test(p)) continue;
    // exceljs renames parts (drawing1.xml → drawing2.xml); the folder must still hold as many.
    const want = parts(before).filter((x) => folder(x) === folder(p)).length;
    if (bParts.filter((x) => folder(x) === folder(p)).length < want) {
      lost.push(SCORE_CLI.lostPart(p));
    }
  }
  const xa = sheetXmls(before);
  const xb = sheetXmls(after);
  for (const [sheet, xml] of xa) {
    const other = xb.get(sheet) ?? "";
    for (const tag of FEATURES) if (count(other, tag) < count(xml, tag)) lost.push(SCORE_CLI.lostTag(sheet, tag));
  }
  return [...new Set(lost)];
}

export interface InitResult {
  bytes?: Uint8Array;
  names: number;
  errors: string[];
}

/** Adds 评分依据 and 评分设置 to a workbook, only if the rest provably survives. */
export async function initWorkbook(bytes: Uint8Array, ruleSetId?: string): Promise<InitResult> {
  const ExcelJSmod = (await import("exceljs")).default;
  const snap = readXlsx(bytes);
  for (const s of [SHEETS.inputs, SHEETS.settings]) {
    if (snap.sheets.some((x) => x.toLowerCase() === s.toLowerCase())) return { names: 0, errors: [SCORE_CLI.initHasSheet(s)] };
  }
  const located = locateTable(snap);
  const id = ruleSetId ?? (located.table ? inferRuleSet(located.table) : undefined) ?? BUILTIN_RULE_SET_IDS[0];
  const rs = builtinRuleSet(id);
  if (!rs) return { names: 0, errors: [SCORE_CLI.initUnknownRuleSet(id, [...BUILTIN_RULE_SET_IDS])] };
  const wb = new ExcelJSmod.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const before = new Set(snap.names.map((n) => n.name));
  addInputSheet(wb, rs);
  addSettingsSheet(wb, { ruleSet: rs.id });
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  const lost = survivalLosses(bytes, out);
  if (lost.length) return { names: 0, errors: [SCORE_CLI.initLost(lost.slice(0, 8))] };
  const added = readXlsx(out).names.filter((n) => !before.has(n.name)).length;
  return { bytes: out, names: added, errors: [] };
}

export async function run(args: string[], out: (s: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, "in-place": { type: "boolean", default: false }, "rule-set": { type: "string" } },
    });
  } catch (e) {
    throw new UsageError(CLI.badOption((e as Error).message));
  }
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError(SCORE_CLI.initNeedFile);
  if (v.out && v["in-place"]) throw new UsageError(SCORE_CLI.outAndInPlace);
  const file = parsed.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fsRead(file));
  } catch (e) {
    out(SCORE_CLI.readFailed((e as NodeJS.ErrnoException).code ?? String(e)));
    return 1;
  }
  let result: InitResult;
  try {
    result = await initWorkbook(bytes, v["rule-set"] as string | undefined);
  } catch (e) {
    out(SCORE_CLI.readFailed(e instanceof Error ? e.message : String(e)));
    return 1;
  }
  if (result.errors.length || !result.bytes) {
    result.errors.forEach((e) => out(e));
    return 1;
  }
  const source = pathResolve(file);
  let target: string;
  if (v["in-place"]) target = source;
  else {
    target = pathResolve((v.out as string | undefined) ?? pathJoin(pathDir(source), pathBase(source).replace(/\.xlsx$/i, "") + "-评分.xlsx"));
    if (target === source) {
      out(SCORE_CLI.wouldOverwrite(file));
      return 1;
    }
  }
  const tmp = pathJoin(pathDir(target), `.${pathBase(target)}.${process.pid}.tmp`);
  try {
    fsWrite(tmp, result.bytes);
    fsRename(tmp, target);
  } catch (e) {
    if (fsExists(tmp)) fsUnlink(tmp);
    out(SCORE_CLI.writeFailed(e instanceof Error ? e.message : String(e)));
    return 1;
  }
  out(SCORE_CLI.initDone(target, result.names));
  return 0;
}
