/**
 * applyPlan: writes a WritePlan into a copy of an .xlsx package by patching only the planned
 * cells' XML. Everything else — other parts, names (constant and sheet-scoped ones included),
 * charts, comments, validation, styles — is carried over unchanged, which a re-save through
 * ExcelJS would not do.
 */
import { strToU8 } from "fflate";
import type { CellWrite, NameWrite, SheetWrite, ValidationWrite, WritePlan } from "../../workbook/snapshot";
import { BUILTIN_NUMBER_FORMATS } from "./numberFormat";
import { XLSX_TEXT } from "../../text/xlsx";
import {
  areaAddress,
  cellAddress,
  extendArea,
  parseArea,
  parseCell,
  quoteSheet,
  type Area,
} from "../../workbook/address";
import { XlsxFormatError, XlsxPlanError } from "./errors";
import { shiftFormula } from "./formula";
import { elementsIn, openPackage, partText, readPackage, relsPathOf, REL_NS, safeParse, type XlsxLimits } from "./pkg";
import { writeZip } from "./zip";
import { parseCellXml, scanSheet, ScannedRow } from "./sheetScan";
import {
  Attr,
  attrValue,
  childElements,
  decodeXml,
  encodeAttr,
  encodeText,
  findRootStart,
  findStartTag,
  readElement,
  tagEnd,
} from "./xml";

const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A text edit on a part: replace [start, end) with text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(xml: string, edits: Edit[]): string {
  // By start; at one point, pure insertions go before a replacement starting there (a new cell
  // goes before the cell it precedes), and insertions keep their given order.
  const isInsert = (e: Edit) => (e.end === e.start ? 0 : 1);
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || isInsert(a.e) - isInsert(b.e) || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const { e } of sorted) {
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + xml.slice(pos);
}

/** A cell write with its parsed position. */
interface PlannedCell {
  row: number;
  col: number;
  value: string | number | null;
  /** Keep the cell's formula; write only its cached result. */
  keepFormula?: boolean;
}

/** A sheet's formula cells that lost their formula, for calcChain. */
interface Removed {
  sheetId: number;
  addresses: Set<string>;
  /** The whole sheet was replaced: drop all its calcChain entries. */
  all: boolean;
}

function attrsText(attrs: Attr[]): string {
  return attrs.map((a) => ` ${a.name}="${a.raw.replace(/"/g, "&quot;")}"`).join("");
}

/** The <c> element for a value, keeping the original's attributes except type and metadata. */
function cellXml(prefix: string, row: number, col: number, keep: Attr[], value: string | number | null): string {
  const local = (a: Attr) => a.name.slice(a.name.indexOf(":") + 1);
  const attrs = keep.filter((a) => !["t", "cm", "vm"].includes(local(a)) || a.name.startsWith("xml"));
  if (!attrs.some((a) => local(a) === "r")) attrs.unshift({ name: "r", raw: cellAddress(row, col) });
  const open = `<${prefix}c${attrsText(attrs)}`;
  if (value === null) return `${open}/>`;
  if (typeof value === "number") return `${open}><${prefix}v>${numberText(value)}</${prefix}v></${prefix}c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `${open} t="inlineStr"><${prefix}is><${prefix}t${space}>${encodeText(value)}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** Text Excel would take for a formula if a user re-entered the cell: stored behind a quote prefix. */
export function needsQuotePrefix(v: string | number | null): boolean {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v);
}

/**
 * cellXfs entries with quotePrefix="1" (Excel's hidden "'" of a cell typed as '=text): one clone
 * of each base style a formula-looking text is written with, appended to styles.xml. The text is
 * an inline string either way (never a formula); the prefix keeps it text when edited in Excel.
 */
export class QuoteStyles {
  private readonly clones = new Map<number, number>();
  private readonly count: number;
  constructor(private readonly stylesXml: string | undefined) {
    this.count = stylesXml ? elementsIn(stylesXml, "cellXfs", "xf").length : 0;
  }
  /** The cellXfs index to use for a quoted text written over style `base` (undefined when there is no styles part). */
  indexFor(base: number | undefined): number | undefined {
    if (!this.stylesXml) return undefined;
    const b = base !== undefined && base < this.count ? base : 0;
    let i = this.clones.get(b);
    if (i === undefined) this.clones.set(b, (i = this.count + this.clones.size));
    return i;
  }
  /** styles.xml with the clones appended (unchanged when none was needed). */
  apply(): string | undefined {
    const xml = this.stylesXml;
    if (!xml || !this.clones.size) return undefined;
    const root = readElement(xml, findRootStart(xml));
    const xfsEl = childElements(xml, root.openEnd, root.closeStart).find((k) => k.local === "cellXfs");
    if (!xfsEl || xfsEl.selfClosing) return undefined;
    const xfs = childElements(xml, xfsEl.openEnd, xfsEl.closeStart).filter((k) => k.local === "xf");
    const added = [...this.clones.keys()].map((b) => {
      const x = xfs[b];
      const tag = xml.slice(x.start, x.openEnd).replace(/\squotePrefix\s*=\s*"[^"]*"/, "");
      const open = tag.replace(/\s*\/?>$/, "") + ' quotePrefix="1"';
      return x.selfClosing ? `${open}/>` : `${open}>${xml.slice(x.openEnd, x.end)}`;
    });
    const open = xml.slice(xfsEl.start, xfsEl.openEnd);
    const n = this.count + added.length;
    const counted = /\scount\s*=\s*"[^"]*"/.test(open)
      ? open.replace(/(\scount\s*=\s*)"[^"]*"/, `$1"${n}"`)
      : open.replace(/^<([^\s/>]+)/, `<$1 count="${n}"`);
    return (
      xml.slice(0, xfsEl.start) +
      counted +
      xml.slice(xfsEl.openEnd, xfsEl.closeStart) +
      added.join("") +
      xml.slice(xfsEl.closeStart)
    );
  }
}

