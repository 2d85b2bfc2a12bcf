/** Test helpers: zip entry access and small text edits of packages. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function entryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

export function entryText(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!data) throw new Error(`no entry ${name}`);
  return strFromU8(data);
}

/** Rewrites some entries' text (in place order), for building edge-case packages. */
export function editEntries(bytes: Uint8Array, edit: Record<string, (xml: string) => string | null>): Uint8Array {
  const files = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    const fn = edit[name];
    if (!fn) {
      out[name] = data;
      continue;
    }
    const next = fn(strFromU8(data));
    if (next !== null) out[name] = strToU8(next);
  }
  return zipSync(out);
}

/** A minimal package from part texts (insertion order kept). */
export function makePackage(parts: Record<string, string>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) out[name] = strToU8(text);
  return zipSync(out);
}

export const CT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** Parts of a one- or two-sheet workbook whose XML we control fully. */
export function basicParts(opts: {
  sheet1: string;
  sheet2?: string;
  workbookInner?: string;
  prefix?: string;
  calcChain?: string;
  sharedStrings?: string;
  styles?: string;
}): Record<string, string> {
  const p = opts.prefix ?? "";
  const ns = p ? `xmlns:${p.slice(0, -1)}` : "xmlns";
  const sheets =
    `<${p}sheet name="表一" sheetId="1" r:id="rId1"/>` +
    (opts.sheet2 !== undefined ? `<${p}sheet name="表二" sheetId="2" r:id="rId2"/>` : "");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      CT_HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      (opts.sheet2 !== undefined
        ? `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        : "") +
      (opts.calcChain
        ? `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`
        : "") +
      `</Types>`,
    "_rels/.rels":
      CT_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      CT_HEAD +
      `<${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<${p}sheets>${sheets}</${p}sheets>${opts.workbookInner ?? ""}</${p}workbook>`,
    "xl/_rels/workbook.xml.rels":
      CT_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
      (opts.sheet2 !== undefined
        ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>`
        : "") +
      (opts.calcChain
        ? `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>`
        : "") +
      (opts.sharedStrings
        ? `<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : "") +
      (opts.styles
        ? `<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
        : "") +
      `</Relationships>`,
    "xl/worksheets/sheet1.xml": opts.sheet1,
  };
  if (opts.sheet2 !== undefined) parts["xl/worksheets/sheet2.xml"] = opts.sheet2;
  if (opts.calcChain) parts["xl/calcChain.xml"] = opts.calcChain;
  if (opts.sharedStrings) parts["xl/sharedStrings.xml"] = opts.sharedStrings;
  if (opts.styles) parts["xl/styles.xml"] = opts.styles;
  return parts;
}

export function worksheet(sheetData: string, prefix = "", extra = ""): string {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns";
  return (
    CT_HEAD +
    `<${prefix}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${sheetData}${extra}</${prefix}worksheet>`
  );
}
