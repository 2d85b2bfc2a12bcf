/**
 * Generates the sample workbooks (assets/samples/) from the golden cases (../shared/golden), and
 * the bad-workbook fixtures (test/fixtures/bad/). Run: npm run samples (npx tsx scripts/make-samples.ts).
 * The samples are built from the same data as the golden tests, so they never drift.
 *
 * exceljs lays out the 评分表 as a department hands it in (merges, borders, fonts); the 评分依据 and
 * 评分设置 sheets are then added with the plans `pe-score init` and the pane write
 * (setupSheetsPlan), and the golden values typed into the named cells by a plan of cell writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  builtinRuleSet,
  findIndicator,
  inputOf,
  judgedValueOf,
  partName,
  type CaseFile,
  type IndicatorDef,
  type RuleSet,
} from "../src/engine";
import { applyPlan, readXlsx } from "../src/hosts/xlsx";
import { findName, type CellWrite, type WorkbookSnapshot, type WritePlan } from "../src/workbook";
import { setupSheetsPlan } from "../src/workbook/input-sheet";
import { settingsPlan } from "../src/workbook/settings-edit";
import { frameworkPlan, frameworkText } from "../src/workbook/framework-sheet";
import { parseFrameworkText } from "../src/engine";
import { TABLE_LAYOUT } from "../src/text/workbook";

const ROOT = resolve(__dirname, "..");
export const GOLDEN_DIR = resolve(ROOT, "../shared/golden");
export const SAMPLES_DIR = join(ROOT, "assets/samples");
export const BAD_DIR = join(ROOT, "test/fixtures/bad");

export interface GoldenCase extends CaseFile {
  id: string;
  department?: string;
  year?: number;
  expected: Record<string, number>;
  expectedTotal: number;
  expectedGrade: string;
  reported: Record<string, number | null>;
  reportedTotal?: number | null;
  reportedGrade?: string | null;
}

export function loadGolden(id: string): GoldenCase {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, `${id}.json`), "utf8")) as GoldenCase;
}

/** The two layouts of the seeds' 评分表. */
export type TableStyle = "flat" | "merged";

export interface SampleOptions {
  /** seed 000: flat rows, header 自评得分, no total rows; seed 004: merged, 分数, 综合评分/评分等级. */
  style?: TableStyle;
  tableSheet?: string;
  /** A framework file's rule set, stored in the workbook (评分框架) as 导入评分框架 would. */
  framework?: RuleSet;
}

function percentValue(v: unknown): number | string | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim().endsWith("%")) return Number(v.trim().slice(0, -1)) / 100;
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** Judged values of a golden case by default part name, as a clerk would type them. */
export function partValues(rs: RuleSet, c: CaseFile): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [indicatorName, items] of Object.entries(c.subItems ?? {})) {
    const def = findIndicator(rs, indicatorName);
    if (!def) throw new Error(`golden ${indicatorName}: not in ${rs.id}`);
    const entries: [string, unknown][] = Array.isArray(items)
      ? items.map((v, i) => [String(i + 1), v])
      : Object.entries(items).map(([label, v]) => [
          def.parts.find((p) => p.label === label || p.key === label)?.key ?? label,
          v,
        ]);
    for (const [key, v] of entries) {
      const part = def.parts.find((p) => p.key === key);
      if (!part) throw new Error(`golden ${indicatorName}.${key}: no such part`);
      const judged = judgedValueOf(part);
      const yesNo = judged === "yesNo" || judged === "veto";
      out[partName(def.name, key)] = yesNo && (v === 0 || v === 1) ? (v === 1 ? "是" : "否") : (v as string | number);
    }
  }
  return out;
}

function criteriaText(def: IndicatorDef): string {
  return def.parts.map((p, i) => `${def.parts.length > 1 ? `${i + 1}.` : ""}${p.text}`).join("\n");
}

