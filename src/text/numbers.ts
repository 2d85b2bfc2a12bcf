/**
 * How numbers are shown to a clerk, everywhere (pane, ribbon message, CLI). The values come from
 * the engine already exact and rounded, so display never computes: it only writes them out.
 */

/** A score as the 评分表 prints it: two decimals (5.00, 89.46); "—" when there is none. */
export function showScore(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toFixed(2);
}

/** A 分值 as printed: whole numbers bare (5, not 5.00), others with their decimals (2.5). */
export function showPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** A change of score, signed: +0.30, -1.25; empty when there is none to show. */
export function showDelta(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  return (n > 0 ? "+" : "") + n.toFixed(2);
}

/** A difference's value: a score, or the grade's text as it is. */
export function showValue(v: number | string | null | undefined): string {
  return typeof v === "string" ? v : showScore(v);
}
