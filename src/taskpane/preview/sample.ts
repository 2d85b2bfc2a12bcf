/**
 * The bundled sample workbooks of preview mode. A sample is a fixed file, so the build reads it
 * once (scripts/sample-snapshots.ts, with the same reader) and ships its snapshot next to it as
 * `samples/<file>.snapshot.json`: opening a sample then costs a JSON parse instead of unzipping and
 * reading the .xlsx on the pane's main thread before its first view. The snapshot names the bytes
 * it was read from (`fingerprint`); should the two ever disagree (a stale cache, a hand-replaced
 * file) or the snapshot be missing, the pane reads the bytes itself, as it does a clerk's own file.
 */
import type { WorkbookSnapshot } from "../../workbook/snapshot";

/** What `samples/<file>.snapshot.json` holds. */
export interface SampleSnapshot {
  fingerprint: string;
  snapshot: WorkbookSnapshot;
}

/** A sample as fetched: its bytes and, when the build's snapshot is of these bytes, that snapshot. */
export interface Sample {
  bytes: Uint8Array;
  snapshot?: WorkbookSnapshot;
}

/**
 * SHA-256 of `bytes` in hex (Web Crypto, native in browsers and Node alike); undefined where Web
 * Crypto is missing (a page served over plain http from another machine), and then the pane reads.
 */
export async function fingerprint(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Where a sample is served (taskpane.html preloads the first sample's two URLs). */
export function sampleUrls(file: string): { bytes: string; snapshot: string } {
  const bytes = `samples/${encodeURIComponent(file)}`;
  return { bytes, snapshot: `${bytes}.snapshot.json` };
}

/** The build's snapshot when it is there and of `bytes`; anything else means: read the bytes. */
async function snapshotOf(res: Response | undefined, bytes: Uint8Array): Promise<WorkbookSnapshot | undefined> {
  if (!res?.ok) return undefined;
  try {
    const [s, mine] = await Promise.all([res.json() as Promise<Partial<SampleSnapshot>>, fingerprint(bytes)]);
    return mine !== undefined && s.fingerprint === mine && s.snapshot ? s.snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** Fetches a sample and its snapshot together; rejects (Error "HTTP 404", a network error) without bytes. */
export async function fetchSample(file: string): Promise<Sample> {
  const urls = sampleUrls(file);
  const [res, snap] = await Promise.all([
    fetch(urls.bytes),
    fetch(urls.snapshot).catch(() => undefined), // optional: the bytes are what counts
  ]);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const snapshot = await snapshotOf(snap, bytes);
  return snapshot ? { bytes, snapshot } : { bytes };
}