/** A formula cell with a new cached result: its <f> kept, <v> (and t) replaced. */
function formulaCellXml(
  prefix: string,
  row: number,
  col: number,
  keep: Attr[],
  fRaw: string,
  value: string | number | null,
): string {
  const local = (a: Attr) => a.name.slice(a.name.indexOf(":") + 1);
  const attrs = keep.filter((a) => !["t", "cm", "vm"].includes(local(a)) || a.name.startsWith("xml"));
  if (!attrs.some((a) => local(a) === "r")) attrs.unshift({ name: "r", raw: cellAddress(row, col) });
  const t = typeof value === "string" ? ' t="str"' : "";
  const v =
    value === null
      ? ""
      : `<${prefix}v>${typeof value === "number" ? numberText(value) : encodeText(value)}</${prefix}v>`;
  return `<${prefix}c${attrsText(attrs)}${t}>${fRaw}${v}</${prefix}c>`;
}

/** Sets (or adds) a cell's s attribute. */
function withStyle(attrs: Attr[], style: number | undefined): Attr[] {
  if (style === undefined) return attrs;
  const local = (a: Attr) => a.name.slice(a.name.indexOf(":") + 1);
  return [...attrs.filter((a) => local(a) !== "s"), { name: "s", raw: String(style) }];
}

/** xsd:double text; JS's shortest round-trip form ("0.1", "1e-7", "1e+21") is valid. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function planCells(sheet: string, writes: CellWrite[]): Map<string, PlannedCell> {
  const out = new Map<string, PlannedCell>(); // last write to a cell wins
  for (const w of writes) {
    const pos = parseCell(w.address.trim());
    if (!pos) throw new XlsxPlanError("badAddress", XLSX_TEXT.badAddress(sheet, w.address));
    if (typeof w.value === "number" && !Number.isFinite(w.value)) {
      throw new XlsxPlanError("badNumber", XLSX_TEXT.badNumber(sheet, w.address));
    }
    out.set(cellAddress(pos.row, pos.col), { ...pos, value: w.value, ...(w.keepFormula ? { keepFormula: true } : {}) });
  }
  return out;
}

/**
 * Patches one worksheet's XML. Returns the new XML and the addresses of formula cells that were
 * overwritten (for calcChain).
 */
