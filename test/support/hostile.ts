/**
 * Hostile and huge workbooks, generated at test time (never committed): a deflate stream that
 * repeats a unit is built by hand (fixed Huffman codes, one back-reference of 258 bytes per
 * 13 bits), so a part that inflates to hundreds of megabytes costs a few megabytes and a few
 * milliseconds to make. Parts are added to a real sample through the project's zip writer.
 */
import { deflateSync, inflateSync, strToU8 } from "fflate";
import { rawData, readZip, writeZip, type AddedEntry, type CompressedEntry } from "../../src/hosts/xlsx/zip";

class BitWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private acc = 0;
  private nacc = 0;
  /** Writes `n` bits of `v`, least significant first (deflate's bit order). */
  bits(v: number, n: number): void {
    for (let i = 0; i < n; i++) {
      this.acc |= ((v >>> i) & 1) << this.nacc;
      if (++this.nacc === 8) this.flushByte();
    }
  }
  /** A Huffman code: most significant bit first. */
  code(v: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bits((v >>> i) & 1, 1);
  }
  private flushByte(): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = this.acc;
    this.acc = 0;
    this.nacc = 0;
  }
  done(): Uint8Array {
    if (this.nacc) this.flushByte();
    return this.buf.slice(0, this.len);
  }
}

function literal(w: BitWriter, b: number): void {
  if (b < 144) w.code(0x30 + b, 8);
  else w.code(0x190 + (b - 144), 9);
}

// Distance codes: base distance and extra bits of codes 0..29 (RFC 1951 §3.2.5).
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function distance(w: BitWriter, d: number): void {
  let c = DIST_BASE.length - 1;
  while (DIST_BASE[c] > d) c--;
  w.code(c, 5);
  w.bits(d - DIST_BASE[c], DIST_EXTRA[c]);
}

/**
 * A raw deflate stream of `head`, then `unit` repeated until the repeated part is `repeatBytes`
 * long (rounded down to whole units), then `tail`. `unit` must be at most 32 KiB.
 */
export function repeatDeflate(
  head: string,
  unit: string,
  repeatBytes: number,
  tail: string,
): { data: Uint8Array; size: number } {
  const h = strToU8(head);
  const u = strToU8(unit);
  const t = strToU8(tail);
  const units = Math.max(1, Math.floor(repeatBytes / u.length));
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(1, 2); // fixed Huffman
  for (const b of h) literal(w, b);
  for (const b of u) literal(w, b);
  let left = (units - 1) * u.length;
  while (left >= 258) {
    w.code(0xc5, 8); // length 258 (code 285)
    distance(w, u.length);
    left -= 258;
  }
  // The rest as literals: byte i of the repetition equals byte i mod |unit|.
  const done = (units - 1) * u.length - left;
  for (let i = 0; i < left; i++) literal(w, u[(done + i) % u.length]);
  for (const b of t) literal(w, b);
  w.code(0, 7); // end of block
  return { data: w.done(), size: h.length + units * u.length + t.length };
}

/** A compressed entry for `writeZip` (the CRC is not checked by readers of these tests). */
export function bombEntry(name: string, head: string, unit: string, repeatBytes: number, tail = ""): CompressedEntry {
  const { data, size } = repeatDeflate(head, unit, repeatBytes, tail);
  return { name, compressed: data, size, crc: 0 };
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Worksheet XML head and tail around rows. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = `</sheetData></worksheet>`;

/** A data row without r (each takes the next index): ten cells of numbers and a date. */
export const LEDGER_ROW = `<row><c t="inlineStr"><is><t>办公费</t></is></c><c><v>2021</v></c><c><v>3</v></c><c><v>15</v></c><c><v>1024.5</v></c><c><v>0</v></c><c><v>1024.5</v></c><c><v>44270</v></c><c><v>7</v></c><c><v>12</v></c></row>`;

export interface ExtraSheet {
  name: string;
  entry: CompressedEntry;
}

/**
 * Adds sheets (their parts already compressed) and other parts to a workbook: the sheet list,
 * relationships and content types are edited as text; every other entry is copied as it is.
 */
export function withParts(
  bytes: Uint8Array,
  sheets: ExtraSheet[],
  others: AddedEntry[] = [],
  edit?: (name: string, xml: string) => string,
): Uint8Array {
  const zip = readZip(bytes);
  const text = (name: string) => new TextDecoder().decode(inflateSync(rawData(zip, zip.byName.get(name)!)));
  const replaced = new Map<string, Uint8Array | null>();
  let wb = text("xl/workbook.xml");
  let rels = text("xl/_rels/workbook.xml.rels");
  let ct = text("[Content_Types].xml");
  let maxId = Math.max(...[...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  sheets.forEach((s, i) => {
    const rid = `rIdHostile${i}`;
    const part = s.entry.name;
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="${WS_TYPE}" Target="${part.replace(/^xl\//, "")}"/></Relationships>`,
    );
    ct = ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${WS_CT}"/></Types>`);
    wb = wb.replace("</sheets>", `<sheet name="${s.name}" sheetId="${++maxId}" r:id="${rid}"/></sheets>`);
  });
  replaced.set("xl/workbook.xml", strToU8(wb));
  replaced.set("xl/_rels/workbook.xml.rels", strToU8(rels));
  replaced.set("[Content_Types].xml", strToU8(ct));
  if (edit) {
    for (const e of zip.entries) {
      if (replaced.has(e.name) || !e.name.endsWith(".xml")) continue;
      const before = text(e.name);
      const after = edit(e.name, before);
      if (after !== before) replaced.set(e.name, strToU8(after));
    }
  }
  return writeZip(zip, replaced, [...sheets.map((s) => s.entry), ...others]);
}

/** A real (varied) data sheet of `rows` rows, deflated by fflate: what a department's ledger looks like. */
export function ledgerSheet(name: string, part: string, rows: number): ExtraSheet {
  const parts: string[] = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>凭证${r}</t></is></c><c r="B${r}"><v>${2021}</v></c><c r="C${r}"><v>${(r % 12) + 1}</v></c>` +
        `<c r="D${r}"><v>${(r % 28) + 1}</v></c><c r="E${r}"><v>${(r * 37) % 100000}.${r % 100}</v></c><c r="F${r}"><v>0</v></c>` +
        `<c r="G${r}"><v>${(r * 37) % 100000}</v></c><c r="H${r}"><v>${44197 + (r % 365)}</v></c><c r="I${r}"><v>${r % 7}</v></c><c r="J${r}" t="inlineStr"><is><t>摘要${r % 97}</t></is></c></row>`,
    );
  }
  parts.push(SHEET_TAIL);
  const content = strToU8(parts.join(""));
  return { name, entry: { name: part, compressed: deflateSync(content, { level: 1 }), size: content.length, crc: 0 } };
}
