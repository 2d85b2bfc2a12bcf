/**
 * Small string-level XML helpers. The sheet parts are scanned and patched as text (not parsed
 * and re-serialised) so that everything we do not touch stays byte-identical.
 */

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[body] ?? m;
  });
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` in string content (ST_Xstring). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content of string elements (<t>, <v> of t="str"): entities, then OOXML escapes. */
export function decodeText(s: string): string {
  return decodeOoxmlEscapes(decodeXml(s));
}

// XML 1.0 forbids most C0 controls even as character references, so OOXML escapes them as _xHHHH_.
// A literal "_xHHHH_" in the text must itself be escaped (its "_" becomes _x005F_) to survive.
// Lone surrogates are also not XML characters. (Matching control characters is the point here.)
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex
  /_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** Escapes text for element content of a string cell (<t>). */
export function encodeText(s: string): string {
  const ooxml = s.replace(UNSAFE_TEXT, (m) => (m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${hex4(m.charCodeAt(0))}_`));
  return ooxml.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Escapes an attribute value (double-quoted). */
export function encodeAttr(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Attr {
  /** Qualified name as written, e.g. "r", "r:id", "xml:space". */
  name: string;
  /** Raw (still escaped) value. */
  raw: string;
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag's text (everything between the name and ">"). */
export function parseAttrs(tagText: string): Attr[] {
  const out: Attr[] = [];
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tagText))) out.push({ name: m[1], raw: m[2] ?? m[3] ?? "" });
  return out;
}

/** Looks an attribute up by local name (ignoring any prefix other than xml:/xmlns:). */
export function attrValue(attrs: Attr[], local: string): string | undefined {
  for (const a of attrs) {
    const colon = a.name.indexOf(":");
    const name = colon < 0 ? a.name : a.name.slice(colon + 1);
    if (name === local && (colon < 0 || !a.name.startsWith("xml"))) return decodeXml(a.raw);
  }
  return undefined;
}

/** Index just past the ">" of the tag that starts at `lt` (quotes in attribute values may hold ">"). */
export function tagEnd(xml: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i + 1;
    }
  }
  return -1;
}

export interface Element {
  /** Namespace prefix with its colon ("x:") or "". */
  prefix: string;
  local: string;
  /** Index of "<". */
  start: number;
  /** Index just past the start tag's ">". */
  openEnd: number;
  /** Index just past the element (after "/>" or the end tag). */
  end: number;
  /** Start of the end tag ("</…>"), or openEnd when self-closing. */
  closeStart: number;
  selfClosing: boolean;
  attrs: Attr[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const closeRes = new Map<string, RegExp>();
function closeTagRe(qname: string): RegExp {
  let re = closeRes.get(qname);
  if (!re) closeRes.set(qname, (re = new RegExp(`</${escapeRe(qname)}\\s*>`, "g")));
  return re;
}

/**
 * Reads the element whose start tag begins at `lt`. The end tag is found by name, which is safe
 * for the elements we use it on (row, c, sheetData, …): they never nest in themselves.
 */
export function readElement(xml: string, lt: number): Element {
  const openEnd = tagEnd(xml, lt);
  if (openEnd < 0) throw new Error(`unterminated tag at ${lt}`);
  const nameMatch = /^<([^\s/>]+)/.exec(xml.slice(lt, Math.min(lt + 200, openEnd)));
  const qname = nameMatch ? nameMatch[1] : "";
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon + 1);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  const selfClosing = xml[openEnd - 2] === "/";
  const attrs = parseAttrs(xml.slice(lt + 1 + qname.length, selfClosing ? openEnd - 2 : openEnd - 1));
  if (selfClosing) return { prefix, local, start: lt, openEnd, end: openEnd, closeStart: openEnd, selfClosing, attrs };
  const closeRe = closeTagRe(qname);
  closeRe.lastIndex = openEnd;
  const close = closeRe.exec(xml);
  if (!close) throw new Error(`no end tag for <${qname}> at ${lt}`);
  return {
    prefix,
    local,
    start: lt,
    openEnd,
    end: close.index + close[0].length,
    closeStart: close.index,
    selfClosing,
    attrs,
  };
}

const startRes = new Map<string, RegExp>();

/**
 * Finds the next start tag with the given local name (any prefix) at or after `from`, before
 * `limit`. Skips comments, processing instructions and CDATA.
 */
export function findStartTag(xml: string, local: string, from: number, limit = xml.length): number {
  let re = startRes.get(local);
  if (!re)
    startRes.set(
      local,
      (re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escapeRe(local)}(?=[\\s/>])|<!--|<!\\[CDATA\\[|<\\?`, "g")),
    );
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(xml);
    if (!m || m.index >= limit) return -1;
    if (m[0] === "<!--") re.lastIndex = skipTo(xml, "-->", m.index);
    else if (m[0] === "<![CDATA[") re.lastIndex = skipTo(xml, "]]>", m.index);
    else if (m[0] === "<?") re.lastIndex = skipTo(xml, "?>", m.index);
    else return m.index;
  }
}

function skipTo(xml: string, end: string, from: number): number {
  const i = xml.indexOf(end, from);
  return i < 0 ? xml.length : i + end.length;
}

/** Direct child elements of the element spanning [from, to) (content only). */
export function childElements(xml: string, from: number, to: number): Element[] {
  const out: Element[] = [];
  let i = from;
  while (i < to) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) break;
    const next = xml[lt + 1];
    if (next === "!") {
      i = xml.startsWith("<!--", lt) ? skipTo(xml, "-->", lt) : skipTo(xml, "]]>", lt);
      continue;
    }
    if (next === "?") {
      i = skipTo(xml, "?>", lt);
      continue;
    }
    if (next === "/") break; // end tag of the parent
    const el = readElement(xml, lt);
    out.push(el);
    i = el.end;
  }
  return out;
}

/** Index of the root element's "<". */
export function findRootStart(xml: string): number {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return -1;
    const next = xml[lt + 1];
    if (next === "?") i = skipTo(xml, "?>", lt);
    else if (next === "!") i = xml.startsWith("<!--", lt) ? skipTo(xml, "-->", lt) : tagEnd(xml, lt);
    else return lt;
  }
}
