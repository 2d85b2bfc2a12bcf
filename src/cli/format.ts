import type { IndicatorResult, ScoreError, ScoreResult } from "../engine";
import { showDelta, showScore, showValue } from "../text/numbers";

/** Plain-text table helpers for a terminal that shows CJK characters two columns wide. */

/** Display width: East Asian wide and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Render rows as aligned columns; `numeric[i]` right-aligns column i. */
export function renderTable(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c ?? "", widths[i], numeric[i] === true))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The 原得分 and 差异 columns of an indicator: the difference the engine found, else (a score was
 * present before and equals the new one) the score itself and no change. `known` is false when
 * nothing was present before (a case without a printed score): both columns stay empty.
 */
export function previousColumns(r: ScoreResult, i: IndicatorResult, known: boolean): [string, string] {
  const d = r.differences.find((x) => x.target === i.id);
  if (d) return [showValue(d.previous), showDelta(d.delta)];
  return known ? [showScore(i.score), ""] : ["", ""];
}

/** An error as the CLI's JSON prints it: flat, with where it was found. */
export function errorJson(e: ScoreError) {
  return {
    code: e.code,
    target: e.target,
    name: e.source?.name,
    sheet: e.source?.sheet,
    address: e.source?.address,
    found: e.found,
    expected: e.expected,
    message: e.message,
  };
}
