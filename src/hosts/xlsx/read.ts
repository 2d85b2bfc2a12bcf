/**
 * readXlsx: .xlsx bytes → WorkbookSnapshot, with fflate and a text scan of the sheets (no ExcelJS,
 * so it stays light in the browser bundle and fast in batch runs). Synchronous.
 *
 * It reads what the contract needs, never the whole workbook: the workbook part, shared strings
 * (decoded on demand), styles, and of each worksheet only a window at the top of its used range
 * (SCAN_WINDOW; the contract's own sheets OWN_SHEET_WINDOW) plus the cells of defined names. A
 * sheet part is inflated only as far as those rows, unless its merged areas are needed (a sheet
 * that may hold the 评分表). Inflated bytes and kept cells are capped (XlsxLimits): past a cap the
 * workbook is refused with a Chinese message naming the part, never read into exhausted memory.
 */
import type { CellData, DefinedNameData, GridData, WorkbookSnapshot } from "../../workbook/snapshot";
import { fitsNameBlock, OWN_SHEET_WINDOW, SCAN_WINDOW } from "../../workbook/snapshot";
import { NAMES, OWN_SHEETS, SCORE_HEADERS, SHEETS } from "../../text/vocabulary";
import { XLSX_TEXT } from "../../text/xlsx";
import { areaAddress, cellAddress, contains, intersects, parseArea, type Area } from "../../workbook/address";
import { XlsxFormatError } from "./errors";
import { BUILTIN_NUMBER_FORMATS } from "./numberFormat";
import {
  attr,
  elementsIn,
  openPackage,
  partText,
  readPackage,
  safeParse,
  streamPart,
  type PackageInfo,
  type XlsxLimits,
} from "./pkg";
import { stringItemRaw } from "./sheetScan";
import { SheetStream, type CellSource, type SheetRead } from "./sheetStream";
import { decodeText, decodeXml } from "./xml";

export interface Styles {
  /** cellXfs index → format code. */
  formats: (string | undefined)[];
}

export function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  for (const nf of elementsIn(xml, "numFmts", "numFmt")) {
    const id = Number(attr(nf, "numFmtId"));
    const code = attr(nf, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const formats = elementsIn(xml, "cellXfs", "xf").map((xf) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
  });
  return { formats };
}

const SI_RE = /<((?:[A-Za-z_][\w.-]*:)?)si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1si\s*>)/g;

/**
 * The shared-string table, decoded on demand: a data-heavy workbook may hold a million strings
 * of which the contract reads a few dozen. Only each item's position is kept up front.
 */
export class SharedStrings {
  private readonly at: number[] = [];
  private readonly len: number[] = [];
  private readonly cache = new Map<number, string>();
  constructor(private readonly xml: string) {
    SI_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SI_RE.exec(xml))) {
      this.at.push(m.index + m[0].indexOf(">") + 1);
      this.len.push(m[2]?.length ?? 0);
    }
  }
  get size(): number {
    return this.at.length;
  }
  get(i: number): string | undefined {
    if (i < 0 || i >= this.at.length) return undefined;
    let s = this.cache.get(i);
    if (s === undefined) {
      s = decodeText(stringItemRaw(this.xml.substr(this.at[i], this.len[i])));
      this.cache.set(i, s);
    }
    return s;
  }
}

// 'Sheet name'!$A$1[:$B$2] or Sheet1!A1[:B2]; an unquoted name has no spaces or operators.
const NAME_REF_RE =
  /^(?:'((?:[^']|'')+)'|([^\s'!:,()&=<>"+\-*/^%;{}[\]]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/;

