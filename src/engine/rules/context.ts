import type { Dec } from "../decimal";
import type { IndicatorDef, InputId, PartDef, RawValue, ScoreError, SourceRef, EffectRowRaw } from "../types";

/** What a part rule may ask of the case being scored. Errors are recorded, never thrown. */
export interface PartContext {
  indicator: IndicatorDef;
  part: PartDef;
  /** Parsed input: undefined = not bound, null = bound but invalid (its error is already recorded). */
  input(id: InputId): Dec | undefined | null;
  isBound(id: InputId): boolean;
  /** Record that a needed input is not bound (deduplicated per input). */
  missingInput(id: InputId, forWhat: string): void;
  inputSource(id: InputId): SourceRef;
  /** The judged value of this part; undefined = not bound. */
  raw(): RawValue | undefined;
  partSource(): SourceRef;
  effectTable: EffectRowRaw[] | undefined;
  error(e: Omit<ScoreError, "target"> & { target?: string }): void;
}

export interface PartOutcome {
  score: Dec;
  explanation: string;
  notApplicable?: boolean;
  /** Plain-words causes of lost points. */
  lost: string[];
  /** The whole indicator scores 0 (财务合规性 (4)). */
  veto?: boolean;
  /** The part produced a formula result (vs. a judged one): drives the result kind. */
  formula?: boolean;
  /** The score is already in the indicator's current (possibly re-weighted) 分值: not scaled by weight/baseWeight. */
  inIndicatorWeight?: boolean;
  /** Another reading of the rule, for explaining a previous score that matches it (预算执行率). */
  alternative?: { score: Dec; note: (previous: string, alternative: string) => string };
}
