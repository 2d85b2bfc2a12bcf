/** Number display shared by the views: scores always with two decimals, as the 评分表 prints them. */
export function score2(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toFixed(2);
}

/** 分值 as printed: whole numbers without decimals (5, not 5.00), others as given. */
export function points(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}
