/**
 * Scans a worksheet part's <sheetData> as text: rows and cells with their positions in the XML,
 * for the writer's patches. Rows and cells without r follow the same rules as the reader's
 * stream (sheetStream.ts): the next index after their predecessor.
 */
import { attrValue, childElements, Element, findStartTag, parseAttrs, readElement } from "./xml";
import { colIndex } from "../../workbook/address";

export interface ScannedCell {
  el: Element;
  row: number;
  col: number;
}

export interface ScannedRow {
  el: Element;
  row: number;
  /** The row's cells, parsed on first access (a patch touches a few rows of a possibly huge sheet). */
  readonly cells: ScannedCell[];
}

export interface SheetScan {
  /** The <sheetData> element. */
  sheetData: Element;
  rows: ScannedRow[];
}

const ROW_START = /<((?:[A-Za-z_][\w.-]*:)?)row(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function cellsOf(xml: string, rowEl: Element, row: number): ScannedCell[] {
  const cells: ScannedCell[] = [];
  if (rowEl.selfClosing) return cells;
  let lastCol = 0;
  for (const cEl of childElements(xml, rowEl.openEnd, rowEl.closeStart)) {
    if (cEl.local !== "c") continue;
    const ref = attrValue(cEl.attrs, "r");
    const m = ref ? /^\$?([A-Za-z]{1,3})\$?[0-9]+$/.exec(ref) : null;
    const col = m ? colIndex(m[1]) : lastCol + 1;
    lastCol = col;
    cells.push({ el: cEl, row, col });
  }
  return cells;
}

/**
 * Scans <sheetData> for its rows (start tags found by one regex pass, cells left for later);
 * rows/cells without r take the next index after their predecessor.
 */
export function scanSheet(xml: string): SheetScan {
  const at = findStartTag(xml, "sheetData", 0);
  if (at < 0) throw new Error("worksheet has no <sheetData>");
  const sheetData = readElement(xml, at);
  const rows: ScannedRow[] = [];
  if (sheetData.selfClosing) return { sheetData, rows };
  let lastRow = 0;
  ROW_START.lastIndex = sheetData.openEnd;
  let m: RegExpExecArray | null;
  while ((m = ROW_START.exec(xml)) && m.index < sheetData.closeStart) {
    const selfClosing = m[2].trimEnd().endsWith("/");
    const openEnd = m.index + m[0].length;
    let closeStart = openEnd;
    let end = openEnd;
    if (!selfClosing) {
      const close = `</${m[1]}row>`;
      closeStart = xml.indexOf(close, openEnd);
      if (closeStart < 0) throw new Error(`no end tag for <row> at ${m.index}`);
      end = closeStart + close.length;
    }
    const attrs = parseAttrs(selfClosing ? m[2].replace(/\/\s*$/, "") : m[2]);
    const el: Element = { prefix: m[1], local: "row", start: m.index, openEnd, end, closeStart, selfClosing, attrs };
    const r = Number(attrValue(attrs, "r"));
    const row = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
    lastRow = row;
    let cells: ScannedCell[] | undefined;
    rows.push({
      el,
      row,
      get cells() {
        return (cells ??= cellsOf(xml, el, row));
      },
    });
    ROW_START.lastIndex = end;
  }
  return { sheetData, rows };
}

export interface CellXml {
  type?: string | undefined;
  style?: number;
  /** <f> element, when present. */
  f?: { attrs: Element["attrs"]; text: string; raw: string };
  /** Raw (undecoded) text of <v>. */
  v?: string;
  /** Raw inner XML of <is>. */
  is?: string;
}

const F_RE = /<((?:[A-Za-z_][\w.-]*:)?)f(?=[\s/>])/;
const V_RE = /<((?:[A-Za-z_][\w.-]*:)?)v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1v\s*>)/;
const IS_RE = /<((?:[A-Za-z_][\w.-]*:)?)is(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1is\s*>)/;

/** The parts of a <c> element that matter for its value. */
export function parseCellXml(xml: string, cell: Element): CellXml {
  const out: CellXml = { type: attrValue(cell.attrs, "t") };
  const s = attrValue(cell.attrs, "s");
  if (s !== undefined && /^[0-9]+$/.test(s)) out.style = Number(s);
  if (cell.selfClosing) return out;
  const inner = xml.slice(cell.openEnd, cell.closeStart);
  const fm = F_RE.exec(inner);
  if (fm) {
    const fEl = readElement(inner, fm.index);
    out.f = {
      attrs: fEl.attrs,
      text: fEl.selfClosing ? "" : inner.slice(fEl.openEnd, fEl.closeStart),
      raw: inner.slice(fEl.start, fEl.end),
    };
  }
  const vm = V_RE.exec(inner);
  if (vm) out.v = vm[2] ?? "";
  const im = IS_RE.exec(inner);
  if (im) out.is = im[2] ?? "";
  return out;
}

const T_RE = /<((?:[A-Za-z_][\w.-]*:)?)t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1t\s*>)/g;
const RPH_RE = /<((?:[A-Za-z_][\w.-]*:)?)rPh(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/\1rPh\s*>)/g;

/**
 * Raw text of a string item (<si> or <is> content): the <t> directly inside, or the runs' <t>
 * in order; phonetic runs (<rPh>) are not part of the value.
 */
export function stringItemRaw(inner: string): string {
  const body = inner.indexOf("rPh") >= 0 ? inner.replace(RPH_RE, "") : inner;
  let text = "";
  T_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_RE.exec(body))) text += m[2] ?? "";
  return text;
}
