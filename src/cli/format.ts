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

/** A score for display: 2 decimals trimmed, "—" for none. */
export function showScore(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "number" ? String(Math.round(v * 100) / 100) : v;
}
