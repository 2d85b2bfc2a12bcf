/**
 * Reading a worksheet part as a stream of rows, keeping only the cells asked for: a window at the
 * top of the sheet (where a 评分表 or a settings sheet lives) and the rectangles of defined
 * names. Reading stops once no later row can matter, so a 150,000-row ledger costs its first rows;
 * it goes on to the end only when the sheet's merged areas are needed (they follow the rows).
 *
 * Memory follows the cells kept, never the used range's area or the part's size.
 */
import type { CellData } from "../../workbook/snapshot";
import { cellAddress, colIndex, contains, parseArea, type Area } from "../../workbook/address";
import { shiftFormula } from "./formula";
import { percentText } from "./numberFormat";
import { attrValue, decodeText, decodeXml, parseAttrs } from "./xml";
import { stringItemRaw } from "./sheetScan";
import { PendingTooLong } from "./zip";

/** What to keep of a sheet. */
export interface SheetRequest {
  /** Rows of the window: 1 up to this one. */
  windowRows: number;
  /** Columns of the window: A up to this one. */
  windowCols: number;
  /** Rectangles to keep whole (defined names' targets), empty cells included (with their formats). */
  rects: Area[];
  /**
   * Keep the window whatever it holds (the contract's own sheets, the sheet of the 评分表 name).
   * Otherwise the window is kept only when a cell passes `isHeader` (it may hold a 评分表): a data
   * sheet's first rows are parsed lazily and dropped, costing neither memory nor the table search.
   * A kept window also wants the sheet's merged areas (then the rest of the part is inflated to
   * reach <mergeCells>, but its rows are not parsed).
   */
  keepWindow: boolean;
  isHeader: (text: string) => boolean;
}

export interface SheetRead {
  /** Kept cells by row and column (window cells with content; every cell of a rectangle). */
  cells: Map<number, Map<number, CellData>>;
  /** Formats of cells not in the XML: the row's style (customFormat) or the column's. */
  rowFormats: Map<number, string | undefined>;
  colFormats: { min: number; max: number; format: string | undefined }[];
  /** The window as read ("" when the sheet holds nothing). */
  windowArea?: Area;
  merges: string[];
  /** Cells kept (for the reader's cap). */
  kept: number;
  /** Whether the window was kept (see SheetRequest.keepWindow). */
  candidate: boolean;
}

export interface CellSource {
  /** cellXfs index → number format code. */
  format(style: number | undefined): string | undefined;
  sharedString(index: number): string | undefined;
}

const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
// Start tags of rows and cells (any prefix); the cell's content is found by its end tag.
const TOKEN = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)(row|c)(?=[\\s/>])${ATTRS}>`, "g");
const F_RE = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)f(?=[\\s/>])${ATTRS}>`);
const V_RE = /<((?:[A-Za-z_][\w.-]*:)?)v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1v\s*>)/;
const IS_RE = /<((?:[A-Za-z_][\w.-]*:)?)is(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1is\s*>)/;
const MERGE_RE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
const COL_RE = /<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*)>/g;
const MERGES_START = /<(?:[A-Za-z_][\w.-]*:)?mergeCells(?=[\s/>])/;
const MERGES_END = /<\/(?:[A-Za-z_][\w.-]*:)?mergeCells\s*>|<(?:[A-Za-z_][\w.-]*:)?mergeCells(?:\s[^>]*)?\/>/;
// Elements that follow <mergeCells> in the worksheet schema: seeing one first means there are none.
const AFTER_MERGES =
  /<(?:[A-Za-z_][\w.-]*:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|drawing|legacyDrawing|tableParts|extLst)(?=[\s/>])|<\/(?:[A-Za-z_][\w.-]*:)?worksheet\s*>/;
const SHEETDATA_RE = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?=[\s/>])([^>]*)>/g;
/**
 * How far back a search re-reads text it has already searched (a tag may straddle two pieces). A
 * search never starts again from the buffer's beginning: a part that withholds the tag a phase
 * waits for (a zip bomb of blanks) then costs its length once, not its length squared.
 */
const OVERLAP = 1024;
/**
 * The most text kept while waiting for a row's end (or for <sheetData>). A real row, even 16,384
 * cells of long text, stays far below; past it the part is refused instead of growing one string
 * (and copying it on every piece) towards the inflate cap.
 */
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/** Cells of a window without a score header that are still kept (not a data sheet's bulk). */
export const SMALL_WINDOW = 2000;

const ATTR_RES = new Map<string, RegExp>();
/**
 * One attribute of a row's or cell's start tag (raw attribute text), decoded: a targeted regex is
 * several times cheaper than parsing every attribute, and a window has thousands of cells.
 */
