/**
 * readXlsx: .xlsx bytes → WorkbookSnapshot, with fflate and a text scan of the sheets (no ExcelJS,
 * so it stays light in the browser bundle and fast in batch runs). Synchronous.
 */
import type { CellData, DefinedNameData, GridData, WorkbookSnapshot } from "../../workbook/snapshot";
import { XLSX_TEXT } from "../../text/xlsx";
import { areaAddress, cellAddress, extendArea, intersects, parseArea, type Area } from "../../workbook/address";
import { XlsxFormatError } from "./errors";
import { shiftFormula } from "./formula";
import { BUILTIN_NUMBER_FORMATS, percentText } from "./numberFormat";
import {
  attr,
  child,
  children,
  decodeUtf8,
  extract,
  PackageInfo,
  readPackage,
  safeParse,
  SheetEntry,
  textOf,
  xmlParser,
  XmlNode,
} from "./pkg";
import { parseCellXml, scanSheet, stringItemRaw } from "./sheetScan";
import { attrValue, decodeText, decodeXml, findStartTag, parseAttrs, tagEnd } from "./xml";

/** The sheet whose used range becomes `snapshot.settings`. */
export const SETTINGS_SHEET = "评分设置";

/** Named ranges larger than this keep sheet and address but carry no `cells`. */
export const MAX_NAME_CELLS = 100_000;

export interface Styles {
  /** cellXfs index → format code. */
  formats: (string | undefined)[];
}

export function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { formats: [] };
  const doc = xmlParser.parse(xml) as XmlNode;
  const sheet = child(doc, "styleSheet");
  const custom = new Map<number, string>();
  for (const nf of children(child(sheet, "numFmts"), "numFmt")) {
    const id = Number(attr(nf, "numFmtId"));
    const code = attr(nf, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, decodeXml(code));
  }
  const formats = children(child(sheet, "cellXfs"), "xf").map((xf) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
  });
  return { formats };
}

const SI_RE = /<((?:[A-Za-z_][\w.-]*:)?)si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1si\s*>)/g;

export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  SI_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SI_RE.exec(xml))) out.push(decodeText(stringItemRaw(m[2] ?? "")));
  return out;
}

/** One sheet as read: its cells by position, used range and merges. */
export interface SheetCells {
  name: string;
  cells: Map<number, Map<number, CellData>>;
  /** Format of cells that are not in the XML: the row's style (customFormat) or the column's. */
  rowFormats: Map<number, string | undefined>;
  colFormats: { min: number; max: number; format: string | undefined }[];
  used?: Area;
  merges: string[];
}

function isNonEmpty(c: CellData): boolean {
  return c.value !== null || c.formula !== undefined || c.error !== undefined;
}

