/** File helpers of the CLI verbs. */
import { existsSync, linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CLI, FILE_ERRORS } from "../text/cli";
import { UsageError } from "./args";

/**
 * Writes `bytes` to `target` through a temporary file beside it and a rename, so a failed write
 * never leaves a half-written workbook (nor the temporary file) behind. `fresh`: refuse (EEXIST)
 * when the target exists by then (a link keeps an existing file; rename would replace it).
 */
export function writeThroughTemp(target: string, bytes: Uint8Array, fresh = false): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    if (fresh) {
      try {
        linkSync(tmp, target);
        unlinkSync(tmp);
        return;
      } catch (e) {
        // Shares and FAT drives without hard links: check, then rename (a narrow race).
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw e;
        if (existsSync(target)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
      }
    }
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A file's bytes as a Uint8Array view of the Buffer node read (no second copy of a big file). */
export function readBytes(file: string): Uint8Array {
  const buf = readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** A text file's contents; one that cannot be read is a usage error saying why, in Chinese. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new UsageError(FILE_ERRORS[code]?.(path) ?? CLI.cannotRead(path, code || String(e)));
  }
}
