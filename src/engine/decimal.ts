import Decimal from "decimal.js";

/**
 * One Decimal constructor for the whole core: 40 significant digits and half-up rounding
 * (四舍五入), so no score ever passes through a binary float.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Half-up to 2 decimals: the rounding of every 三级指标 score. */
export function round2(d: Dec): Dec {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function clamp(d: Dec, lo: Dec, hi: Dec): Dec {
  return Dec.max(lo, Dec.min(hi, d));
}

/** Plain decimal text without trailing zeros: 30.43, 4547, 0.9383. At most `dp` decimals. */
export function fmtNum(d: Dec, dp = 4): string {
  return d.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toString();
}

/** A ratio as a percentage with 2 decimals, for explanations only (comparisons use the unrounded ratio). */
export function fmtPct(d: Dec): string {
  return d.times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) + "%";
}

/** A score with 2 decimals trimmed (1.94, 2, 0.5). */
export function fmtScore(d: Dec): string {
  return round2(d).toString();
}