export function patchSheetXml(
  xml: string,
  planned: Map<string, PlannedCell>,
  quotes?: QuoteStyles,
): { xml: string; unformulated: Set<string> } {
  const scan = scanSheet(xml);
  const prefix = scan.sheetData.prefix;
  const edits: Edit[] = [];
  const unformulated = new Set<string>();
  const byRow = new Map<number, PlannedCell[]>();
  for (const p of planned.values()) {
    const list = byRow.get(p.row) ?? [];
    list.push(p);
    byRow.set(p.row, list);
  }
  const rowIndex = new Map<number, ScannedRow>();
  for (const r of scan.rows) if (!rowIndex.has(r.row)) rowIndex.set(r.row, r);
  const orphanedShared = new Set<string>(); // si of shared-formula masters we overwrite

  const newRows: { row: number; text: string }[] = [];
  for (const [rowNum, list] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    const row = rowIndex.get(rowNum);
    const styleOf = (p: PlannedCell, attrs: Attr[]) => {
      if (!needsQuotePrefix(p.value) || !quotes) return attrs;
      const s = attrs.find((a) => a.name.slice(a.name.indexOf(":") + 1) === "s");
      return withStyle(attrs, quotes.indexFor(s ? Number(s.raw) : undefined));
    };
    if (!row) {
      const cells = list
        .filter((p) => p.value !== null)
        .map((p) => cellXml(prefix, p.row, p.col, styleOf(p, []), p.value));
      if (cells.length)
        newRows.push({ row: rowNum, text: `<${prefix}row r="${rowNum}">${cells.join("")}</${prefix}row>` });
      continue;
    }
    const cellPrefix = row.el.prefix;
    const inserts: { col: number; text: string }[] = [];
    for (const p of list) {
      const existing = row.cells.find((c) => c.col === p.col);
      if (existing) {
        const x = parseCellXml(xml, existing.el);
        if (x.f && p.keepFormula) {
          edits.push({
            start: existing.el.start,
            end: existing.el.end,
            text: formulaCellXml(existing.el.prefix, p.row, p.col, existing.el.attrs, x.f.raw, p.value),
          });
          continue;
        }
        if (x.f) {
          unformulated.add(cellAddress(p.row, p.col));
          const ft = attrValue(x.f.attrs, "t");
          const si = attrValue(x.f.attrs, "si");
          if (ft === "shared" && si !== undefined && x.f.text !== "") orphanedShared.add(si);
        }
        edits.push({
          start: existing.el.start,
          end: existing.el.end,
          text: cellXml(existing.el.prefix, p.row, p.col, styleOf(p, existing.el.attrs), p.value),
        });
      } else if (p.value !== null) {
        inserts.push({ col: p.col, text: cellXml(cellPrefix, p.row, p.col, styleOf(p, []), p.value) });
      }
    }
    if (!inserts.length) continue;
    if (row.el.selfClosing) {
      // <row …/> becomes <row …>cells</row>.
      const open = xml.slice(row.el.start, row.el.end - 2).replace(/\s+$/, "");
      const name = `${row.el.prefix}row`;
      edits.push({
        start: row.el.start,
        end: row.el.end,
        text: `${open}>${inserts.map((i) => i.text).join("")}</${name}>`,
      });
      continue;
    }
    for (const ins of inserts) {
      const after = row.cells.find((c) => c.col > ins.col);
      const at = after ? after.el.start : row.cells.length ? row.cells[row.cells.length - 1].el.end : row.el.openEnd;
      edits.push({ start: at, end: at, text: ins.text });
    }
  }

  if (newRows.length) {
    if (scan.sheetData.selfClosing) {
      const open = xml.slice(scan.sheetData.start, scan.sheetData.end - 2).replace(/\s+$/, "");
      edits.push({
        start: scan.sheetData.start,
        end: scan.sheetData.end,
        text: `${open}>${newRows.map((r) => r.text).join("")}</${prefix}sheetData>`,
      });
    } else {
      for (const nr of newRows) {
        const after = scan.rows.find((r) => r.row > nr.row);
        const at = after
          ? after.el.start
          : scan.rows.length
            ? scan.rows[scan.rows.length - 1].el.end
            : scan.sheetData.openEnd;
        edits.push({ start: at, end: at, text: nr.text });
      }
    }
  }

  // Members of an overwritten shared formula would lose their master: give each its own formula.
  if (orphanedShared.size) {
    const masters = new Map<string, { row: number; col: number; text: string }>();
    const members: {
      row: number;
      col: number;
      si: string;
      start: number;
      end: number;
      fAttrs: Attr[];
      prefix: string;
    }[] = [];
    for (const r of scan.rows) {
      for (const c of r.cells) {
        if (c.el.selfClosing) continue;
        const x = parseCellXml(xml, c.el);
        if (!x.f || attrValue(x.f.attrs, "t") !== "shared") continue;
        const si = attrValue(x.f.attrs, "si");
        if (si === undefined || !orphanedShared.has(si)) continue;
        if (x.f.text !== "") masters.set(si, { row: r.row, col: c.col, text: decodeXml(x.f.text) });
        else if (!planned.has(cellAddress(r.row, c.col))) {
          const inner = xml.slice(c.el.openEnd, c.el.closeStart);
          const fStart = c.el.openEnd + inner.indexOf(x.f.raw);
          const fPrefix = /^<([^\s/>]*?)f[\s/>]/.exec(x.f.raw)?.[1] ?? "";
          members.push({
            row: r.row,
            col: c.col,
            si,
            start: fStart,
            end: fStart + x.f.raw.length,
            fAttrs: x.f.attrs,
            prefix: fPrefix,
          });
        }
      }
    }
    for (const m of members) {
      const master = masters.get(m.si);
      if (!master) continue;
      const text = shiftFormula(master.text, m.row - master.row, m.col - master.col);
      const keep = m.fAttrs.filter((a) => !["t", "si", "ref"].includes(a.name));
      edits.push({
        start: m.start,
        end: m.end,
        text: `<${m.prefix}f${attrsText(keep)}>${encodeText(text)}</${m.prefix}f>`,
      });
    }
  }

  // Keep <dimension> covering the written cells (a hint readers use for the used range).
  const dimAt = findStartTag(xml, "dimension", 0, scan.sheetData.start);
  if (dimAt >= 0) {
    const dim = readElement(xml, dimAt);
    const ref = attrValue(dim.attrs, "ref");
    const range = ref ? parseArea(ref.split(" ")[0]) : undefined;
    if (range) {
      const grown: Area = { ...range };
      for (const p of planned.values()) {
        if (p.value === null) continue;
        grown.top = Math.min(grown.top, p.row);
        grown.bottom = Math.max(grown.bottom, p.row);
        grown.left = Math.min(grown.left, p.col);
        grown.right = Math.max(grown.right, p.col);
      }
      const isEmptyA1 = ref === "A1" && scan.rows.length === 0;
      const next = isEmptyA1 ? boundsOf(planned) : grown;
      if (next && areaAddress(next) !== areaAddress(range)) {
        const tag = xml.slice(dim.start, dim.openEnd);
        const replaced = tag.replace(/(\sref\s*=\s*)(["'])[^"']*\2/, `$1$2${areaAddress(next)}$2`);
        edits.push({ start: dim.start, end: dim.openEnd, text: replaced });
      }
    }
  }
  return { xml: applyEdits(xml, edits), unformulated };
}

function boundsOf(planned: Map<string, PlannedCell>): Area | undefined {
  let b: Area | undefined;
  for (const p of planned.values()) if (p.value !== null) b = extendArea(b, p.row, p.col);
  return b;
}

/** A complete worksheet part holding `rows` from A1, text as inline strings. */
/** Extras of a new sheet: cell styles (number formats), data validation, column widths. */
export interface SheetExtras {
  /** A1 address → cellXfs index, for formatted cells (empty ones too, so the format sticks). */
  styles?: Map<string, number>;
  validations?: ValidationWrite[];
  columnWidths?: number[];
}

function validationXml(v: ValidationWrite): string {
  const sqref = v.address.replace(/\$/g, "").toUpperCase();
  const attrs: string[] = [`type="${v.type}"`];
  let formulas = "";
  if (v.type === "list") {
    // A literal list is one quoted, comma-separated string (Excel's limit: 255 characters).
    formulas = `<formula1>${escapeXml(`"${(v.list ?? []).map((x) => x.replace(/"/g, '""')).join(",")}"`)}</formula1>`;
  } else if (v.max !== undefined) {
    attrs.push('operator="between"');
    formulas = `<formula1>${numberText(v.min ?? 0)}</formula1><formula2>${numberText(v.max)}</formula2>`;
  } else {
    attrs.push('operator="greaterThanOrEqual"');
    formulas = `<formula1>${numberText(v.min ?? 0)}</formula1>`;
  }
  attrs.push('allowBlank="1"', 'showErrorMessage="1"');
  if (v.error) attrs.push(`error="${encodeAttr(v.error)}"`);
  attrs.push(`sqref="${sqref}"`);
  return `<dataValidation ${attrs.join(" ")}>${formulas}</dataValidation>`;
}