/** Adds the 评分表 laid out as the seed prints it; returns the sheet. */
export function addScoreTable(
  wb: ExcelJS.Workbook,
  rs: RuleSet,
  scores: Record<string, number | null>,
  style: TableStyle,
  title: string,
  sheetName: string,
  total?: { total: number | null; grade: string | null },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName);
  ws.columns = [
    { width: 10 },
    { width: 6 },
    { width: 10 },
    { width: 6 },
    { width: 22 },
    { width: 6 },
    { width: 40 },
    { width: 60 },
    { width: 8 },
  ];
  const border: Partial<ExcelJS.Borders> = {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  const L = TABLE_LAYOUT;
  const nw = style === "flat" ? L.nameWeight : L.nameWeightCity;
  ws.mergeCells("A2:F2");
  ws.getCell("A2").value = L.top[0];
  ws.getCell("G2").value = L.top[1];
  ws.getCell("H2").value = style === "flat" ? L.top[2] : `参考${L.top[2]}`;
  ws.mergeCells("I2:I4");
  ws.getCell("I2").value = style === "flat" ? "自评\n得分" : "分数";
  ws.mergeCells("A3:B3");
  ws.mergeCells("C3:D3");
  ws.mergeCells("E3:F3");
  ws.getCell("A3").value = L.levels[0];
  ws.getCell("C3").value = L.levels[1];
  ws.getCell("E3").value = style === "flat" ? `${L.levels[2]}\u3000` : L.levels[2];
  if (style === "flat") {
    ws.getCell("G3").value = L.none;
    ws.getCell("H3").value = L.none;
    ws.getCell("G4").value = L.none;
    ws.getCell("H4").value = L.none;
  } else {
    ws.mergeCells("G2:G4");
    ws.mergeCells("H2:H4");
  }
  ["A", "C", "E"].forEach((col, i) => {
    ws.getCell(`${col}4`).value = nw[0];
    ws.getCell(`${String.fromCharCode(col.charCodeAt(0) + 1)}4`).value = nw[1];
    void i;
  });
  let row = 5;
  for (const level1 of rs.levels) {
    const l1Start = row;
    for (const level2 of level1.groups) {
      const l2Start = row;
      for (const def of level2.indicators) {
        const r = ws.getRow(row);
        if (style === "flat" || row === l1Start) {
          r.getCell(1).value = level1.name;
          r.getCell(2).value = Number(level1.weight);
        }
        if (style === "flat" || row === l2Start) {
          r.getCell(3).value = level2.name;
          r.getCell(4).value = Number(level2.weight);
        }
        r.getCell(5).value = def.name;
        r.getCell(6).value = Number(def.weight);
        r.getCell(7).value = def.criteria;
        r.getCell(8).value = criteriaText(def);
        const s = scores[def.id];
        if (s !== undefined && s !== null) r.getCell(9).value = s;
        r.getCell(9).numFmt = "0.00";
        for (let k = 7; k <= 8; k++) r.getCell(k).alignment = { wrapText: true, vertical: "top" };
        row++;
      }
      if (style === "merged" && row - 1 > l2Start) {
        ws.mergeCells(l2Start, 3, row - 1, 3);
        ws.mergeCells(l2Start, 4, row - 1, 4);
      }
    }
    if (style === "merged" && row - 1 > l1Start) {
      ws.mergeCells(l1Start, 1, row - 1, 1);
      ws.mergeCells(l1Start, 2, row - 1, 2);
    }
  }
  const last = row - 1;
  if (total) {
    ws.mergeCells(row, 1, row, 8);
    ws.getCell(row, 1).value = "综合评分";
    ws.getCell(row, 9).value = total.total;
    ws.getCell(row, 9).numFmt = "0.00";
    ws.mergeCells(row + 1, 1, row + 1, 8);
    ws.getCell(row + 1, 1).value = "评分等级";
    ws.getCell(row + 1, 9).value = total.grade;
  }
  const bottom = total ? last + 2 : last;
  for (let r = 2; r <= bottom; r++) for (let c = 1; c <= 9; c++) ws.getCell(r, c).border = border;
  for (let r = 2; r <= 4; r++) ws.getRow(r).font = { bold: true };
  return ws;
}

/** How a bad fixture departs from a sample, step by step (each hook mutates in place). */
export interface SampleTweaks {
  /** The exceljs workbook holding only the 评分表. */
  table?: (wb: ExcelJS.Workbook) => void;
  /** The plan adding 评分依据 and 评分设置. */
  sheets?: (plan: WritePlan) => void;
  /** The plan typing the golden values. */
  values?: (plan: WritePlan) => void;
  /** The finished package. */
  bytes?: (bytes: Uint8Array) => Uint8Array;
}

/** The cell a default name points at (the samples' names all resolve). */
function namedCell(snapshot: WorkbookSnapshot, name: string): { sheet: string; address: string } {
  const dn = findName(snapshot, name);
  if (!dn?.sheet || !dn.address) throw new Error(`no cell named ${name}`);
  return { sheet: dn.sheet, address: dn.address };
}

/**
 * The golden case's values as a clerk types them: inputs (percents as fractions, into the
 * percent-formatted cells) and judged parts into their named cells, overrides into 评分设置.
 */
