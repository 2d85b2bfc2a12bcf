/**
 * The OPC package level: zip entries, relationships, and where the workbook, its sheets, shared
 * strings and styles live. Shared by the reader and the writer.
 */
import { XLSX_TEXT } from "../../text/xlsx";
import { XlsxFormatError } from "./errors";
import { attrValue, childElements, findRootStart, findStartTag, readElement, type Attr } from "./xml";
import { entryText, PendingTooLong, readZip, streamText, TooLarge, type InflateBudget, type ZipIndex } from "./zip";

export const REL_NS = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

/** Relationship types by their last path segment, so Strict (purl.oclc.org) files match too. */
function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** A child element of a parent found by local names (any namespace prefix), with its attributes decoded on demand. */
export interface XmlElement {
  attrs: Attr[];
  /** Raw (undecoded) content; "" for a self-closing element. */
  inner: string;
}

/**
 * The `child` elements directly inside the first `parent` element (the package's small parts:
 * workbook.xml, rels, styles). A text scan like the sheets', not a DOM: a few hundred times
 * faster on these parts, and one less library in the bundle.
 */
export function elementsIn(xml: string, parent: string, child: string): XmlElement[] {
  const at = findStartTag(xml, parent, 0);
  if (at < 0) return [];
  const p = readElement(xml, at);
  if (p.selfClosing) return [];
  return childElements(xml, p.openEnd, p.closeStart)
    .filter((e) => e.local === child)
    .map((e) => ({ attrs: e.attrs, inner: e.selfClosing ? "" : xml.slice(e.openEnd, e.closeStart) }));
}

/** An attribute's decoded value by local name. */
export function attr(el: XmlElement, local: string): string | undefined {
  return attrValue(el.attrs, local);
}

/**
 * What the reader may inflate: per part and in total. A workbook past these is refused as too
 * large or damaged (zip bombs included) instead of exhausting memory; sheets are read only as far
 * as needed (read.ts), so a big data sheet costs its first rows, not these caps.
 */
export interface XlsxLimits {
  /** Inflated bytes of one part. */
  partBytes: number;
  /** Inflated bytes of all parts read. */
  totalBytes: number;
  /** Cells kept in the snapshot. */
  cells: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  partBytes: 128 * 1024 * 1024,
  totalBytes: 384 * 1024 * 1024,
  cells: 250_000,
};

/** A package open for reading: its zip directory (entry names matched case-insensitively) and the inflation budget. */
export interface Pkg {
  zip: ZipIndex;
  /** Lower-cased entry name → actual name (OPC names are case-insensitive). */
  byLower: Map<string, string>;
  budget: InflateBudget;
  limits: XlsxLimits;
  /** Parts read whose text began with a byte-order mark (a rewrite keeps it). */
  bom: Set<string>;
}

export function openPackage(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): Pkg {
  const zip = readZip(bytes);
  const byLower = new Map<string, string>();
  for (const e of zip.entries) if (!byLower.has(e.name.toLowerCase())) byLower.set(e.name.toLowerCase(), e.name);
  const all = { ...DEFAULT_LIMITS, ...limits };
  return {
    zip,
    byLower,
    budget: { partBytes: all.partBytes, totalBytes: all.totalBytes, used: 0 },
    limits: all,
    bom: new Set(),
  };
}

function tooLarge(part: string, limits: XlsxLimits, cause: unknown): XlsxFormatError {
  if (cause instanceof PendingTooLong)
    return new XlsxFormatError("tooLarge", XLSX_TEXT.pendingTooLong(part, Math.round(cause.chars / 1024 / 1024)), {
      cause,
    });
  return new XlsxFormatError("tooLarge", XLSX_TEXT.partTooLarge(part, Math.round(limits.partBytes / 1024 / 1024)), {
    cause,
  });
}

/** The whole text of a part (actual entry name), within the caps. */
export function partText(pkg: Pkg, part: string): string {
  const e = pkg.zip.byName.get(part);
  if (!e) throw new XlsxFormatError("badPart", XLSX_TEXT.badPart(part));
  try {
    const text = entryText(pkg.zip, e, pkg.budget);
    if (text.charCodeAt(0) !== 0xfeff) return text;
    pkg.bom.add(part);
    return text.slice(1);
  } catch (err) {
    if (err instanceof TooLarge) throw tooLarge(part, pkg.limits, err);
    throw err;
  }
}