export function sheetXmlFor(rows: SheetWrite["rows"], mainNs = MAIN_NS, extras: SheetExtras = {}): string {
  const body: string[] = [];
  let right = 0;
  let bottom = 0;
  const styled = new Map<number, Map<number, number>>(); // row → col → style
  for (const [address, style] of extras.styles ?? []) {
    const p = parseCell(address);
    if (!p) continue;
    const m = styled.get(p.row) ?? new Map<number, number>();
    m.set(p.col, style);
    styled.set(p.row, m);
  }
  const height = Math.max(rows.length, ...[...styled.keys()]);
  for (let i = 0; i < height; i++) {
    const values = rows[i] ?? [];
    const styles = styled.get(i + 1);
    const width = Math.max(values.length, ...(styles ? [...styles.keys()] : [0]));
    const cells: string[] = [];
    for (let j = 0; j < width; j++) {
      const v = values[j];
      const style = styles?.get(j + 1);
      if ((v === null || v === undefined) && style === undefined) continue;
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw new XlsxPlanError("badNumber", XLSX_TEXT.badNumber("", cellAddress(i + 1, j + 1)));
      }
      const keep: Attr[] =
        style === undefined
          ? []
          : [
              { name: "r", raw: cellAddress(i + 1, j + 1) },
              { name: "s", raw: String(style) },
            ];
      cells.push(cellXml("", i + 1, j + 1, keep, v ?? null));
      right = Math.max(right, j + 1);
      bottom = i + 1;
    }
    if (cells.length) body.push(`<row r="${i + 1}">${cells.join("")}</row>`);
  }
  const dim = bottom ? areaAddress({ top: 1, left: 1, bottom, right }) : "A1";
  const widths = extras.columnWidths ?? [];
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${numberText(w)}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const dv = extras.validations?.length
    ? `<dataValidations count="${extras.validations.length}">${extras.validations.map(validationXml).join("")}</dataValidations>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${mainNs}" xmlns:r="${R_NS}"><dimension ref="${dim}"/>${cols}` +
    `<sheetData>${body.join("")}</sheetData>${dv}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/**
 * Adds one cellXfs entry per number format code (a built-in numFmtId when the code is one, else
 * an existing or new custom <numFmt>), returning the new styles XML and code → xf index.
 * Existing entries are untouched, so every cell already in the workbook keeps its look.
 */
export function addNumberFormatStyles(xml: string, codes: string[]): { xml: string; index: Map<string, number> } {
  const index = new Map<string, number>();
  if (!codes.length) return { xml, index };
  const root = readElement(xml, findRootStart(xml));
  const p = root.prefix;
  const kids = childElements(xml, root.openEnd, root.closeStart);
  const numFmtsEl = kids.find((k) => k.local === "numFmts");
  const xfsEl = kids.find((k) => k.local === "cellXfs");
  if (!xfsEl) throw new XlsxFormatError("badPart", XLSX_TEXT.badPart("styles"));
  const custom = new Map<string, number>();
  let maxId = 163;
  if (numFmtsEl && !numFmtsEl.selfClosing) {
    for (const k of childElements(xml, numFmtsEl.openEnd, numFmtsEl.closeStart)) {
      const id = Number(attrValue(k.attrs, "numFmtId"));
      const code = attrValue(k.attrs, "formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        custom.set(decodeXml(code), id);
        maxId = Math.max(maxId, id);
      }
    }
  }
  const builtin = new Map(Object.entries(BUILTIN_NUMBER_FORMATS).map(([id, code]) => [code, Number(id)]));
  const xfCount = xfsEl.selfClosing
    ? 0
    : childElements(xml, xfsEl.openEnd, xfsEl.closeStart).filter((k) => k.local === "xf").length;
  const newFmts: string[] = [];
  const newXfs: string[] = [];
  for (const code of [...new Set(codes)]) {
    let id = builtin.get(code) ?? custom.get(code);
    if (id === undefined) {
      id = ++maxId;
      custom.set(code, id);
      newFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${encodeAttr(code)}"/>`);
    }
    index.set(code, xfCount + newXfs.length);
    newXfs.push(`<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  }
  const edits: Edit[] = [];
  const setCount = (el: typeof xfsEl, n: number) => {
    const open = xml.slice(el.start, el.openEnd);
    const next = /\scount\s*=\s*"[^"]*"/.test(open)
      ? open.replace(/(\scount\s*=\s*)"[^"]*"/, `$1"${n}"`)
      : open.replace(/^<([^\s/>]+)/, `<$1 count="${n}"`);
    edits.push({ start: el.start, end: el.openEnd, text: next });
  };
  if (newFmts.length) {
    if (numFmtsEl && !numFmtsEl.selfClosing) {
      const n = childElements(xml, numFmtsEl.openEnd, numFmtsEl.closeStart).filter((k) => k.local === "numFmt").length;
      setCount(numFmtsEl, n + newFmts.length);
      edits.push({ start: numFmtsEl.closeStart, end: numFmtsEl.closeStart, text: newFmts.join("") });
    } else {
      // CT_Stylesheet: numFmts comes first.
      const at = numFmtsEl ? numFmtsEl.start : root.openEnd;
      const end = numFmtsEl ? numFmtsEl.end : root.openEnd;
      edits.push({ start: at, end, text: `<${p}numFmts count="${newFmts.length}">${newFmts.join("")}</${p}numFmts>` });
    }
  }
  if (xfsEl.selfClosing) {
    edits.push({
      start: xfsEl.start,
      end: xfsEl.end,
      text: `<${p}cellXfs count="${newXfs.length}">${newXfs.join("")}</${p}cellXfs>`,
    });
  } else {
    setCount(xfsEl, xfCount + newXfs.length);
    edits.push({ start: xfsEl.closeStart, end: xfsEl.closeStart, text: newXfs.join("") });
  }
  return { xml: applyEdits(xml, edits), index };
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new XlsxPlanError("badSheetName", XLSX_TEXT.badSheetName(name));
  }
}

function nameReference(sheet: string, n: NameWrite): string {
  const range = parseArea(n.address.trim());
  if (!range) throw new XlsxPlanError("badAddress", XLSX_TEXT.badAddress(sheet, n.address));
  const abs = (row: number, col: number) => `$${cellAddress(row, col).replace(/^([A-Z]+)/, "$1$")}`;
  const a = abs(range.top, range.left);
  const b = abs(range.bottom, range.right);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

// A name's formula text is plain xsd:string (no _xHHHH_ escapes, unlike cell text).
function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function checkDefinedName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z_\\\u00c0-\uffff][\w.\\?\u00c0-\uffff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^(R[0-9]*C[0-9]*|R|C)$/i.test(name);
  if (!ok) throw new XlsxPlanError("badName", XLSX_TEXT.badName(name));
}

/**
 * Points workbook-scoped names at their references: an existing workbook-scoped name of the same
 * text (case-insensitive, as Excel compares names) gets its reference replaced; others are
 * appended to <definedNames>, which is created in its schema position when missing.
 */
export function setDefinedNames(xml: string, names: { name: NameWrite; reference: string }[]): string {
  for (const { name } of names) checkDefinedName(name.name);
  const root = readElement(xml, findRootStart(xml));
  const p = root.prefix;
  const kids = childElements(xml, root.openEnd, root.closeStart);
  const dnEl = kids.find((k) => k.local === "definedNames");
  const edits: Edit[] = [];
  const appended: string[] = [];
  const existing =
    dnEl && !dnEl.selfClosing
      ? childElements(xml, dnEl.openEnd, dnEl.closeStart).filter((k) => k.local === "definedName")
      : [];
  for (const { name, reference } of names) {
    const found = existing.find(
      (k) =>
        (attrValue(k.attrs, "name") ?? "").toLowerCase() === name.name.toLowerCase() &&
        attrValue(k.attrs, "localSheetId") === undefined,
    );
    if (found) {
      const open = found.selfClosing
        ? xml.slice(found.start, found.end - 2).replace(/\s+$/, "") + ">"
        : xml.slice(found.start, found.openEnd);
      edits.push({
        start: found.start,
        end: found.end,
        text: `${open}${escapeXml(reference)}</${found.prefix}definedName>`,
      });
    } else {
      appended.push(`<${p}definedName name="${encodeAttr(name.name)}">${escapeXml(reference)}</${p}definedName>`);
    }
  }
  if (appended.length) {
    if (dnEl && !dnEl.selfClosing)
      edits.push({ start: dnEl.closeStart, end: dnEl.closeStart, text: appended.join("") });
    else if (dnEl) {
      const open = xml.slice(dnEl.start, dnEl.end - 2).replace(/\s+$/, "");
      edits.push({ start: dnEl.start, end: dnEl.end, text: `${open}>${appended.join("")}</${p}definedNames>` });
    } else {
      const before = kids.find((k) => WORKBOOK_CHILDREN_AFTER_DEFINED_NAMES.includes(k.local));
      const at = before ? before.start : root.closeStart;
      edits.push({ start: at, end: at, text: `<${p}definedNames>${appended.join("")}</${p}definedNames>` });
    }
  }
  return applyEdits(xml, edits);
}

/**
 * CT_Workbook's children that follow <definedNames>, in schema order (ECMA-376 Part 1, 18.2.27):
 * … sheets, functionGroups, externalReferences, definedNames, then these. A new element goes
 * before the first of them present; <calcPr> itself goes before the rest (slice(1)).
 */
const WORKBOOK_CHILDREN_AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Sets fullCalcOnLoad="1" on <calcPr>, adding <calcPr> in its schema position when missing. */
export function setFullCalcOnLoad(xml: string): string {
  const at = findStartTag(xml, "calcPr", 0);
  if (at >= 0) {
    const end = tagEnd(xml, at);
    const tag = xml.slice(at, end);
    const has = /(\sfullCalcOnLoad\s*=\s*)(["'])[^"']*\2/;
    const next = has.test(tag) ? tag.replace(has, '$1"1"') : tag.replace(/\s*(\/?>)$/, ' fullCalcOnLoad="1"$1');
    return xml.slice(0, at) + next + xml.slice(end);
  }
  const root = readElement(xml, findRootStart(xml));
  const p = root.prefix;
  const kids = childElements(xml, root.openEnd, root.closeStart);
  const before = kids.find((k) => WORKBOOK_CHILDREN_AFTER_DEFINED_NAMES.slice(1).includes(k.local));
  const insertAt = before ? before.start : root.closeStart;
  return xml.slice(0, insertAt) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(insertAt);
}

/** Removes calcChain entries; returns undefined when none remain (the part must then go). */
export function pruneCalcChain(xml: string, removed: Removed[]): string | undefined {
  const root = readElement(xml, findRootStart(xml));
  const kids = childElements(xml, root.openEnd, root.closeStart).filter((k) => k.local === "c");
  const edits: Edit[] = [];
  let effective = 0;
  let lastKeptI: number | undefined;
  let kept = 0;
  for (const k of kids) {
    const i = attrValue(k.attrs, "i");
    if (i !== undefined) effective = Number(i);
    const r = (attrValue(k.attrs, "r") ?? "").replace(/\$/g, "").toUpperCase();
    const gone = removed.some((x) => x.sheetId === effective && (x.all || x.addresses.has(r)));
    if (gone) {
      edits.push({ start: k.start, end: k.end, text: "" });
      continue;
    }
    kept++;
    // An entry without i inherits the previous entry's sheet; keep that true after removals.
    if (i === undefined && lastKeptI !== effective) {
      const tag = xml.slice(k.start, k.openEnd);
      edits.push({ start: k.start, end: k.openEnd, text: tag.replace(/^<([^\s/>]+)/, `<$1 i="${effective}"`) });
    }
    lastKeptI = effective;
  }
  if (!kept) return undefined;
  return edits.length ? applyEdits(xml, edits) : xml;
}

function removeRelationship(relsXml: string, id: string): string {
  const root = readElement(relsXml, findRootStart(relsXml));
  for (const k of childElements(relsXml, root.openEnd, root.closeStart)) {
    if (k.local === "Relationship" && attrValue(k.attrs, "Id") === id)
      return relsXml.slice(0, k.start) + relsXml.slice(k.end);
  }
  return relsXml;
}

function removeOverride(ctXml: string, partName: string): string {
  const root = readElement(ctXml, findRootStart(ctXml));
  for (const k of childElements(ctXml, root.openEnd, root.closeStart)) {
    if (
      k.local === "Override" &&
      (attrValue(k.attrs, "PartName") ?? "").toLowerCase() === `/${partName}`.toLowerCase()
    ) {
      return ctXml.slice(0, k.start) + ctXml.slice(k.end);
    }
  }
  return ctXml;
}

function appendChild(xml: string, text: string): string {
  const root = readElement(xml, findRootStart(xml));
  if (root.selfClosing) {
    const open = xml.slice(root.start, root.end - 2).replace(/\s+$/, "");
    return xml.slice(0, root.start) + `${open}>${text}</${root.prefix}${root.local}>` + xml.slice(root.end);
  }
  return xml.slice(0, root.closeStart) + text + xml.slice(root.closeStart);
}

/** UTF-8 bytes of a part, with the BOM its original had. */
function encodeLike(bom: boolean, xml: string): Uint8Array {
  return strToU8(bom ? `\ufeff${xml}` : xml);
}

/**
 * Writes `plan` into a copy of the workbook `bytes` (synchronous, pure: the input is not
 * modified). Only the planned cells' <c> elements change in their sheet parts; workbook.xml
 * gets fullCalcOnLoad so dependent formulas recalculate on open; calcChain.xml loses the entries
 * of formula cells that were overwritten. Sheets in `plan.sheets` are created (or, when they
 * exist, replaced wholly, dropping that sheet's relationships), with their optional number
 * formats (new cellXfs entries in styles.xml), data validations and column widths.
 * `numberFormat` of a CellWrite is not applied by this host: a written cell keeps its style.
 */
export function applyPlan(
  bytes: Uint8Array,
  plan: WritePlan,
  options: { limits?: Partial<XlsxLimits> } = {},
): Uint8Array {
  const pkg = openPackage(bytes, options.limits);
  const info = readPackage(pkg);
  if (!plan.cells.length && !plan.sheets.length && !plan.names?.length) return bytes.slice();
  const entries = { byLower: pkg.byLower };
  const files = { has: (name: string) => pkg.zip.byName.has(name) };

  const text = new Map<string, string>(); // parts changed so far, as text
  const read = (part: string) => text.get(part) ?? partText(pkg, part);
  const write = (part: string, xml: string) => text.set(part, xml);
  const deleted = new Set<string>();
  const added: string[] = [];
  const removed: Removed[] = [];
  const addedSheetIds: number[] = [];

  // 1. Sheets to create or replace (before cells, so cells may target a new sheet).
  const sheetsByLower = new Map(info.sheets.map((s) => [s.name.toLowerCase(), s]));
  const seen = new Set<string>();
  const mainNs =
    /\bxmlns(?::\w+)?="(http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/.exec(info.workbookXml)?.[1] ?? MAIN_NS;
  // Number formats of new sheets' cells become cellXfs entries (one per code) in styles.xml.
  const codes = plan.sheets.flatMap((sw) => (sw.formats ?? []).map((f) => f.numberFormat));
  let styleIndex = new Map<string, number>();
  if (codes.length && info.stylesPart) {
    const styles = safeParse(info.stylesPart, () => addNumberFormatStyles(read(info.stylesPart!), codes));
    write(info.stylesPart, styles.xml);
    styleIndex = styles.index;
  }
  // Formula-looking text gets Excel's quote prefix through a style (see QuoteStyles).
  const quotes = new QuoteStyles(info.stylesPart ? read(info.stylesPart) : undefined);
  for (const sw of plan.sheets) {
    checkSheetName(sw.sheet);
    const lower = sw.sheet.toLowerCase();
    if (seen.has(lower)) throw new XlsxPlanError("duplicateSheet", XLSX_TEXT.duplicateSheet(sw.sheet));
    seen.add(lower);
    const cellStyles = new Map<string, number>();
    for (const f of sw.formats ?? []) {
      const style = styleIndex.get(f.numberFormat);
      const p = parseCell(f.address.replace(/\$/g, "").trim());
      if (style !== undefined && p) cellStyles.set(cellAddress(p.row, p.col), style);
    }
    sw.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (!needsQuotePrefix(v)) return;
        const a = cellAddress(i + 1, j + 1);
        const q = quotes.indexFor(cellStyles.get(a));
        if (q !== undefined) cellStyles.set(a, q);
      }),
    );
    const extras: SheetExtras = { styles: cellStyles };
    if (sw.validations) extras.validations = sw.validations;
    if (sw.columnWidths) extras.columnWidths = sw.columnWidths;
    const xml = sheetXmlFor(sw.rows, mainNs, extras);
    const existing = sheetsByLower.get(lower);
    if (existing?.part && existing.kind === "worksheet") {
      write(existing.part, xml);
      const rels = entries.byLower.get(relsPathOf(existing.part).toLowerCase());
      if (rels) deleted.add(rels); // its drawings/comments/tables no longer belong to it
      removed.push({ sheetId: existing.sheetId, addresses: new Set(), all: true });
      continue;
    }
    if (existing) throw new XlsxPlanError("badSheetName", XLSX_TEXT.badSheetName(sw.sheet)); // a chartsheet
    const taken = new Set([...pkg.zip.byName.keys(), ...added].map((n) => n.toLowerCase()));
    const dir = info.workbookPart.slice(0, info.workbookPart.lastIndexOf("/") + 1);
    let n = info.sheets.length + 1;
    while (taken.has(`${dir}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${dir}worksheets/sheet${n}.xml`;
    added.push(part);
    write(part, xml);

    const relsPart = info.workbookRelsPart ?? relsPathOf(info.workbookPart);
    const relsXml =
      info.workbookRelsPart || text.has(relsPart)
        ? read(relsPart)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;
    const ids = new Set([...relsXml.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let k = ids.size + 1;
    while (ids.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    const relRoot = readElement(relsXml, findRootStart(relsXml));
    write(
      relsPart,
      appendChild(
        relsXml,
        `<${relRoot.prefix}Relationship Id="${relId}" Type="${REL_NS.worksheet}" Target="worksheets/sheet${n}.xml"/>`,
      ),
    );
    if (!info.workbookRelsPart && !added.includes(relsPart)) added.push(relsPart);

    const ct = "[Content_Types].xml";
    const ctPart = entries.byLower.get(ct.toLowerCase()) ?? ct;
    const ctXml = read(ctPart);
    const ctRoot = readElement(ctXml, findRootStart(ctXml));
    write(
      ctPart,
      appendChild(ctXml, `<${ctRoot.prefix}Override PartName="/${encodeAttr(part)}" ContentType="${WORKSHEET_CT}"/>`),
    );

    const wbXml = read(info.workbookPart);
    const sheetsAt = findStartTag(wbXml, "sheets", 0);
    const sheetsEl = readElement(wbXml, sheetsAt);
    const firstSheet = childElements(wbXml, sheetsEl.openEnd, sheetsEl.closeStart).find((e) => e.local === "sheet");
    const idAttr = firstSheet?.attrs.find((a) => /(^|:)id$/.test(a.name) && a.name.includes(":"));
    const rAttr = idAttr ? idAttr.name : "r:id";
    const nsDecl = idAttr ? "" : ` xmlns:r="${R_NS}"`;
    const maxId = Math.max(0, ...info.sheets.map((s) => s.sheetId), ...addedSheetIds);
    const sheetId = maxId + 1;
    addedSheetIds.push(sheetId);
    const el = `<${sheetsEl.prefix}sheet name="${encodeAttr(sw.sheet)}" sheetId="${sheetId}"${nsDecl} ${rAttr}="${relId}"/>`;
    write(
      info.workbookPart,
      sheetsEl.selfClosing
        ? wbXml.slice(0, sheetsEl.start) +
            wbXml.slice(sheetsEl.start, sheetsEl.end - 2).replace(/\s+$/, "") +
            `>${el}</${sheetsEl.prefix}sheets>` +
            wbXml.slice(sheetsEl.end)
        : wbXml.slice(0, sheetsEl.closeStart) + el + wbXml.slice(sheetsEl.closeStart),
    );
    sheetsByLower.set(lower, { name: sw.sheet, sheetId, relId, part, partName: part, kind: "worksheet" });
  }

  // 2. Cell writes, grouped by sheet.
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of plan.cells) {
    const s = sheetsByLower.get(w.sheet.toLowerCase());
    if (!s || s.kind !== "worksheet" || !s.part)
      throw new XlsxPlanError("unknownSheet", XLSX_TEXT.unknownSheet(w.sheet));
    const list = bySheet.get(s.part) ?? [];
    list.push(w);
    bySheet.set(s.part, list);
  }
  for (const [part, writes] of bySheet) {
    const sheet = [...sheetsByLower.values()].find((s) => s.part === part)!;
    const planned = planCells(sheet.name, writes);
    const { xml, unformulated } = safeParse(part, () => patchSheetXml(read(part), planned, quotes));
    write(part, xml);
    if (unformulated.size) removed.push({ sheetId: sheet.sheetId, addresses: unformulated, all: false });
  }

  // 2b. Names to add or re-point (binding inputs); workbook-scoped only.
  if (plan.names?.length) {
    const refs = plan.names.map((n) => {
      const s = sheetsByLower.get(n.sheet.toLowerCase());
      if (!s || s.kind !== "worksheet") throw new XlsxPlanError("unknownSheet", XLSX_TEXT.unknownSheet(n.sheet));
      return { name: n, reference: nameReference(s.name, n) };
    });
    write(info.workbookPart, setDefinedNames(read(info.workbookPart), refs));
  }

  const quoted = quotes.apply();
  if (quoted !== undefined && info.stylesPart) write(info.stylesPart, quoted);

  // 3. calcChain: drop entries of cells that no longer hold a formula.
  if (removed.length && info.calcChainPart) {
    const pruned = safeParse(info.calcChainPart, () => pruneCalcChain(read(info.calcChainPart!), removed));
    if (pruned === undefined) {
      deleted.add(info.calcChainPart);
      const rel = info.rels.find((r) => r.kind === "calcChain");
      if (rel && info.workbookRelsPart)
        write(info.workbookRelsPart, removeRelationship(read(info.workbookRelsPart), rel.id));
      const ctPart = entries.byLower.get("[content_types].xml");
      if (ctPart) write(ctPart, removeOverride(read(ctPart), info.calcChainPart));
    } else if (pruned !== read(info.calcChainPart)) {
      write(info.calcChainPart, pruned);
    }
  }

  // 4. Recalculate on open: cached values of formulas over the written cells are stale.
  write(
    info.workbookPart,
    safeParse(info.workbookPart, () => setFullCalcOnLoad(read(info.workbookPart))),
  );

  // 5. Re-zip in the original order; untouched entries keep their compressed bytes as they are.
  const replaced = new Map<string, Uint8Array | null>();
  for (const name of deleted) replaced.set(name, null);
  for (const [name, xml] of text)
    if (files.has(name) && !deleted.has(name)) replaced.set(name, encodeLike(pkg.bom.has(name), xml));
  return writeZip(
    pkg.zip,
    replaced,
    added.map((name) => [name, encodeLike(false, text.get(name)!)]),
  );
}