export function valuesPlan(snapshot: WorkbookSnapshot, rs: RuleSet, c: GoldenCase): WritePlan {
  const cells: CellWrite[] = [];
  // role = the name, so a bad fixture can find and retype the write
  const put = (name: string, v: string | number | null) => {
    if (v === null) return;
    cells.push({ ...namedCell(snapshot, name), value: v, previous: null, role: name });
  };
  for (const [id, v] of Object.entries(c.inputs ?? {})) {
    const def = inputOf(rs, id);
    if (!def) throw new Error(`golden input ${id}: unknown`);
    put(def.name, def.unit === "percent" ? percentValue(v) : (v as number | string | null));
  }
  for (const [name, v] of Object.entries(partValues(rs, c))) put(name, v);
  const overrides = Object.entries(c.overrides ?? {}).map(([indicator, o]) => ({
    indicator,
    score: Number(o.score),
    reason: o.reason ?? "",
  }));
  if (overrides.length) {
    const settings = settingsPlan(snapshot, { overrides });
    if (!settings.ok) throw new Error(settings.message);
    cells.push(...settings.plan.cells);
  }
  return { cells, sheets: [] };
}

/**
 * A sample workbook from a golden case: the 评分表 with the case's reported scores, the 评分依据
 * sheet with its inputs and judged parts, the 评分设置 sheet with its rule set and overrides.
 * Golden `manual` scores stay as the typed scores (their parts unbound).
 */
export async function buildSample(
  c: GoldenCase,
  options: SampleOptions = {},
  tweaks: SampleTweaks = {},
): Promise<Uint8Array> {
  const rs = options.framework ?? builtinRuleSet(c.ruleSet);
  if (!rs) throw new Error(`unknown rule set ${c.ruleSet}`);
  const style = options.style ?? (c.reportedTotal === null || c.reportedTotal === undefined ? "flat" : "merged");
  const wb = new ExcelJS.Workbook();
  wb.creator = "pe-score make-samples";
  const scores: Record<string, number | null> = {};
  for (const [name, v] of Object.entries(c.reported)) {
    const def = findIndicator(rs, name);
    if (!def) throw new Error(`golden reported ${name}: not in ${rs.id}`);
    scores[def.id] = v;
  }
  const title = style === "flat" ? `${c.year ?? ""}年度部门整体支出绩效评价指标评分表` : TABLE_LAYOUT.title;
  addScoreTable(
    wb,
    rs,
    scores,
    style,
    title,
    options.tableSheet ?? (style === "flat" ? "指标评分表" : "评分表"),
    style === "merged" ? { total: c.reportedTotal ?? null, grade: c.reportedGrade ?? null } : undefined,
  );
  tweaks.table?.(wb);
  let bytes = await toBytes(wb);
  const sheets = setupSheetsPlan(readXlsx(bytes), rs);
  if (!sheets) throw new Error("the 评分表 workbook already has 评分依据 or 评分设置");
  if (options.framework) sheets.sheets.unshift(...frameworkPlan(rs, frameworkText(rs)).sheets);
  tweaks.sheets?.(sheets);
  bytes = applyPlan(bytes, sheets);
  const values = valuesPlan(readXlsx(bytes), rs, c);
  tweaks.values?.(values);
  bytes = applyPlan(bytes, values);
  return tweaks.bytes ? tweaks.bytes(bytes) : bytes;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const SAMPLES = [
  { id: "seed-000-district-2020", file: "seed-000-district-2020.xlsx" },
  { id: "seed-004-city-2021", file: "seed-004-city-2021.xlsx" },
] as const;

export const EXAMPLES_DIR = join(ROOT, "examples/frameworks");

/** The example framework's workbook: its case's data, the framework stored in it (评分框架). */
export async function buildExample(): Promise<Uint8Array> {
  const check = parseFrameworkText(readFileSync(join(EXAMPLES_DIR, "example-local.json"), "utf8"));
  if (!check.ruleSet) throw new Error(check.problems.join("\n"));
  const c = JSON.parse(readFileSync(join(EXAMPLES_DIR, "example-local-case.json"), "utf8")) as GoldenCase;
  return buildSample(c, { style: "merged", framework: check.ruleSet });
}

/** Rewrites the text of some zip entries (names exceljs cannot write, e.g. #REF!). */
export function editEntries(bytes: Uint8Array, edit: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, fn] of Object.entries(edit)) files[name] = strToU8(fn(strFromU8(files[name])));
  return zipSync(files);
}

function setName(xml: string, name: string, reference: string): string {
  const re = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
  if (!re.test(xml)) throw new Error(`no defined name ${name}`);
  return xml.replace(re, `$1${reference}$2`);
}

function dropName(xml: string, name: string): string {
  const re = new RegExp(`<definedName name="${name}"[^>]*>[^<]*</definedName>`);
  if (!re.test(xml)) throw new Error(`no defined name ${name}`);
  return xml.replace(re, "");
}

/** The part of a sheet, from workbook.xml and its relationships. */
function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files["xl/workbook.xml"]);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

/** Turns a value cell into an error cell (a plan writes values only). */
function setError(bytes: Uint8Array, sheet: string, address: string, error: string): Uint8Array {
  const part = sheetPart(unzipSync(bytes), sheet);
  return editEntries(bytes, {
    [part]: (xml) => {
      const re = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
      if (!re.test(xml)) throw new Error(`no cell ${sheet}!${address}`);
      return xml.replace(
        re,
        (_m, attrs: string) => `<c r="${address}"${attrs.replace(/\st="[^"]*"/, "")} t="e"><v>${error}</v></c>`,
      );
    },
  });
}

