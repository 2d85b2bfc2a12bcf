/**
 * Part of `npm run lint`: every key of the Chinese text modules (src/text) is used somewhere, so
 * text that no screen shows any more is deleted rather than translated and reviewed forever.
 *
 * A key counts as used when `.key` (or `key:` inside another text module, or `text.key` in a page
 * template) appears in the sources. Objects read by a computed key (`kinds[kind]`, `FIELD[field]`)
 * are maps: their entries are data and are not checked one by one.
 * Prints one line per unused key and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..");
const TEXT = join(ROOT, "src/text");

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

const sources = [...files(join(ROOT, "src"), /\.(ts|tsx|html)$/), ...files(join(ROOT, "scripts"), /\.(ts|tsx)$/)]
  .filter((f) => f !== __filename)
  .map((f) => ({ file: f, text: readFileSync(f, "utf8") }));
const corpus = sources.map((s) => s.text).join("\n");

/** Names read with a computed key somewhere: `name[`. */
function isMap(name: string): boolean {
  return new RegExp(`\\b${name}\\[`).test(corpus);
}

const unused: string[] = [];
function walk(value: unknown, path: string[], file: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  const name = path[path.length - 1];
  if (isMap(name)) return;
  for (const [key, child] of Object.entries(value)) {
    const used = new RegExp(`\\.${key}\\b|\\b${key}\\s*[:,}]|\\["${key}"\\]`).test(
      corpus.replace(new RegExp(`^\\s*${key}\\s*:`, "gm"), ""),
    );
    if (!used) unused.push(`${relative(ROOT, file)}: ${[...path, key].join(".")}`);
    else walk(child, [...path, key], file);
  }
}

for (const f of files(TEXT, /\.(ts|json)$/)) {
  const mod = f.endsWith(".json")
    ? { [f.split("/").pop()!.replace(".json", "")]: JSON.parse(readFileSync(f, "utf8")) as unknown }
    : (require(f) as Record<string, unknown>);
  for (const [name, value] of Object.entries(mod)) walk(value, [name], f);
}

for (const u of unused) console.log(`unused text: ${u}`);
if (unused.length) {
  console.log(`${unused.length} unused text keys: delete them (or use them).`);
  process.exitCode = 1;
}
