/**
 * The zip container of an .xlsx package, read from its central directory so that each part can be
 * inflated on its own — fully, up to a size cap, or only as far as the reader needs (a sheet's first
 * rows) — and written back with the untouched parts' compressed bytes copied as they are.
 *
 * Why not fflate's unzipSync/zipSync alone: they inflate every wanted entry whole (a 400 MB sheet
 * part or a zip bomb is paid in full before we could say no) and re-deflate every entry on write.
 * fflate still does the (de)compression; this module only walks the container.
 */
import { DecodeUTF8, deflateSync, Inflate, inflateSync } from "fflate";
import { XLSX_TEXT } from "../../text/xlsx";
import { XlsxFormatError } from "./errors";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Uncompressed size as the directory declares it (a zip bomb may lie; inflation is capped anyway). */
  size: number;
  time: number;
  date: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttrs: number;
  externalAttrs: number;
  localOffset: number;
}

export interface ZipIndex {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
}

/** More entries than any workbook has; a directory claiming more is refused before anything is read. */
export const MAX_ENTRIES = 20_000;

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function notZip(): XlsxFormatError {
  return new XlsxFormatError("notZip", XLSX_TEXT.notZip);
}

const utf8 = new TextDecoder("utf-8");

/** Reads the central directory. Throws XlsxFormatError for bytes that are not a zip. */
export function readZip(bytes: Uint8Array): ZipIndex {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new XlsxFormatError("empty", XLSX_TEXT.empty);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  let count = u16(bytes, eocd + 10);
  let dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_EOCD64_LOCATOR) throw notZip();
    const at = u64(bytes, loc + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== SIG_EOCD64) throw notZip();
    count = u64(bytes, at + 32);
    dirOffset = u64(bytes, at + 48);
  }
  if (count > MAX_ENTRIES) throw new XlsxFormatError("tooLarge", XLSX_TEXT.tooManyParts(count));
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw notZip();
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const e: ZipEntry = {
      versionMadeBy: u16(bytes, p + 4),
      versionNeeded: u16(bytes, p + 6),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      internalAttrs: u16(bytes, p + 36),
      externalAttrs: u32(bytes, p + 38),
      localOffset: u32(bytes, p + 42),
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    // ZIP64 extra field: the 0xFFFFFFFF fields follow in order size, compressed size, offset.
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
      let x = p + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (e.size === 0xffffffff) {
            e.size = u64(bytes, q);
            q += 8;
          }
          if (e.compressedSize === 0xffffffff) {
            e.compressedSize = u64(bytes, q);
            q += 8;
          }
          if (e.localOffset === 0xffffffff) e.localOffset = u64(bytes, q);
        }
        x += 4 + len;
      }
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries, byName: new Map(entries.map((e) => [e.name, e])) };
}

/** The compressed bytes of an entry (after its local header). */
export function rawData(zip: ZipIndex, e: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) throw notZip();
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw notZip();
  return b.subarray(start, end);
}

/** Inflated bytes so far exceed what the reader accepts for this part or in total. */
export class TooLarge extends Error {}

/** A part's text withholds what its reader waits for (a row's end) past `chars`: a bomb or damage. */
export class PendingTooLong extends TooLarge {
  constructor(readonly chars: number) {
    super();
  }
}

/** A running count of inflated bytes across a whole read, with the per-part and total caps. */
export interface InflateBudget {
  partBytes: number;
  totalBytes: number;
  used: number;
}

/** Compressed bytes pushed per step of a stream: small, so a reader that stops early inflates little. */
const CHUNK = 16 * 1024;
/** Parts up to this declared size are inflated whole (the common case: every part of a normal workbook). */
const SMALL_PART = 2 * 1024 * 1024;

/**
 * Streams an entry's inflated text to `onText` in pieces; `onText` returns true to stop early
 * (the rest is never inflated). Throws TooLarge past the caps, XlsxFormatError for damaged data.
 */
export function streamText(
  zip: ZipIndex,
  e: ZipEntry,
  budget: InflateBudget,
  onText: (text: string, final: boolean) => boolean | void,
): void {
  const data = rawData(zip, e);
  if (
    e.method === 8 &&
    e.size <= SMALL_PART &&
    e.size <= budget.partBytes &&
    budget.used + e.size <= budget.totalBytes
  ) {
    // A small part inflates in one go into a buffer of its declared size (fast). A part whose
    // declared size or checksum does not hold is read by the capped stream below instead.
    let out: Uint8Array | undefined;
    try {
      out = inflateSync(data, { out: new Uint8Array(e.size) });
    } catch {
      out = undefined;
    }
    if (out && out.length === e.size && crc32(out) === e.crc) {
      budget.used += e.size;
      onText(utf8.decode(out), true);
      return;
    }
  }
  let produced = 0;
  let stop = false;
  const decoder = new DecodeUTF8((text, final) => {
    if (!stop && onText(text, final) === true) stop = true;
  });
  const take = (chunk: Uint8Array, final: boolean) => {
    produced += chunk.length;
    budget.used += chunk.length;
    if (produced > budget.partBytes || budget.used > budget.totalBytes) throw new TooLarge();
    decoder.push(chunk, final);
  };
  try {
    if (e.method === 0) {
      for (let i = 0; i < data.length && !stop; i += CHUNK)
        take(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
      if (data.length === 0) decoder.push(new Uint8Array(0), true);
      return;
    }
    if (e.method !== 8) throw new XlsxFormatError("badPart", XLSX_TEXT.badPart(e.name));
    const inflate = new Inflate((chunk, final) => take(chunk, final));
    for (let i = 0; i < data.length && !stop; i += CHUNK)
      inflate.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof TooLarge || err instanceof XlsxFormatError) throw err;
    throw new XlsxFormatError("badPart", XLSX_TEXT.badPart(e.name), { cause: err });
  }
}

