/**
 * Preview mode's samples (src/taskpane/preview/sample.ts): the build's snapshot is used only when
 * it is of the bytes fetched; missing, stale or damaged, the pane reads the bytes itself. And the
 * build step (scripts/sample-snapshots.ts) writes the reader's own reading with the bytes' SHA-256.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { readXlsx } from "../../src/hosts/xlsx";
import { fetchSample, fingerprint, sampleUrls } from "../../src/taskpane/preview/sample";
import { sampleSnapshotJson } from "../../scripts/sample-snapshots";
import { SEED_000, SEED_004 } from "./helpers";

const BYTES = new Uint8Array(readFileSync(SEED_004));
const FILE = "seed-004-city-2021.xlsx";

/** A server of `routes` (url → response, or a thrown network error). */
function serve(routes: Record<string, () => Response>): jest.SpyInstance {
  return jest.spyOn(globalThis, "fetch").mockImplementation((input) => {
    const route = routes[input as string]; // fetchSample asks by URL string
    return route ? Promise.resolve().then(route) : Promise.resolve(new Response("", { status: 404 }));
  });
}

afterEach(() => jest.restoreAllMocks());

test("the fingerprint is the bytes' SHA-256, in hex", async () => {
  expect(await fingerprint(BYTES)).toBe(createHash("sha256").update(BYTES).digest("hex"));
  expect(await fingerprint(new Uint8Array(readFileSync(SEED_000)))).not.toBe(await fingerprint(BYTES));
});

test("the build step writes the reader's reading of the bytes with their fingerprint", async () => {
  const written = JSON.parse(await sampleSnapshotJson(BYTES)) as { fingerprint: string; snapshot: unknown };
  expect(written.fingerprint).toBe(createHash("sha256").update(BYTES).digest("hex"));
  expect(written.snapshot).toEqual(readXlsx(BYTES));
});

test("a sample with the snapshot of its bytes opens from the snapshot", async () => {
  const urls = sampleUrls(FILE);
  expect(urls).toEqual({ bytes: `samples/${FILE}`, snapshot: `samples/${FILE}.snapshot.json` });
  const json = await sampleSnapshotJson(BYTES);
  serve({ [urls.bytes]: () => new Response(BYTES), [urls.snapshot]: () => new Response(json) });
  const sample = await fetchSample(FILE);
  expect(sample.bytes).toEqual(BYTES);
  expect(sample.snapshot).toEqual(readXlsx(BYTES));
});

test.each([
  ["missing", () => new Response("", { status: 404 })],
  [
    "unreachable",
    (): Response => {
      throw new TypeError("Failed to fetch");
    },
  ],
  ["not JSON", () => new Response("<html>")],
  ["of other bytes", () => new Response(JSON.stringify({ fingerprint: "0".repeat(64), snapshot: { sheets: [] } }))],
  [
    "without a snapshot",
    () => new Response(JSON.stringify({ fingerprint: createHash("sha256").update(BYTES).digest("hex") })),
  ],
])("a snapshot that is %s is not used: the bytes alone come back, to be read", async (_, snapshot) => {
  const urls = sampleUrls(FILE);
  serve({ [urls.bytes]: () => new Response(BYTES), [urls.snapshot]: snapshot });
  const sample = await fetchSample(FILE);
  expect(sample.bytes).toEqual(BYTES);
  expect(sample).not.toHaveProperty("snapshot");
});

test("without Web Crypto (plain http from another machine) the snapshot is not trusted", async () => {
  const urls = sampleUrls(FILE);
  const json = await sampleSnapshotJson(BYTES);
  serve({ [urls.bytes]: () => new Response(BYTES), [urls.snapshot]: () => new Response(json) });
  const crypto = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
  Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
  try {
    expect(await fingerprint(BYTES)).toBeUndefined();
    expect(await fetchSample(FILE)).not.toHaveProperty("snapshot");
  } finally {
    Object.defineProperty(globalThis, "crypto", crypto);
  }
});

test("a sample that cannot be fetched is an error naming the status", async () => {
  serve({});
  await expect(fetchSample(FILE)).rejects.toThrow("HTTP 404");
});
