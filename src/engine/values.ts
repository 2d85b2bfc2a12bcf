/**
 * Turning a RawValue (a cell or a JSON value) into a number the rules can use, or a clear
 * reason why not. Nothing here guesses: a plain number is never taken for a percent.
 */
import { Dec } from "./decimal";
import type { InputUnit, RawValue } from "./types";
import { EXPECTED, FOUND, UNIT_EXPECTED } from "../text/engine";
import { NO_WORDS, YES_WORDS } from "../text/vocabulary";

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ParseErrorCode; found: string; expected: string };
export type ParseErrorCode =
  | "missing"
  | "notNumber"
  | "errorValue"
  | "negative"
  | "notWhole"
  | "percentFormat"
  | "notPercent"
  | "badChoice"
  | "outOfRange";

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0B]/g;

/**
 * Full-width digits and signs to ASCII; trims ordinary and ideographic spaces at both ends and
 * before a % sign. Spaces between digits stay, so "1 2 3" is rejected rather than read as 123
 * (as "1,2,3" is).
 */
export function normalizeNumberText(s: string): string {
  return s
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "")
    .replace(/[\s\u3000\u00a0]+%$/, "%");
}

// Thousands separators only in proper groups of three, so "1,2,3" is not silently 123.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function parseNumericText(s: string): Dec | null {
  const t = normalizeNumberText(s);
  if (PLAIN_NUMBER.test(t)) return new Dec(t);
  if (GROUPED_NUMBER.test(t)) return new Dec(t.replace(/,/g, ""));
  return null;
}

/** True when an Excel number format shows the value as a percentage (a % outside quotes/brackets). */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const stripped = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return stripped.includes("%");
}

export function describe(raw: RawValue | undefined): string {
  if (!raw || raw.errorValue) return raw?.errorValue ? FOUND.error(raw.errorValue) : FOUND.empty;
  const v = raw.value;
  if (v === null || v === "") return FOUND.empty;
  if (typeof v === "boolean") return FOUND.bool(v);
  if (typeof v === "number") return FOUND.number(String(v));
  return FOUND.text(v);
}

export function isEmpty(raw: RawValue | undefined): boolean {
  if (!raw) return true;
  if (raw.errorValue) return false;
  return raw.value === null || (typeof raw.value === "string" && raw.value.trim() === "");
}

function fail<T>(code: ParseErrorCode, found: string, expected: string): Parsed<T> {
  return { ok: false, code, found, expected };
}

/** A number that is finite and exact as Decimal (JS numbers go through their shortest string form). */
function numberOf(v: number): Dec {
  return new Dec(String(v));
}

/** Parse a named input of the given unit. */
export function parseInput(raw: RawValue | undefined, unit: InputUnit): Parsed<Dec> {
  const expected = UNIT_EXPECTED[unit];
  if (raw?.errorValue) return fail("errorValue", FOUND.error(raw.errorValue), expected);
  if (isEmpty(raw)) return fail("missing", FOUND.empty, expected);
  const v = (raw as RawValue).value;
  if (typeof v === "boolean") return fail("notNumber", FOUND.bool(v), expected);

  let d: Dec;
  if (unit === "percent") {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return fail("notNumber", FOUND.number(String(v)), expected);
      // A cell without a percent format: reject, never guess between 1.2% and 120%.
      if (raw!.numberFormat !== undefined && !isPercentFormat(raw!.numberFormat)) {
        return fail("percentFormat", FOUND.plainNumberForPercent(String(v), raw!.numberFormat), expected);
      }
      d = numberOf(v);
    } else {
      const t = normalizeNumberText(String(v));
      if (!t.endsWith("%")) {
        return parseNumericText(t) === null
          ? fail("notNumber", FOUND.text(String(v)), expected)
          : fail("notPercent", FOUND.text(String(v)), expected);
      }
      const n = parseNumericText(t.slice(0, -1));
      if (n === null) return fail("notNumber", FOUND.text(String(v)), expected);
      d = n.dividedBy(100);
    }
  } else {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return fail("notNumber", FOUND.number(String(v)), expected);
      d = numberOf(v);
    } else {
      const n = parseNumericText(String(v));
      if (n === null) return fail("notNumber", FOUND.text(String(v)), expected);
      d = n;
    }
  }
  if (d.isNegative() && !d.isZero()) return fail("negative", FOUND.negative(d.toString()), expected);
  if (unit === "count" && !d.isInteger()) return fail("notWhole", FOUND.fraction(d.toString()), expected);
  return { ok: true, value: d };
}

const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/** Met / not met: 是/否, 1/0, TRUE/FALSE, 符合/不符合 and a few common marks. */
export function parseYesNo(raw: RawValue | undefined): Parsed<boolean> {
  if (raw?.errorValue) return fail("errorValue", FOUND.error(raw.errorValue), EXPECTED.judged);
  if (isEmpty(raw)) return fail("missing", FOUND.empty, EXPECTED.judged);
  const v = (raw as RawValue).value;
  if (typeof v === "boolean") return { ok: true, value: v };
  if (typeof v === "number") {
    if (v === 1) return { ok: true, value: true };
    if (v === 0) return { ok: true, value: false };
    return fail("badChoice", FOUND.number(String(v)), EXPECTED.judged);
  }
  const t = normalizeNumberText(String(v)).toLowerCase();
  if (YES.has(t)) return { ok: true, value: true };
  if (NO.has(t)) return { ok: true, value: false };
  return fail("badChoice", FOUND.text(String(v)), EXPECTED.judged);
}

/** A judged score in [0, max]; 是/否 count as max/0. */
export function parseScore(raw: RawValue | undefined, max: Dec): Parsed<Dec> {
  const expected = EXPECTED.scoreIn(max.toString());
  if (raw && typeof raw.value === "string") {
    const yn = parseYesNo(raw);
    if (yn.ok && !/^\s*[01]\s*$/.test(raw.value)) return { ok: true, value: yn.value ? max : new Dec(0) };
  }
  if (raw && typeof raw.value === "boolean") return { ok: true, value: raw.value ? max : new Dec(0) };
  const n = parseInput(raw, "amount");
  if (!n.ok) return { ...n, expected };
  if (n.value.greaterThan(max)) return fail("outOfRange", FOUND.number(n.value.toString()), expected);
  return n;
}

/** A whole, non-negative count (deductions). */
export function parseCount(raw: RawValue | undefined): Parsed<Dec> {
  return parseInput(raw, "count");
}