/** The whole text of an entry, within the caps. */
export function entryText(zip: ZipIndex, e: ZipEntry, budget: InflateBudget): string {
  const pieces: string[] = [];
  streamText(zip, e, budget, (t) => {
    pieces.push(t);
  });
  return pieces.join("");
}

// ---------------------------------------------------------------------------------------------
// Writing

let crcTable: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

interface OutEntry {
  name: Uint8Array;
  e: Pick<
    ZipEntry,
    | "versionMadeBy"
    | "versionNeeded"
    | "flags"
    | "method"
    | "time"
    | "date"
    | "crc"
    | "compressedSize"
    | "size"
    | "internalAttrs"
    | "externalAttrs"
  >;
  data: Uint8Array;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An entry to add: its content (deflated here), or content already deflated with its size and CRC. */
export interface CompressedEntry {
  name: string;
  compressed: Uint8Array;
  size: number;
  crc: number;
}
export type AddedEntry = [string, Uint8Array] | CompressedEntry;

/**
 * A new package: every entry of `zip` in its order, untouched ones with their compressed bytes as
 * they are, `replaced` ones (name → new content; null = drop) deflated anew, then `added` entries.
 * Local headers are rewritten from the central directory (no data descriptors, no extra fields).
 */
export function writeZip(
  zip: ZipIndex,
  replaced: Map<string, Uint8Array | null>,
  added: AddedEntry[],
  now = new Date(),
): Uint8Array {
  const enc = new TextEncoder();
  const stamp = dosTime(now);
  const fresh = (name: string, content: Uint8Array, like?: ZipEntry): OutEntry => {
    const data = deflateSync(content, { level: 6 });
    return {
      name: enc.encode(name),
      e: {
        versionMadeBy: like?.versionMadeBy ?? 20,
        versionNeeded: 20,
        flags: 0x0800, // names in UTF-8
        method: 8,
        time: like?.time ?? stamp.time,
        date: like?.date ?? stamp.date,
        crc: crc32(content),
        compressedSize: data.length,
        size: content.length,
        internalAttrs: like?.internalAttrs ?? 0,
        externalAttrs: like?.externalAttrs ?? 0,
      },
      data,
    };
  };
  const out: OutEntry[] = [];
  for (const e of zip.entries) {
    if (replaced.has(e.name)) {
      const content = replaced.get(e.name);
      if (content) out.push(fresh(e.name, content, e));
      continue;
    }
    out.push({ name: enc.encode(e.name), e: { ...e, flags: e.flags & ~0x0008 }, data: rawData(zip, e) });
  }
  for (const a of added) {
    if (Array.isArray(a)) out.push(fresh(a[0], a[1]));
    else {
      out.push({
        name: enc.encode(a.name),
        e: {
          versionMadeBy: 20,
          versionNeeded: 20,
          flags: 0x0800,
          method: 8,
          time: stamp.time,
          date: stamp.date,
          crc: a.crc,
          compressedSize: a.compressed.length,
          size: a.size,
          internalAttrs: 0,
          externalAttrs: 0,
        },
        data: a.compressed,
      });
    }
  }

  let size = 22;
  for (const o of out) size += 30 + o.name.length + o.data.length + 46 + o.name.length;
  if (size > 0xffffffff || out.length > 0xffff) throw new XlsxFormatError("tooLarge", XLSX_TEXT.tooLargeToWrite);
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const o of out) {
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, o.e.versionNeeded, true);
    view.setUint16(p + 6, o.e.flags, true);
    view.setUint16(p + 8, o.e.method, true);
    view.setUint16(p + 10, o.e.time, true);
    view.setUint16(p + 12, o.e.date, true);
    view.setUint32(p + 14, o.e.crc, true);
    view.setUint32(p + 18, o.e.compressedSize, true);
    view.setUint32(p + 22, o.e.size, true);
    view.setUint16(p + 26, o.name.length, true);
    view.setUint16(p + 28, 0, true);
    buf.set(o.name, p + 30);
    buf.set(o.data, p + 30 + o.name.length);
    p += 30 + o.name.length + o.data.length;
  }
  const dir = p;
  out.forEach((o, i) => {
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, o.e.versionMadeBy, true);
    view.setUint16(p + 6, o.e.versionNeeded, true);
    view.setUint16(p + 8, o.e.flags, true);
    view.setUint16(p + 10, o.e.method, true);
    view.setUint16(p + 12, o.e.time, true);
    view.setUint16(p + 14, o.e.date, true);
    view.setUint32(p + 16, o.e.crc, true);
    view.setUint32(p + 20, o.e.compressedSize, true);
    view.setUint32(p + 24, o.e.size, true);
    view.setUint16(p + 28, o.name.length, true);
    view.setUint16(p + 30, 0, true);
    view.setUint16(p + 32, 0, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, o.e.internalAttrs, true);
    view.setUint32(p + 38, o.e.externalAttrs, true);
    view.setUint32(p + 42, offsets[i], true);
    buf.set(o.name, p + 46);
    p += 46 + o.name.length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, out.length, true);
  view.setUint16(p + 10, out.length, true);
  view.setUint32(p + 12, p - dir, true);
  view.setUint32(p + 16, dir, true);
  return buf;
}