function rowOf(ws: ExcelJS.Worksheet, indicator: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 5).value === indicator) return r;
  throw new Error(`no row ${indicator}`);
}

/** Sets the typed value of a named cell in the values plan. */
function retype(name: string, value: string | number): (plan: WritePlan) => void {
  return (plan) => {
    const w = plan.cells.find((c) => c.role === name);
    if (!w) throw new Error(`no value typed for ${name}`);
    w.value = value;
  };
}

/** The bad-workbook fixtures: file name → bytes. Each carries one specific fault. */
export async function buildBadFixtures(): Promise<Record<string, Uint8Array>> {
  const golden = loadGolden("seed-000-district-2020");
  const table = (wb: ExcelJS.Workbook) => wb.getWorksheet("指标评分表")!;
  const out: Record<string, Uint8Array> = {};
  const make = async (file: string, tweaks: SampleTweaks) => (out[file] = await buildSample(golden, {}, tweaks));
  const nameOf = (plan: WritePlan, name: string) => plan.names!.find((n) => n.name === name)!;
  await make("missing-name.xlsx", {
    bytes: (b) => editEntries(b, { "xl/workbook.xml": (x) => dropName(x, "核定编制数") }),
  });
  await make("name-ref.xlsx", {
    bytes: (b) => editEntries(b, { "xl/workbook.xml": (x) => setName(x, "核定编制数", "#REF!") }),
  });
  await make("name-two-cells.xlsx", {
    // Re-pointed once the value is typed: the name then covers the value cell and the one below.
    values: (plan) => {
      const w = plan.cells.find((c) => c.role === "核定编制数")!;
      const row = Number(w.address.replace(/^[A-Z]+/, ""));
      plan.names = [{ name: w.role, sheet: w.sheet, address: `${w.address}:C${row + 1}` }];
    },
  });
  await make("text-amount.xlsx", { values: retype("政府采购计划金额", "约三十万") });
  let div0 = { sheet: "", address: "" };
  await make("div0.xlsx", {
    sheets: (plan) => (div0 = nameOf(plan, "三公经费预算数")),
    bytes: (b) => setError(b, div0.sheet, div0.address, "#DIV/0!"),
  });
  await make("negative-amount.xlsx", { values: retype("三公经费实际支出数", -7.28) });
  await make("fraction-person.xlsx", { values: retype("在编人数", 52.5) });
  await make("percent-plain.xlsx", {
    sheets: (plan) => {
      const at = nameOf(plan, "一季度支出进度").address;
      plan.sheets[0].formats = plan.sheets[0].formats!.filter((f) => f.address !== at);
    },
    values: retype("一季度支出进度", 0.3782),
  });
  await make("no-table.xlsx", { table: (wb) => (table(wb).getCell("I2").value = "备注") });
  await make("row-missing.xlsx", { table: (wb) => (table(wb).getCell(rowOf(table(wb), "项目监管"), 5).value = null) });
  await make("row-doubled.xlsx", {
    table: (wb) => {
      const ws = table(wb);
      const from = ws.getRow(rowOf(ws, "项目监管"));
      const to = ws.getRow(ws.rowCount + 1);
      for (let c = 1; c <= 9; c++) to.getCell(c).value = from.getCell(c).value;
    },
  });
  await make("no-room.xlsx", {
    table: (wb) => {
      const ws = table(wb);
      ws.getCell(ws.rowCount + 1, 1).value = "备注：本表由财务科填写";
    },
  });
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  out["empty.xlsx"] = await toBytes(empty);
  out["not-xlsx.xlsx"] = strToU8("这不是 Excel 工作簿，只是一个改了扩展名的文本文件。\n");
  return out;
}

async function main(): Promise<void> {
  mkdirSync(SAMPLES_DIR, { recursive: true });
  for (const s of SAMPLES) {
    const bytes = await buildSample(loadGolden(s.id));
    writeFileSync(join(SAMPLES_DIR, s.file), bytes);
    console.log(`${join("assets/samples", s.file)} (${bytes.length} bytes)`);
  }
  const example = await buildExample();
  writeFileSync(join(EXAMPLES_DIR, "example-local.xlsx"), example);
  console.log(`examples/frameworks/example-local.xlsx (${example.length} bytes)`);
  mkdirSync(BAD_DIR, { recursive: true });
  for (const [file, bytes] of Object.entries(await buildBadFixtures())) {
    writeFileSync(join(BAD_DIR, file), bytes);
    console.log(`${join("test/fixtures/bad", file)} (${bytes.length} bytes)`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
