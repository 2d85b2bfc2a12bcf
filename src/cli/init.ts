/**
 * Building the 评分依据 and 评分设置 sheets with exceljs: every input and judged part of a rule set
 * labelled in Chinese, defined-named per the contract, validated (是/否 and level drop-downs,
 * whole-number counts), percent inputs in percent-formatted cells. Used by `pe-score init` and by
 * scripts/make-samples.ts (which also fills the values from a golden case).
 */
import type ExcelJS from "exceljs";
import { EFFECT_TABLE_NAME, INPUTS, BUILTIN_RULE_SET_IDS, type InputId, type PartDef, type RuleSet } from "../engine";
import { judgedParts } from "../workbook/inputs";
import { INPUT_SHEET, NAMES, SETTINGS, SHEETS } from "../text/workbook";

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