export function readSheetCells(name: string, xml: string, styles: Styles, strings: string[]): SheetCells {
  const scan = scanSheet(xml);
  const cells = new Map<number, Map<number, CellData>>();
  const rowFormats = new Map<number, string | undefined>();
  const fmt = (s: number | undefined) => (s === undefined ? "General" : styles.formats[s]);
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  const sharedMembers: { cell: CellData; si: string; row: number; col: number }[] = [];
  let used: Area | undefined;

  for (const r of scan.rows) {
    if (attrValue(r.el.attrs, "customFormat") === "1" || attrValue(r.el.attrs, "customFormat") === "true") {
      const s = attrValue(r.el.attrs, "s");
      if (s !== undefined) rowFormats.set(r.row, fmt(Number(s)));
    }
    let rowMap = cells.get(r.row);
    for (const c of r.cells) {
      const x = parseCellXml(xml, c.el);
      const data: CellData = { address: cellAddress(r.row, c.col), value: null };
      const numberFormat = fmt(x.style);
      if (numberFormat !== undefined) data.numberFormat = numberFormat;
      switch (x.type) {
        case "s": {
          const i = Number(x.v);
          if (x.v !== undefined && Number.isInteger(i)) data.value = strings[i] ?? null;
          break;
        }
        case "inlineStr":
          data.value = x.is !== undefined ? decodeText(stringItemRaw(x.is)) : x.v !== undefined ? decodeText(x.v) : null;
          break;
        case "str":
          data.value = x.v !== undefined ? decodeText(x.v) : null;
          break;
        case "b":
          data.value = x.v !== undefined ? x.v.trim() === "1" || x.v.trim() === "true" : null;
          break;
        case "e":
          if (x.v !== undefined) data.error = decodeXml(x.v).trim();
          break;
        case "d": // ISO 8601 date cells (rare; Excel itself does not write them): keep the text
          data.value = x.v !== undefined ? decodeXml(x.v) : null;
          break;
        default: {
          const t = x.v !== undefined ? decodeXml(x.v).trim() : "";
          if (t !== "") {
            const n = Number(t);
            data.value = Number.isFinite(n) ? n : t;
          }
        }
      }
      if (x.f) {
        const ft = attrValue(x.f.attrs, "t");
        const si = attrValue(x.f.attrs, "si");
        const text = decodeXml(x.f.text);
        if (ft === "shared" && si !== undefined) {
          if (text !== "") {
            masters.set(si, { row: r.row, col: c.col, formula: text });
            data.formula = text;
          } else {
            sharedMembers.push({ cell: data, si, row: r.row, col: c.col });
            data.formula = "";
          }
        } else if (ft !== "dataTable") {
          data.formula = text;
        }
      }
      if (typeof data.value === "number") {
        const text = percentText(data.value, data.numberFormat);
        if (text !== undefined) data.text = text;
      }
      if (!rowMap) cells.set(r.row, (rowMap = new Map()));
      rowMap.set(c.col, data);
      if (isNonEmpty(data)) used = extendArea(used, r.row, c.col);
    }
  }
  // Shared formulas: a member carries only si; its text is the master's moved to its position.
  for (const m of sharedMembers) {
    const master = masters.get(m.si);
    if (master) m.cell.formula = shiftFormula(master.formula, m.row - master.row, m.col - master.col);
  }

  const head = xml.slice(0, scan.sheetData.start);
  const colFormats: SheetCells["colFormats"] = [];
  for (let at = findStartTag(head, "col", 0); at >= 0; at = findStartTag(head, "col", tagEnd(head, at))) {
    const attrs = parseAttrs(head.slice(at, tagEnd(head, at)));
    const s = attrValue(attrs, "style");
    if (s === undefined) continue;
    colFormats.push({ min: Number(attrValue(attrs, "min")), max: Number(attrValue(attrs, "max")), format: fmt(Number(s)) });
  }
  const tail = xml.slice(scan.sheetData.end);
  const merges: string[] = [];
  for (let at = findStartTag(tail, "mergeCell", 0); at >= 0; at = findStartTag(tail, "mergeCell", tagEnd(tail, at))) {
    const ref = attrValue(parseAttrs(tail.slice(at, tagEnd(tail, at))), "ref");
    const range = ref ? parseArea(ref) : undefined;
    if (range) merges.push(areaAddress(range));
  }
  return { name, cells, rowFormats, colFormats, used, merges };
}

/** The cell at a position, or an empty cell with the row's/column's default format. */
export function cellAt(sheet: SheetCells, row: number, col: number): CellData {
  const found = sheet.cells.get(row)?.get(col);
  if (found) return { ...found };
  let numberFormat: string | undefined = "General";
  if (sheet.rowFormats.has(row)) numberFormat = sheet.rowFormats.get(row);
  else {
    const c = sheet.colFormats.find((f) => col >= f.min && col <= f.max);
    if (c) numberFormat = c.format;
  }
  const cell: CellData = { address: cellAddress(row, col), value: null };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

export function gridOf(sheet: SheetCells): GridData {
  const used = sheet.used;
  if (!used) return { sheet: sheet.name, origin: "A1", rows: [], merges: [] };
  const rows: CellData[][] = [];
  for (let r = used.top; r <= used.bottom; r++) {
    const row: CellData[] = [];
    for (let c = used.left; c <= used.right; c++) row.push(cellAt(sheet, r, c));
    rows.push(row);
  }
  return {
    sheet: sheet.name,
    origin: cellAddress(used.top, used.left),
    rows,
    merges: sheet.merges.filter((m) => intersects(parseArea(m)!, used)),
  };
}

// 'Sheet name'!$A$1[:$B$2] or Sheet1!A1[:B2]; an unquoted name has no spaces or operators.
const NAME_REF_RE = /^(?:'((?:[^']|'')+)'|([^\s'!:,()&=<>"+\-*/^%;{}[\]]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/;