function attrOf(text: string, local: string): string | undefined {
  let re = ATTR_RES.get(local);
  if (!re)
    ATTR_RES.set(local, (re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(text);
  if (!m) return undefined;
  const v = m[1] ?? m[2];
  return v.indexOf("&") < 0 ? v : decodeXml(v);
}

function isEmptyCell(c: CellData): boolean {
  return c.value === null && c.formula === undefined && c.error === undefined;
}

/**
 * Incremental reader: feed it the part's text in pieces (`push`), ask `done()` whether more is
 * needed, then `finish()`.
 */
export class SheetStream {
  private buf = "";
  /** Where in `buf` the current phase's search resumes (text before it was searched already). */
  private searched = 0;
  private phase: "head" | "rows" | "skip" | "tail" | "end" = "head";
  private prefix = "";
  private lastRow = 0;
  private lastCol = 0;
  private readonly windowEnd: number;
  private needMergesDecided = false;
  private wantMerges = false;
  private tail = "";
  private readonly rectBottom: number;
  private readonly masters = new Map<string, { row: number; col: number; formula: string }>();
  private readonly members: { cell: CellData; si: string; row: number; col: number }[] = [];
  private win?: Area;
  private truncated = false;
  private colsTruncated = false;
  /** Window cells not kept yet: numbers as raw XML (parsed only if the window is kept), text parsed. */
  private readonly deferred: { row: number; col: number; attrs: string; inner: string; cell?: CellData }[] = [];
  readonly out: SheetRead = {
    cells: new Map(),
    rowFormats: new Map(),
    colFormats: [],
    merges: [],
    kept: 0,
    candidate: false,
  };

  constructor(
    private readonly req: SheetRequest,
    private readonly src: CellSource,
    /** Called for each cell kept; throws (the reader's cell cap) to stop the read. */
    private readonly count: () => void,
  ) {
    this.rectBottom = Math.max(0, ...req.rects.map((r) => r.bottom));
    this.windowEnd = req.windowRows;
    this.out.candidate = req.keepWindow;
  }

  /** True when no later text can change the result. */
  done(): boolean {
    return this.phase === "end";
  }

  /** Drops `buf` up to `at`; the next search starts at its (new) beginning. */
  private consume(at: number): void {
    this.buf = this.buf.slice(at);
    this.searched = 0;
  }

  /** Remembers that `buf` holds nothing the phase waits for, except maybe a tag cut at its end. */
  private searchedAll(): void {
    if (this.buf.length > MAX_PENDING_CHARS) throw new PendingTooLong(MAX_PENDING_CHARS);
    this.searched = Math.max(0, this.buf.length - OVERLAP);
  }

  push(text: string, final: boolean): void {
    this.buf += text;
    for (;;) {
      if (this.phase === "head") {
        SHEETDATA_RE.lastIndex = this.searched;
        const m = SHEETDATA_RE.exec(this.buf);
        if (!m) {
          if (final) this.phase = "end";
          else this.searchedAll();
          break;
        }
        this.readCols(this.buf.slice(0, m.index));
        this.prefix = m[1];
        const selfClosing = m[2].trimEnd().endsWith("/");
        this.consume(m.index + m[0].length);
        this.phase = selfClosing ? "tail" : "rows";
        if (selfClosing) this.decideMerges();
        continue;
      }
      if (this.phase === "rows") {
        const endTag = `</${this.prefix}sheetData>`;
        const rowEnd = `</${this.prefix}row>`;
        const close = this.buf.indexOf(endTag, this.searched);
        // lastIndexOf only once a row end is known to be in the new text (else it re-reads it all).
        let upto =
          close >= 0 ? close : this.buf.indexOf(rowEnd, this.searched) >= 0 ? this.buf.lastIndexOf(rowEnd) : -1;
        if (upto < 0 && !final) {
          this.searchedAll();
          break;
        }
        if (upto < 0) upto = this.buf.length;
        else if (close < 0) upto += `</${this.prefix}row>`.length;
        const stop = this.readRows(this.buf.slice(0, upto));
        if (close >= 0) {
          this.consume(close + endTag.length);
          this.decideMerges();
          this.phase = this.wantMerges ? "tail" : "end";
          continue;
        }
        this.consume(upto);
        if (stop) {
          this.truncated = true;
          this.decideMerges();
          this.phase = this.wantMerges ? "skip" : "end";
          continue;
        }
        if (final) this.phase = "end";
        break;
      }
      if (this.phase === "skip") {
        // Only the end of <sheetData> matters now: keep a short tail across pieces.
        const endTag = `</${this.prefix}sheetData>`;
        const close = this.buf.indexOf(endTag);
        if (close >= 0) {
          this.consume(close + endTag.length);
          this.phase = "tail";
          continue;
        }
        this.consume(Math.max(0, this.buf.length - endTag.length));
        if (final) this.phase = "end";
        break;
      }
      if (this.phase === "tail") {
        // Keep text from <mergeCells> on; before it, only a short tail (a tag may straddle pieces).
        if (!this.tail) {
          const at = this.buf.search(MERGES_START);
          if (at < 0) {
            if (final || AFTER_MERGES.test(this.buf)) this.phase = "end";
            else this.consume(Math.max(0, this.buf.length - 64));
            break;
          }
          this.tail = this.buf.slice(at);
        } else this.tail += this.buf;
        this.consume(this.buf.length);
        if (this.tail.length > MAX_PENDING_CHARS) throw new PendingTooLong(MAX_PENDING_CHARS);
        if (final || MERGES_END.test(this.tail)) {
          this.readMerges(this.tail);
          this.phase = "end";
        }
        break;
      }
      break;
    }
  }

  /** Completes the read: shared-formula members, the window's area. */
  finish(): SheetRead {
    if (this.phase === "rows" && this.buf) this.readRows(this.buf);
    this.decideMerges();
    // A small window is kept anyway (a sheet the user may look at in the preview); only a big
    // one without a score header is dropped.
    if (!this.out.candidate && this.deferred.length <= SMALL_WINDOW) this.promote();
    for (const m of this.members) {
      const master = this.masters.get(m.si);
      if (master) m.cell.formula = shiftFormula(master.formula, m.row - master.row, m.col - master.col);
    }
    if (this.win) {
      const w = { ...this.win };
      if (this.truncated) w.bottom = Math.max(w.bottom, this.windowEnd);
      if (this.colsTruncated) w.right = Math.max(w.right, this.req.windowCols);
      this.out.windowArea = w;
    }
    return this.out;
  }

  private decideMerges(): void {
    if (this.needMergesDecided) return;
    this.needMergesDecided = true;
    this.wantMerges = this.out.candidate;
  }

  private readCols(head: string): void {
    COL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COL_RE.exec(head))) {
      const attrs = parseAttrs(m[1]);
      const s = attrValue(attrs, "style");
      if (s === undefined) continue;
      this.out.colFormats.push({
        min: Number(attrValue(attrs, "min")),
        max: Number(attrValue(attrs, "max")),
        format: this.src.format(Number(s)),
      });
    }
  }

  private readMerges(tail: string): void {
    MERGE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MERGE_RE.exec(tail))) {
      const ref = attrValue(parseAttrs(m[1]), "ref");
      const a = ref ? parseArea(ref) : undefined;
      if (a) this.out.merges.push(ref!.replace(/\$/g, "").toUpperCase());
    }
  }

  private inRect(row: number, col: number): boolean {
    for (const r of this.req.rects) if (contains(r, row, col)) return true;
    return false;
  }

  /** Parses complete rows; true when the rows read so far are all that can matter. */
  private readRows(text: string): boolean {
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let row = this.lastRow;
    while ((m = TOKEN.exec(text))) {
      const selfClosing = m[3].trimEnd().endsWith("/");
      const attrs = m[3];
      if (m[2] === "row") {
        const r = Number(attrOf(attrs, "r"));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        this.lastRow = row;
        this.lastCol = 0;
        if (row > this.windowEnd && row > this.rectBottom) return true;
        const cf = attrOf(attrs, "customFormat");
        if (cf === "1" || cf === "true") {
          const s = attrOf(attrs, "s");
          if (s !== undefined) this.out.rowFormats.set(row, this.src.format(Number(s)));
        }
        continue;
      }
      // A cell.
      const ref = attrOf(attrs, "r");
      const rm = ref ? /^\$?([A-Za-z]{1,3})\$?[0-9]+$/.exec(ref) : null;
      const col = rm ? colIndex(rm[1]) : this.lastCol + 1;
      this.lastCol = col;
      let inner = "";
      if (!selfClosing) {
        const end = text.indexOf(`</${m[1]}c>`, TOKEN.lastIndex);
        if (end < 0) break; // cannot happen for a complete row
        inner = text.slice(TOKEN.lastIndex, end);
        TOKEN.lastIndex = end + m[1].length + 4;
      }
      if (col > this.req.windowCols && inner && row <= this.windowEnd) this.colsTruncated = true;
      const inWindow = col <= this.req.windowCols && row <= this.windowEnd;
      const inRect = this.req.rects.length > 0 && this.inRect(row, col);
      // Formula cells are parsed anywhere in the rows read: a kept cell's shared formula may live there.
      const hasFormula = inner.indexOf("f") >= 0 && F_RE.test(inner);
      if (!inRect && !inWindow && !hasFormula) continue;
      const windowCell = row <= this.windowEnd && col <= this.req.windowCols;
      if (windowCell && !inRect && !this.out.candidate) {
        // Not known to hold a 评分表 yet: text is parsed (it may be a score header), numbers wait.
        const type = attrOf(attrs, "t");
        const text = type === "s" || type === "inlineStr" || type === "str" || hasFormula;
        if (!inner || (!text && inner.indexOf("<") < 0)) continue;
        this.grow(row, col);
        if (!text) {
          this.deferred.push({ row, col, attrs, inner });
          continue;
        }
        const cell = this.cellOf(row, col, attrs, inner);
        if (isEmptyCell(cell)) continue;
        this.deferred.push({ row, col, attrs, inner, cell });
        if (typeof cell.value === "string" && this.req.isHeader(cell.value)) this.promote();
        continue;
      }
      const cell = this.cellOf(row, col, attrs, inner);
      if (isEmptyCell(cell)) {
        if (inRect) this.keep(row, col, cell);
        continue;
      }
      if (windowCell) this.grow(row, col);
      if (windowCell || inRect) this.keep(row, col, cell);
    }
    return this.lastRow > this.windowEnd && this.lastRow > this.rectBottom;
  }

  private grow(row: number, col: number): void {
    const w = this.win;
    this.win = w
      ? {
          top: Math.min(w.top, row),
          left: Math.min(w.left, col),
          bottom: Math.max(w.bottom, row),
          right: Math.max(w.right, col),
        }
      : { top: row, left: col, bottom: row, right: col };
  }

  /** The window may hold a 评分表: keep it, with the cells deferred so far. */
  private promote(): void {
    this.out.candidate = true;
    for (const d of this.deferred) {
      const cell = d.cell ?? this.cellOf(d.row, d.col, d.attrs, d.inner);
      if (!isEmptyCell(cell)) this.keep(d.row, d.col, cell);
    }
    this.deferred.length = 0;
  }

  private keep(row: number, col: number, cell: CellData): void {
    let r = this.out.cells.get(row);
    if (!r) this.out.cells.set(row, (r = new Map<number, CellData>()));
    if (!r.has(col)) {
      this.count();
      this.out.kept++;
    }
    r.set(col, cell);
  }

  private cellOf(row: number, col: number, attrs: string, inner: string): CellData {
    const cell: CellData = { address: cellAddress(row, col), value: null };
    const s = attrOf(attrs, "s");
    const style = s !== undefined && /^[0-9]+$/.test(s) ? Number(s) : undefined;
    const numberFormat = style === undefined ? "General" : this.src.format(style);
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    if (!inner) return cell;
    const type = attrOf(attrs, "t");
    const vm = V_RE.exec(inner);
    const v = vm ? (vm[2] ?? "") : undefined;
    switch (type) {
      case "s": {
        const i = Number(v);
        if (v !== undefined && Number.isInteger(i)) cell.value = this.src.sharedString(i) ?? null;
        break;
      }
      case "inlineStr": {
        const im = IS_RE.exec(inner);
        cell.value = im ? decodeText(stringItemRaw(im[2] ?? "")) : v !== undefined ? decodeText(v) : null;
        break;
      }
      case "str":
        cell.value = v !== undefined ? decodeText(v) : null;
        break;
      case "b":
        cell.value = v !== undefined ? v.trim() === "1" || v.trim() === "true" : null;
        break;
      case "e":
        if (v !== undefined) cell.error = decodeXml(v).trim();
        break;
      case "d": // ISO 8601 date cells (rare; Excel itself does not write them): keep the text
        cell.value = v !== undefined ? decodeXml(v) : null;
        break;
      default: {
        const t = v !== undefined ? decodeXml(v).trim() : "";
        if (t !== "") {
          const n = Number(t);
          cell.value = Number.isFinite(n) ? n : t;
        }
      }
    }
    const fm = F_RE.exec(inner);
    if (fm) {
      const fAttrs = parseAttrs(fm[2].replace(/\/\s*$/, ""));
      const selfClosing = fm[2].trimEnd().endsWith("/");
      let text = "";
      if (!selfClosing) {
        const start = fm.index + fm[0].length;
        const end = inner.indexOf(`</${fm[1]}f>`, start);
        text = decodeXml(end >= 0 ? inner.slice(start, end) : "");
      }
      const ft = attrValue(fAttrs, "t");
      const si = attrValue(fAttrs, "si");
      if (ft === "shared" && si !== undefined) {
        if (text !== "") {
          this.masters.set(si, { row, col, formula: text });
          cell.formula = text;
        } else {
          this.members.push({ cell, si, row, col });
          cell.formula = "";
        }
      } else if (ft !== "dataTable") {
        cell.formula = text;
      }
    }
    if (typeof cell.value === "number") {
      const text = percentText(cell.value, cell.numberFormat);
      if (text !== undefined) cell.text = text;
    }
    return cell;
  }
}
