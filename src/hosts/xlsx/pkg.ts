/**
 * The OPC package level: zip entries, relationships, and where the workbook, its sheets, shared
 * strings and styles live. Shared by the reader and the writer.
 */
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { XLSX_TEXT } from "../../text/xlsx";
import { XlsxFormatError } from "./errors";
import { decodeXml as decodeEntities } from "./xml";

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

export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded by decodeXml where a value is used: one decoder for parser and scanner.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/** Every parsed element is an array (isArray above); this picks the first or an empty object. */
export type XmlNode = Record<string, unknown>;
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === "string" ? v : undefined;
}
export function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object") return textOf((node as XmlNode)["#text"]);
  return "";
}

const UTF8_BOM = "\ufeff";

/** Zip entry names in central-directory order, with a case-insensitive index (OPC names are case-insensitive). */
export interface EntryIndex {
  names: string[];
  byLower: Map<string, string>;
}

function wrapZipError(bytes: Uint8Array, e: unknown): XlsxFormatError {
  if (bytes.length === 0) return new XlsxFormatError("empty", XLSX_TEXT.empty, { cause: e });
  return new XlsxFormatError("notZip", XLSX_TEXT.notZip, { cause: e });
}

export function listEntries(bytes: Uint8Array): EntryIndex {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new XlsxFormatError("empty", XLSX_TEXT.empty);
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw wrapZipError(bytes, e);
  }
  const byLower = new Map<string, string>();
  for (const n of names) if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), n);
  return { names, byLower };
}

/** Decompresses only the named entries (actual names, as in EntryIndex). */
export function extract(bytes: Uint8Array, wanted: Iterable<string>): Map<string, Uint8Array> {
  const set = new Set(wanted);
  try {
    const files = unzipSync(bytes, { filter: (f) => set.has(f.name) });
    return new Map(Object.entries(files));
  } catch (e) {
    throw wrapZipError(bytes, e);
  }
}

export function decodeUtf8(data: Uint8Array): string {
  const s = strFromU8(data);
  return s.startsWith(UTF8_BOM) ? s.slice(1) : s;
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
  part?: string;
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const doc = xmlParser.parse(xml) as XmlNode;
  const rels = child(doc, "Relationships");
  return children(rels, "Relationship").map((r) => {
    const target = decodeEntities(attr(r, "Target") ?? "");
    const external = attr(r, "TargetMode") === "External";
    return {
      id: decodeEntities(attr(r, "Id") ?? ""),
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
  part?: string;
  /** Resolved part name, even when the entry is missing. */
  partName?: string;
  kind: string;
}

export interface PackageInfo {
  entries: EntryIndex;
  workbookPart: string;
  workbookRelsPart?: string;
  workbookXml: string;
  workbookDoc: XmlNode;
  rels: Relationship[];
  sheets: SheetEntry[];
  sharedStringsPart?: string;
  stylesPart?: string;
  calcChainPart?: string;
}

/** Actual entry name of a part name, case-insensitively; undefined when absent. */
export function entryName(entries: EntryIndex, part: string | undefined): string | undefined {
  return part === undefined ? undefined : entries.byLower.get(part.toLowerCase());
}

/**
 * Locates the workbook part (via _rels/.rels, falling back to xl/workbook.xml) and its sheets.
 */
export function readPackage(bytes: Uint8Array, entries = listEntries(bytes)): PackageInfo {
  const rootRels = entryName(entries, "_rels/.rels");
  let workbookPart: string | undefined;
  const first = extract(bytes, [rootRels, entryName(entries, "xl/workbook.xml")].filter((x): x is string => !!x));
  if (rootRels && first.has(rootRels)) {
    const rel = safeParse(rootRels, () => parseRels(decodeUtf8(first.get(rootRels)!), ""));
    const office = rel.find((r) => r.kind === "officeDocument" && r.part);
    workbookPart = entryName(entries, office?.part);
  }
  workbookPart ??= entryName(entries, "xl/workbook.xml");
  if (!workbookPart) throw new XlsxFormatError("noWorkbook", XLSX_TEXT.noWorkbook);

  const workbookRelsPart = entryName(entries, relsPathOf(workbookPart));
  const parts = extract(bytes, [workbookPart, ...(workbookRelsPart ? [workbookRelsPart] : [])]);
  const workbookXml = decodeUtf8(parts.get(workbookPart)!);
  const workbookDoc = safeParse(workbookPart, () => xmlParser.parse(workbookXml) as XmlNode);
  const wb = child(workbookDoc, "workbook");
  if (!wb) throw new XlsxFormatError("noWorkbook", XLSX_TEXT.noWorkbook);
  const rels = workbookRelsPart
    ? safeParse(workbookRelsPart, () => parseRels(decodeUtf8(parts.get(workbookRelsPart)!), workbookPart!))
    : [];
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sheets: SheetEntry[] = children(child(wb, "sheets"), "sheet").map((s) => {
    const relId = decodeEntities(attr(s, "id") ?? "");
    const rel = relById.get(relId);
    return {
      name: decodeEntities(attr(s, "name") ?? ""),
      sheetId: Number(attr(s, "sheetId") ?? 0),
      relId,
      part: entryName(entries, rel?.part),
      partName: rel?.part,
      kind: rel?.kind ?? "",
    };
  });
  const byKind = (kind: string) => entryName(entries, rels.find((r) => r.kind === kind)?.part);
  return {
    entries,
    workbookPart,
    workbookRelsPart,
    workbookXml,
    workbookDoc,
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