/** Parses a defined name's text as a single-sheet cell or range reference. */
export function parseNameReference(reference: string): { sheet: string; range: Area } | undefined {
  const m = NAME_REF_RE.exec(reference.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const range = parseArea(m[3]);
  return range ? { sheet, range } : undefined;
}

function readNames(info: PackageInfo, sheetCells: (name: string) => SheetCells | undefined): DefinedNameData[] {
  const wb = child(info.workbookDoc, "workbook");
  const sheetNames = info.sheets.map((s) => s.name);
  const byLower = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  return children(child(wb, "definedNames"), "definedName").map((dn) => {
    const local = attr(dn, "localSheetId");
    const scopeIndex = local !== undefined ? Number(local) : NaN;
    const name: DefinedNameData = {
      name: decodeXml(attr(dn, "name") ?? ""),
      scope: Number.isInteger(scopeIndex) ? (sheetNames[scopeIndex] ?? null) : null,
      reference: decodeXml(textOf(dn)).trim(),
    };
    const target = parseNameReference(name.reference);
    const sheet = target ? byLower.get(target.sheet.toLowerCase()) : undefined;
    if (target && sheet !== undefined) {
      name.sheet = sheet;
      name.address = areaAddress(target.range);
      const { top, left, bottom, right } = target.range;
      const cellsSheet = sheetCells(sheet);
      if (cellsSheet && (bottom - top + 1) * (right - left + 1) <= MAX_NAME_CELLS) {
        const cells: CellData[] = [];
        for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells.push(cellAt(cellsSheet, r, c));
        name.cells = cells;
      }
    }
    return name;
  });
}

/**
 * Reads an .xlsx package into a WorkbookSnapshot: every sheet's used range as a grid, every
 * defined name (constants and hidden ones included) resolved to its cells where it is a plain
 * reference, and the 评分设置 sheet as `settings`. Throws XlsxFormatError for bytes that are not
 * an .xlsx workbook.
 */
export function readXlsx(bytes: Uint8Array): WorkbookSnapshot {
  const info = readPackage(bytes);
  const worksheets = info.sheets.filter((s) => s.kind === "worksheet" && s.part);
  const wanted = [info.sharedStringsPart, info.stylesPart, ...worksheets.map((s) => s.part)].filter(
    (x): x is string => !!x,
  );
  const parts = extract(bytes, wanted);
  const text = (part: string | undefined) => (part && parts.has(part) ? decodeUtf8(parts.get(part)!) : undefined);
  const styles = safeParse(info.stylesPart ?? "styles.xml", () => parseStyles(text(info.stylesPart)));
  const strings = safeParse(info.sharedStringsPart ?? "sharedStrings.xml", () =>
    parseSharedStrings(text(info.sharedStringsPart)),
  );

  const read = new Map<string, SheetCells>();
  const sheetCells = (s: SheetEntry): SheetCells | undefined => {
    if (s.kind !== "worksheet") return undefined;
    const cached = read.get(s.name);
    if (cached) return cached;
    const xml = text(s.part);
    if (xml === undefined) throw new XlsxFormatError("badPart", XLSX_TEXT.missingSheetPart(s.name));
    const cells = safeParse(s.part!, () => readSheetCells(s.name, xml, styles, strings));
    read.set(s.name, cells);
    return cells;
  };

  const grids: GridData[] = [];
  for (const s of info.sheets) {
    const cells = sheetCells(s);
    if (cells) grids.push(gridOf(cells));
  }
  const byName = new Map(info.sheets.map((s) => [s.name, s]));
  const names = readNames(info, (n) => sheetCells(byName.get(n)!));
  const snapshot: WorkbookSnapshot = { sheets: info.sheets.map((s) => s.name), names, grids };
  const settings = grids.find((g) => g.sheet === SETTINGS_SHEET);
  if (settings) snapshot.settings = settings;
  return snapshot;
}