/** Streams a part's text; `onText` returns true to stop (see zip.ts streamText). */
export function streamPart(pkg: Pkg, part: string, onText: (text: string, final: boolean) => boolean | void): void {
  const e = pkg.zip.byName.get(part);
  if (!e) throw new XlsxFormatError("badPart", XLSX_TEXT.badPart(part));
  try {
    streamText(pkg.zip, e, pkg.budget, onText);
  } catch (err) {
    if (err instanceof TooLarge) throw tooLarge(part, pkg.limits, err);
    throw err;
  }
}

/** Resolves a relationship target against the folder of its source part; "" = package root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.map((s) => safeDecodeUri(s)).join("/");
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  kind: string;
  target: string;
  /** Resolved part name (no leading "/"), undefined for external targets. */
  part?: string | undefined;
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const root = findRootStart(xml);
  if (root < 0) throw new Error("no root element");
  return elementsIn(xml, readElement(xml, root).local, "Relationship").map((r) => {
    const target = attr(r, "Target") ?? "";
    const external = attr(r, "TargetMode") === "External";
    return {
      id: attr(r, "Id") ?? "",
      kind: relKind(attr(r, "Type") ?? ""),
      target,
      part: external ? undefined : resolveTarget(sourcePart, target),
    };
  });
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Actual zip entry name of the sheet part, undefined when missing (chartsheets included). */
  part?: string | undefined;
  /** Resolved part name, even when the entry is missing. */
  partName?: string | undefined;
  kind: string;
}

export interface PackageInfo {
  pkg: Pkg;
  workbookPart: string;
  workbookRelsPart?: string | undefined;
  workbookXml: string;
  rels: Relationship[];
  sheets: SheetEntry[];
  sharedStringsPart?: string | undefined;
  stylesPart?: string | undefined;
  calcChainPart?: string | undefined;
}

/** Actual entry name of a part name, case-insensitively; undefined when absent. */
export function entryName(pkg: Pkg, part: string | undefined): string | undefined {
  return part === undefined ? undefined : pkg.byLower.get(part.toLowerCase());
}

/**
 * Locates the workbook part (via _rels/.rels, falling back to xl/workbook.xml) and its sheets.
 */
export function readPackage(pkg: Pkg): PackageInfo {
  const rootRels = entryName(pkg, "_rels/.rels");
  let workbookPart: string | undefined;
  if (rootRels) {
    const rel = safeParse(rootRels, () => parseRels(partText(pkg, rootRels), ""));
    const office = rel.find((r) => r.kind === "officeDocument" && r.part);
    workbookPart = entryName(pkg, office?.part);
  }
  workbookPart ??= entryName(pkg, "xl/workbook.xml");
  if (!workbookPart) throw new XlsxFormatError("noWorkbook", XLSX_TEXT.noWorkbook);

  const workbookRelsPart = entryName(pkg, relsPathOf(workbookPart));
  const workbookXml = partText(pkg, workbookPart);
  const root = safeParse(workbookPart, () => {
    const at = findRootStart(workbookXml);
    return at < 0 ? undefined : readElement(workbookXml, at);
  });
  if (!root || root.local !== "workbook") throw new XlsxFormatError("noWorkbook", XLSX_TEXT.noWorkbook);
  const rels = workbookRelsPart
    ? safeParse(workbookRelsPart, () => parseRels(partText(pkg, workbookRelsPart), workbookPart))
    : [];
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sheetEls = safeParse(workbookPart, () => elementsIn(workbookXml, "sheets", "sheet"));
  const sheets: SheetEntry[] = sheetEls.map((s) => {
    const relId = attr(s, "id") ?? "";
    const rel = relById.get(relId);
    return {
      name: attr(s, "name") ?? "",
      sheetId: Number(attr(s, "sheetId") ?? 0),
      relId,
      part: entryName(pkg, rel?.part),
      partName: rel?.part,
      kind: rel?.kind ?? "",
    };
  });
  const byKind = (kind: string) => entryName(pkg, rels.find((r) => r.kind === kind)?.part);
  return {
    pkg,
    workbookPart,
    workbookRelsPart,
    workbookXml,
    rels,
    sheets,
    sharedStringsPart: byKind("sharedStrings"),
    stylesPart: byKind("styles"),
    calcChainPart: byKind("calcChain"),
  };
}

export function safeParse<T>(part: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxFormatError) throw e;
    throw new XlsxFormatError("badPart", XLSX_TEXT.badPart(part), { cause: e });
  }
}
