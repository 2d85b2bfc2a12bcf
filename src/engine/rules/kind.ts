/**
 * What every rule kind knows, in one object per kind (rules/index.ts maps every `PartRule["kind"]`
 * to one, so a new kind that misses any of this does not compile): the inputs it reads, what a
 * clerk enters for the part itself, whether anything is bound, how it scores, which inputs may
 * stand in for others, and how its parameters are checked in a framework file.
 */
import type { Band, InputId, PartRule, ZeroDenominatorPolicy } from "../types";
import type { PartContext, PartOutcome } from "./context";
import { FRAMEWORK as T, RULE_TEXT as WORDS } from "../../text/framework";

export type RuleOf<K extends PartRule["kind"]> = Extract<PartRule, { kind: K }>;

/** What a clerk enters for a part itself (its defined name `<三级指标>_<key>`). */
export type JudgedValue = "yesNo" | "veto" | "score" | "count" | "level";

/** A framework check of one rule: problems are recorded per field, in Chinese. */
export interface RuleCheck {
  problem(field: string, what: string): void;
  hasInput(id: string): boolean;
  /** The part's own points (decimal string), for checks against it. */
  points: string;
}

export interface RuleKind<R extends PartRule> {
  /** Inputs the part reads (the 评分依据 sheet lists them; the 评分明细 shows their values). */
  inputs(rule: R): InputId[];
  /** What a clerk enters for the part itself; undefined when the part is scored from inputs only. */
  judgedValue(rule: R): JudgedValue | undefined;
  /** Whether anything for this part is bound (a shared denominator alone does not bind a ratio). */
  bound(rule: R, ctx: PartContext): boolean;
  evaluate(rule: R, ctx: PartContext): PartOutcome | null;
  /**
   * Inputs that may stay unbound, each with the inputs that then stand in for it (all of them
   * bound); an empty list: optional outright (a typed score stands in).
   */
  alternatives(rule: R): [InputId, InputId[]][];
  check(rule: R, c: RuleCheck): void;
  /** The rule in words, for the 评分框架 sheet (input names from the framework). */
  describe(rule: R, d: RuleWords): string;
}

/** What a description needs of its framework. */
export interface RuleWords {
  /** An input's default name, by id. */
  input(id: InputId): string;
  /** The part's points. */
  points: string;
}

export type RuleKinds = { [K in PartRule["kind"]]: RuleKind<RuleOf<K>> };

// ---------------------------------------------------------------------------
// Parameter checks shared by the kinds.

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const isDecimalText = (v: unknown): v is string => typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v);

export function shown(v: unknown): string {
  return v === undefined ? T.absent : JSON.stringify(v);
}

/** "a + b" of input names. */
export function operandWords(ids: InputId[], d: RuleWords): string {
  const names = ids.map((id) => d.input(id));
  return names.length > 1 ? `(${names.join(WORDS.plus)})` : (names[0] ?? "");
}

export function checkDecimal(c: RuleCheck, field: string, v: unknown, optional = false): void {
  if (v === undefined && optional) return;
  if (!isDecimalText(v)) c.problem(field, T.notDecimal(shown(v)));
}

export function checkText(c: RuleCheck, field: string, v: unknown): void {
  if (typeof v !== "string" || !v.trim()) c.problem(field, T.notText);
}

export function checkInput(c: RuleCheck, field: string, id: unknown, optional = false): void {
  if (id === undefined && optional) return;
  if (typeof id !== "string" || !id) c.problem(field, T.notText);
  else if (!c.hasInput(id)) c.problem(field, T.unknownInput(id));
}

export function checkOperand(c: RuleCheck, field: string, ids: unknown): void {
  if (!Array.isArray(ids) || ids.length === 0) c.problem(field, T.notList);
  else for (const id of ids) checkInput(c, field, id);
}

const POLICIES = ["full", "zero", "error"] as const;

export function checkZero(c: RuleCheck, field: string, z: ZeroDenominatorPolicy | undefined): void {
  if (!z || typeof z !== "object") return c.problem(field, T.missing);
  for (const k of ["bothZero", "numeratorPositive"] as const) {
    if (!POLICIES.includes(z[k])) c.problem(field, T.oneOf(POLICIES, shown(z[k])));
  }
}

export function checkOneOf<A extends string>(c: RuleCheck, field: string, v: unknown, allowed: readonly A[]): void {
  if (!allowed.includes(v as A)) c.problem(field, T.oneOf(allowed, shown(v)));
}

/** Bands: decimal bounds and points within the part; contiguous and non-overlapping over the reals. */
export function checkBands(c: RuleCheck, field: string, bands: Band[] | undefined): void {
  if (!Array.isArray(bands) || bands.length === 0) return c.problem(field, T.notList);
  if (!bands.every(isObject)) return c.problem(field, T.notObject);
  bands.forEach((b, i) => {
    const f = `${field}[${i + 1}]`;
    checkDecimal(c, f, b.points);
    checkDecimal(c, f, b.min, true);
    checkDecimal(c, f, b.max, true);
    checkText(c, f, b.label);
    if (isDecimalText(b.points) && isDecimalText(c.points) && Number(b.points) > Number(c.points))
      c.problem(f, T.bandOver(b.points, c.points));
  });
  // Every ratio from 0 up must fall in exactly one band: probe each bound, just below and above it.
  const edges = bands
    .flatMap((b) => [b.min, b.max])
    .filter(isDecimalText)
    .map(Number);
  const probes = [0, ...edges, ...edges.map((e) => e - 1e-9), ...edges.map((e) => e + 1e-9), 1e9].filter((x) => x >= 0);
  for (const x of probes) {
    const hits = bands.filter((b) => inBandNumber(x, b)).length;
    if (hits === 0) return c.problem(field, T.bandsGap(String(Math.round(x * 1e6) / 1e6)));
    if (hits > 1) return c.problem(field, T.bandsOverlap(String(Math.round(x * 1e6) / 1e6)));
  }
}

function inBandNumber(x: number, b: Band): boolean {
  if (b.min !== undefined && (b.minInclusive ? x < Number(b.min) : x <= Number(b.min))) return false;
  if (b.max !== undefined && (b.maxInclusive ? x > Number(b.max) : x >= Number(b.max))) return false;
  return true;
}
