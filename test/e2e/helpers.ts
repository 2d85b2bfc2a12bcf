/**
 * Shared by the browser tests: the production build (made once into a temp folder, or reused from
 * PE_E2E_DIST), a tiny static server on 127.0.0.1, and Debian's headless Chromium.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser } from "playwright-core";
import { fakeFromXlsx } from "../fakes/fromSnapshot";
import type { BenchWorkbook } from "../../scripts/bench-shell/excel-host";

export const ROOT = join(__dirname, "..", "..");
export const RESULTS = join(ROOT, "test-results");
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Built {
  dir: string;
  /** Removes the folder when this helper made it. */
  dispose(): void;
}

/** `npm run build` output: PE_E2E_DIST when set (already built), else a fresh production build. */
export function build(): Built {
  const given = process.env.PE_E2E_DIST;
  if (given) return { dir: given, dispose: () => {} };
  const dir = buildInto("pe-e2e-");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A production build into a new temporary folder (its path returned), with extra `--env` settings. */
export function buildInto(prefix: string, env: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const args = ["--mode", "production", "--env", `outdir=${dir}`, ...env.flatMap((e) => ["--env", e])];
  execFileSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), ...args], {
    cwd: ROOT,
    stdio: "pipe",
  });
  return dir;
}

export interface Served {
  base: string;
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const file = normalize(join(dir, decodeURIComponent((req.url ?? "/").split("?")[0])));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/**
 * office.js inside "Office" for the bench and the browser tests: the scripted Excel of the bench's
 * build (`buildInto(…, ["shell"])`, scripts/bench-shell/excel-host.ts) holding the workbook `xlsx`,
 * read here in Node so the page spends no time on it.
 */
export function scriptedExcel(benchDir: string, xlsx: string): string {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(xlsx)));
  const workbook: BenchWorkbook = {
    sheets: data.sheets.map((s) => ({ name: s.name, merges: s.merges, cells: [...s.cells] })),
    names: data.names,
  };
  return `window.__peBenchWorkbook = ${JSON.stringify(workbook)};\n${readFileSync(join(benchDir, "excel-host.js"), "utf8")}`;
}

/** What office.js does in a plain browser: onReady resolves with no host. */
export const OFFICE_OUTSIDE_HOST =
  "window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };";

export interface Session {
  dir: string;
  base: string;
  browser: Browser;
}

/**
 * The usual frame of a browser test file: the build, served, and one Chromium, set up in
 * beforeAll and torn down in afterAll. The returned object is filled in by beforeAll.
 */
export function browserSession(): Session {
  const session = {} as Session;
  let built: Built | undefined;
  let served: Served | undefined;
  beforeAll(async () => {
    built = build();
    served = await serve(built.dir);
    session.dir = built.dir;
    session.base = served.base;
    session.browser = await launch();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await served?.close();
    built?.dispose();
  });
  return session;
}
