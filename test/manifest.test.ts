/**
 * Offline checks of manifest.xml (`office-addin-manifest validate` needs the internet):
 * well-formed, OfficeApp children in schema order, resids defined once and all used, URLs https
 * under the dev host, icons present at their declared pixel sizes, a GUID Id, zh-CN overrides.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "..");
const XML = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const HOST = "https://localhost:3000/";

type Node = Record<string, unknown>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@" }).parse(
  XML,
) as Node[];
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true }).parse(
  XML,
) as Node;

function tagOf(n: Node): string | undefined {
  return Object.keys(n).find((k) => k !== ":@" && k !== "#text" && k !== "#comment" && k !== "?xml");
}

/** Every element with its attributes, depth first. */
function walk(nodes: Node[], visit: (tag: string, attrs: Record<string, string>, children: Node[]) => void): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag) continue;
    const children = n[tag] as Node[];
    visit(tag, (n[":@"] as Record<string, string>) ?? {}, children);
    walk(children, visit);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  test("is well-formed XML (fast-xml-parser, and xmllint when installed)", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    if (existsSync("/usr/bin/xmllint")) execFileSync("/usr/bin/xmllint", ["--noout", join(ROOT, "manifest.xml")]);
  });

  test("OfficeApp children are in the schema's order", () => {
    const app = ordered.find((n) => tagOf(n) === "OfficeApp")!;
    const children = (app.OfficeApp as Node[]).map(tagOf).filter((t): t is string => !!t);
    expect(children).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    expect((app[":@"] as Record<string, string>)["@xsi:type"]).toBe("TaskPaneApp");
  });

  test("Id is a GUID; version, permissions, host and requirement set as required", () => {
    const app = (doc.OfficeApp as Node[])[0];
    const text = (k: string) => String((app[k] as unknown[])[0]);
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text("DefaultLocale")).toBe("en-US");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(XML).toContain('<Host Name="Workbook"/>');
    expect(XML).toMatch(/<Sets DefaultMinVersion="1.13">\s*<Set Name="ExcelApi" MinVersion="1.13"\/>\s*<\/Sets>/);
    expect(XML).toContain("<FunctionName>rescore</FunctionName>");
    expect(XML).toMatch(/<OfficeTab id="TabHome">/);
  });

  test("every resid is defined exactly once and every resource is used", () => {
    const defined: string[] = [];
    const used = new Set<string>();
    walk(ordered, (tag, attrs) => {
      if (/^bt:(Image|Url|String)$/.test(tag) && attrs["@id"]) defined.push(attrs["@id"]);
      if (attrs["@resid"]) used.add(attrs["@resid"]);
    });
    expect(defined.length).toBe(new Set(defined).size);
    expect([...used].sort()).toEqual([...new Set(defined)].sort());
  });

  test("every display string has exactly one zh-CN override", () => {
    const missing: string[] = [];
    walk(ordered, (tag, attrs, children) => {
      const localisable = tag === "DisplayName" || tag === "Description" ? !attrs["@resid"] : tag === "bt:String";
      if (!localisable) return;
      const overrides = children.filter((c) => tagOf(c) === "Override" || tagOf(c) === "bt:Override");
      const zh = overrides.filter((c) => (c[":@"] as Record<string, string>)["@Locale"] === "zh-CN");
      if (zh.length !== 1) missing.push(attrs["@id"] ?? tag);
    });
    expect(missing).toEqual([]);
    expect(XML).toContain('<Override Locale="zh-CN" Value="绩效自评"/>');
    for (const label of ["重新评分", "打开面板"]) expect(XML).toContain(`Value="${label}"`);
  });

  test("every URL is https under the dev host; icons exist with their declared sizes", () => {
    const urls: string[] = [];
    walk(ordered, (tag, attrs, children) => {
      const v = attrs["@DefaultValue"] ?? attrs["@Value"];
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      if (tag === "AppDomain") urls.push(String(children[0]["#text"]) + "/");
    });
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(HOST)).toBe(true);

    const sizes: Record<string, number> = {};
    walk(ordered, (tag, attrs) => {
      if (tag === "bt:Image" && attrs["@id"])
        sizes[attrs["@DefaultValue"]] = Number(/(\d+)x\d+/.exec(attrs["@id"])![1]);
    });
    const app = (doc.OfficeApp as Node[])[0];
    const iconUrl = (app.IconUrl as Node[])[0]["@DefaultValue"] as string;
    const hiRes = (app.HighResolutionIconUrl as Node[])[0]["@DefaultValue"] as string;
    sizes[iconUrl] = 32;
    sizes[hiRes] = 64;
    for (const [url, size] of Object.entries(sizes)) {
      const file = join(ROOT, url.slice(HOST.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const s of [16, 32, 64, 80, 128])
      expect(pngSize(join(ROOT, `assets/icon-${s}.png`))).toEqual({ width: s, height: s });
  });
});