/** Parses a defined name's text as a single-sheet cell or range reference. */
export function parseNameReference(reference: string): { sheet: string; range: Area } | undefined {
  const m = NAME_REF_RE.exec(reference.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const range = parseArea(m[3]);
  return range ? { sheet, range } : undefined;
}

function definedNames(info: PackageInfo): DefinedNameData[] {
  const sheetNames = info.sheets.map((s) => s.name);
  const byLower = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  return elementsIn(info.workbookXml, "definedNames", "definedName").map((dn) => {
    const local = attr(dn, "localSheetId");
    const scopeIndex = local !== undefined ? Number(local) : NaN;
    const name: DefinedNameData = {
      name: attr(dn, "name") ?? "",
      scope: Number.isInteger(scopeIndex) ? (sheetNames[scopeIndex] ?? null) : null,
      reference: decodeXml(dn.inner).trim(),
    };
    const target = parseNameReference(name.reference);
    const sheet = target ? byLower.get(target.sheet.toLowerCase()) : undefined;
    if (target && sheet !== undefined) {
      name.sheet = sheet;
      name.address = areaAddress(target.range);
    }
    return name;
  });
}

/** The cell at a position as read, or an empty cell with the row's/column's format. */
function cellAt(read: SheetRead, row: number, col: number): CellData {
  const found = read.cells.get(row)?.get(col);
  if (found) return { ...found };
  let numberFormat: string | undefined = "General";
  if (read.rowFormats.has(row)) numberFormat = read.rowFormats.get(row);
  else {
    const c = read.colFormats.find((f) => col >= f.min && col <= f.max);
    if (c) numberFormat = c.format;
  }
  const cell: CellData = { address: cellAddress(row, col), value: null };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

function hasContent(c: CellData): boolean {
  return c.value !== null || c.formula !== undefined || c.error !== undefined;
}

function gridOver(sheet: string, read: SheetRead, area: Area): GridData {
  const cells: CellData[] = [];
  for (const row of [...read.cells.keys()].sort((a, b) => a - b)) {
    if (row < area.top || row > area.bottom) continue;
    const m = read.cells.get(row)!;
    for (const col of [...m.keys()].sort((a, b) => a - b)) {
      const c = m.get(col)!;
      if (col >= area.left && col <= area.right && hasContent(c)) cells.push(c);
    }
  }
  const merges = read.merges.filter((m) => {
    const a = parseArea(m);
    return !!a && intersects(a, area);
  });
  return { sheet, area: areaAddress(area), cells, merges };
}

const OWN = new Set<string>(OWN_SHEETS);

export interface ReadOptions {
  limits?: Partial<XlsxLimits>;
}

/**
 * Reads an .xlsx package into a WorkbookSnapshot (see the module comment for what is read).
 * Every defined name is listed (constants and hidden ones included); a name that fits
 * NAME_BLOCK carries its cells. Throws XlsxFormatError for bytes that are not an
 * .xlsx workbook, for damaged parts, and for workbooks past the limits.
 */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const pkg = openPackage(bytes, options.limits);
  const info = readPackage(pkg);
  const styles = info.stylesPart
    ? safeParse(info.stylesPart, () => parseStyles(partText(pkg, info.stylesPart!)))
    : { formats: [] };
  const strings = info.sharedStringsPart
    ? safeParse(info.sharedStringsPart, () => new SharedStrings(partText(pkg, info.sharedStringsPart!)))
    : undefined;
  const src: CellSource = {
    format: (s) => (s === undefined ? "General" : styles.formats[s]),
    sharedString: (i) => strings?.get(i),
  };
  const names = definedNames(info);

  // Rectangles to read whole: every small named range; the 评分表 name with the two rows under it
  // (where a missing 综合评分 / 评分等级 may be added), as a grid of its own.
  const rects = new Map<string, { area: Area; grid: boolean }[]>();
  for (const n of names) {
    if (!n.sheet || !n.address || /#REF!/i.test(n.reference)) continue;
    const a = parseArea(n.address)!;
    if (!fitsNameBlock(a)) continue;
    const isTable = n.name === NAMES.table && n.scope === null;
    const list = rects.get(n.sheet) ?? [];
    list.push({ area: isTable ? { ...a, bottom: Math.min(a.bottom + 2, 1048576) } : a, grid: isTable });
    rects.set(n.sheet, list);
  }

  let kept = 0;
  const count = () => {
    if (++kept > pkg.limits.cells) throw new XlsxFormatError("tooLarge", XLSX_TEXT.tooManyCells(pkg.limits.cells));
  };
  const reads = new Map<string, SheetRead>();
  const grids: GridData[] = [];
  let settings: GridData | undefined;
  let framework: GridData | undefined;
  for (const s of info.sheets) {
    if (s.kind !== "worksheet") continue;
    if (!s.part) throw new XlsxFormatError("badPart", XLSX_TEXT.missingSheetPart(s.name));
    const own = OWN.has(s.name);
    const window = own ? OWN_SHEET_WINDOW : SCAN_WINDOW;
    const sheetRects = rects.get(s.name) ?? [];
    const tableHere = sheetRects.some((r) => r.grid);
    const stream = new SheetStream(
      {
        windowRows: window.rows,
        windowCols: window.cols,
        rects: sheetRects.map((r) => r.area),
        // Windows that cannot hold a 评分表 (no score header) are not kept.
        keepWindow: own || tableHere,
        isHeader: (t) => (SCORE_HEADERS as readonly string[]).includes(t.replace(/[\s\u3000\u00a0]+/g, "")),
      },
      src,
      count,
    );
    streamPart(pkg, s.part, (text, final) => {
      stream.push(text, final);
      return stream.done();
    });
    const read = safeParse(s.part, () => stream.finish());
    reads.set(s.name, read);
    if (read.windowArea && read.candidate) {
      const g = gridOver(s.name, read, read.windowArea);
      grids.push(g);
      if (s.name === SHEETS.settings) settings = g;
      if (s.name === SHEETS.framework) framework = g;
    }
    for (const r of sheetRects) {
      if (!r.grid) continue;
      const w = read.windowArea;
      const inside = w && contains(w, r.area.top, r.area.left) && contains(w, r.area.bottom, r.area.right);
      if (!inside) grids.push(gridOver(s.name, read, r.area));
    }
  }

  for (const n of names) {
    if (!n.sheet || !n.address || /#REF!/i.test(n.reference)) continue;
    const read = reads.get(n.sheet);
    const a = parseArea(n.address)!;
    if (!read || !fitsNameBlock(a)) continue;
    const cells: CellData[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.push(cellAt(read, r, c));
    n.cells = cells;
  }

  const snapshot: WorkbookSnapshot = { sheets: info.sheets.map((s) => s.name), names, grids };
  if (settings) snapshot.settings = settings;
  if (framework) snapshot.framework = framework;
  return snapshot;
}

/**
 * Every cell of every worksheet, formatted empty ones included (tests back the Excel fake with
 * this; it is not bounded like readXlsx and is not for users' files).
 */
export function readAllCells(bytes: Uint8Array): {
  sheets: string[];
  cells: Map<string, CellData[]>;
  merges: Map<string, string[]>;
  names: DefinedNameData[];
} {
  const pkg = openPackage(bytes);
  const info = readPackage(pkg);
  const styles = info.stylesPart ? parseStyles(partText(pkg, info.stylesPart)) : { formats: [] };
  const strings = info.sharedStringsPart ? new SharedStrings(partText(pkg, info.sharedStringsPart)) : undefined;
  const src: CellSource = {
    format: (s) => (s === undefined ? "General" : styles.formats[s]),
    sharedString: (i) => strings?.get(i),
  };
  const cells = new Map<string, CellData[]>();
  const merges = new Map<string, string[]>();
  for (const s of info.sheets) {
    if (s.kind !== "worksheet" || !s.part) continue;
    const all: Area = { top: 1, left: 1, bottom: 1048576, right: 16384 };
    const stream = new SheetStream(
      { windowRows: 1048576, windowCols: 16384, rects: [all], keepWindow: true, isHeader: () => false },
      src,
      () => undefined,
    );
    streamPart(pkg, s.part, (t, final) => {
      stream.push(t, final);
      return stream.done();
    });
    const read = stream.finish();
    const list: CellData[] = [];
    for (const [, row] of [...read.cells.entries()].sort((a, b) => a[0] - b[0])) {
      for (const [, c] of [...row.entries()].sort((a, b) => a[0] - b[0])) list.push(c);
    }
    cells.set(s.name, list);
    merges.set(s.name, read.merges);
  }
  return { sheets: info.sheets.map((s) => s.name), cells, merges, names: definedNames(info) };
}
