/**
 * Types of the pure scoring core. Nothing here knows about Excel, files or the DOM:
 * hosts turn what they read into a `ScoreCase` and render a `ScoreResult`.
 */

/**
 * Ids of a framework's named inputs ("budget.total"): each framework file defines its own (with
 * the default defined name clerks see), and its rules refer to them by id.
 */
export type InputId = string;

export type InputUnit = "amount" | "percent" | "count";

export interface InputDef {
  id: InputId;
  /** Default defined name, as finance staff read it in 名称管理器. */
  name: string;
  unit: InputUnit;
  /** Short Chinese description for labels and messages. */
  label: string;
  /** Where the figure comes from or how to fill it (shown on the 评分依据 sheet). */
  hint?: string;
  /**
   * For a percent: the largest value (a fraction, "1.5" = 150%) that can be meant; above it the
   * input is an error that suggests the value divided by 100 (72.95 typed into a percent cell).
   */
  plausibleMax?: string;
}

/**
 * A value as a host found it: a cell's value with its number format, or a JSON value.
 * `numberFormat` is undefined when the source has no formats (JSON case files): a number
 * for a percent input is then a fraction. When it is a string (a cell), a plain number for a
 * percent input is rejected unless the format shows a percent.
 */
export interface RawValue {
  value: string | number | boolean | null;
  numberFormat?: string;
  /** Error value of the cell, e.g. "#DIV/0!"; `value` is then ignored. */
  errorValue?: string;
}

/** Where a value lives, for messages; hosts fill it, the core passes it through. */
export interface SourceRef {
  /** The defined name the user sees (default or mapped). */
  name: string;
  sheet?: string;
  /** A1 address without sheet, e.g. "C5". */
  address?: string;
}

export type ErrorCode =
  | "missing" // required input / part not bound or empty
  | "notNumber"
  | "errorValue"
  | "negative"
  | "notWhole"
  | "percentFormat" // plain number where a percent is expected
  | "notPercent" // text that is not a percent
  | "zeroDenominator"
  | "outOfRange" // a judged score or part outside its allowed range
  | "badChoice" // a level / yes-no that is not one of the allowed values
  | "overrideReason" // override without a reason
  | "inconsistent" // e.g. 按时完成 > 计划, 已回复 > 信访件数
  | "implausible" // a percent far outside what it can mean (7295% for a 支出进度)
  | "effectTable"
  | "ruleSet"
  | "framework" // a framework file (or the one a workbook carries) with problems
  | "weights"
  // workbook-level codes (used by the workbook contract layer)
  | "nameRef"
  | "nameMultiCell"
  | "tableNotFound"
  | "rowMissing"
  | "rowDuplicate"
  | "noRoomForTotal"
  | "settings"
  | "noInputs" // nothing bound at all: one message instead of one per input
  | "host";

export interface ScoreError {
  code: ErrorCode;
  /** What the error is about: an input id, a part key like "预算编制合理性_3", an indicator id, "ruleSet"... */
  target: string;
  /** Where the value lives, when known. */
  source?: SourceRef;
  /** Chinese: what was found, e.g. "文本“约三十万”". */
  found: string;
  /** Chinese: what is expected, e.g. "非负数字（金额）". */
  expected: string;
  /** Chinese, one full sentence naming the name, the cell, what was found and what is expected. */
  message: string;
}

// ---------------------------------------------------------------------------
// Rule sets (data). See src/engine/rulesets/*.json.

/** A band of a ratio: lower/upper bounds as decimal strings ("0.9"), inclusive flags, points. */
export interface Band {
  /** Lower bound; omitted = -infinity. */
  min?: string;
  minInclusive?: boolean;
  /** Upper bound; omitted = +infinity. */
  max?: string;
  maxInclusive?: boolean;
  points: string;
  /** Chinese label of the band, e.g. "≥90%". */
  label: string;
}

/** What a ratio part does when its denominator is zero. */
export interface ZeroDenominatorPolicy {
  /** Numerator also zero: "full" = not applicable, full points; "zero"; "error". */
  bothZero: "full" | "zero" | "error";
  /** Numerator positive: "full" | "zero" | "error". */
  numeratorPositive: "full" | "zero" | "error";
}

/** A sum of input values; one id is the common case. */
export type Operand = InputId[];

export type PartRule =
  /** A judged item: met (1) / not met (0) → points or 0. */
  | { kind: "judged" }
  /** A judged score in [0, points] (e.g. 政府采购政策功能落实 when partial credit is allowed). */
  | { kind: "judgedScore" }
  /** One of named levels, each with its points. */
  | { kind: "level"; levels: { label: string; points: string; aliases?: string[] }[] }
  /** Ratio = sum(numerator)/sum(denominator) (or a directly bound percent input), scored by bands. */
  | {
      kind: "ratioBands";
      numerator: Operand;
      denominator: Operand;
      /** A percent input that may give the ratio directly instead of the amounts. */
      direct?: InputId;
      bands: Band[];
      zero: ZeroDenominatorPolicy;
      /** Chinese name of the ratio, e.g. "固定资产利用率". */
      ratioName: string;
    }
  /** points × min(ratio, 1); ratio > 1 gives `over`: 0 points, capped at full, or an input error (按时完成 > 计划). */
  | {
      kind: "ratioProportional";
      numerator: Operand;
      denominator: Operand;
      over: "zero" | "cap" | "error";
      zero: ZeroDenominatorPolicy;
      ratioName: string;
    }
  /**
   * Per-point deduction: within the standard (ratio ≤ threshold, or ≥ for direction "below") →
   * points; beyond it, points − perPoint × (percentage points beyond), not below `floor` (0:
   * 扣完为止). May fall back to a judged met/not-met when no input is bound (`judgedFallback`).
   */
  | {
      kind: "perPointDeduction";
      numerator: Operand;
      denominator: Operand;
      direct?: InputId;
      threshold: string;
      perPoint: string;
      direction?: "above" | "below";
      floor?: string;
      judgedFallback: boolean;
      zero: ZeroDenominatorPolicy;
      ratioName: string;
    }
  /**
   * Change rate against last year's figure, (current − previous) / previous, scored per point like
   * perPointDeduction (“三公经费”变动率: ≤ 0 full, each point above −0.8). `zero` says what a
   * previous figure of 0 means (both 0: no change).
   */
  | {
      kind: "changeRate";
      current: InputId;
      previous: InputId;
      threshold: string;
      perPoint: string;
      direction?: "above" | "below";
      floor?: string;
      zero: ZeroDenominatorPolicy;
      ratioName: string;
    }
  /** Ratio must equal exactly 100% → points, else 0; used with counts (信访). */
  | {
      kind: "ratioFull";
      numerator: Operand;
      denominator: Operand;
      judgedFallback: boolean;
      zero: ZeroDenominatorPolicy;
      ratioName: string;
    }
  /** points − per × count (count from an input or from the judged part), not below 0. */
  | { kind: "countDeduction"; input?: InputId; per: string }
  /** Any nonconformity makes the whole indicator 0 (财务合规性 (4)). Judged: 1 = occurred. */
  | { kind: "veto" }
  /** 预算执行率: quarterly cumulative progress vs 序时进度. */
  | {
      kind: "quarterlyExecution";
      progress: [InputId, InputId, InputId, InputId];
      execution: [InputId, InputId, InputId, InputId];
      budget: InputId;
      /** 序时进度 of each quarter, decimal strings. */
      schedule: [string, string, string, string];
      quarterPoints: string;
      averagePoints: string;
    }
  /** A survey percentage scored by bands, or, when unbound, a manual score from `allowed`. */
  | { kind: "surveyBands"; input: InputId; bands: Band[]; allowed: string[]; ratioName: string }
  /** 个性化绩效指标 table, or a manual score when no table is given. */
  | { kind: "effectTable"; qualitative: { label: string; factor: string }[] };

export interface PartDef {
  /** Part key: "1".."n" for numbered 评分标准 items, or "不符合项数" for deduction counts. */
  key: string;
  /** Short Chinese label, e.g. "政策功能落实"; also the key used in JSON case files. */
  label: string;
  /** The 评分标准 text of this item, shown in the pane beside the 是/否. */
  text: string;
  /** Points of this part (a deduction part: the points it deducts from). */
  points: string;
  rule: PartRule;
}

export type IndicatorKind = "formula" | "checklist" | "deduction" | "manual";

export interface IndicatorDef {
  /** Stable id, e.g. "budgetExecution". */
  id: string;
  /** 三级指标 name as printed in the 评分表. */
  name: string;
  /** Other names the 评分表 may print for it (the other seed's wording). */
  aliases?: string[];
  /** Points (分值). */
  weight: string;
  /** The rule set's own weight when a workbook re-weighted the indicator; scores scale by weight/baseWeight. */
  baseWeight?: string;
  kind: IndicatorKind;
  /** The 评分标准 text, for the pane and the audit sheet. */
  criteria: string;
  parts: PartDef[];
  /**
   * True when a typed score may stand in for unbound parts (wholly judged indicators);
   * false when a missing part is an error (formula parts).
   */
  manualAllowed: boolean;
}

export interface Level2Def {
  name: string;
  weight: string;
  indicators: IndicatorDef[];
}

export interface Level1Def {
  name: string;
  weight: string;
  groups: Level2Def[];
}

export interface GradeBand {
  /** Lower bound, inclusive, decimal string. */
  min: string;
  label: string;
}

export interface RuleSet {
  id: string;
  /** Short Chinese name clerks choose it by and the 评分设置 sheet stores, e.g. "市级 2021". */
  name?: string;
  /** Chinese title, e.g. "福田区 2020 框架". */
  title: string;
  /** The framework's own version, e.g. "2021.1" (shown beside the title). */
  version?: string;
  /** Where the framework comes from (a document number, a published table), for auditors. */
  description?: string;
  /** Every input the rules read, with its default defined name. */
  inputs: InputDef[];
  levels: Level1Def[];
  /** Highest first. */
  grades: GradeBand[];
}

/** Per-workbook overrides of a rule set (weights by indicator id or group name, grade bands). */
export interface RuleSetOverrides {
  /** 三级指标 id → weight. */
  indicatorWeights?: Record<string, number | string>;
  /** 一级 / 二级 name → weight. */
  groupWeights?: Record<string, number | string>;
  grades?: { min: number | string; label: string }[];
}

// ---------------------------------------------------------------------------
// A case to score.

export interface EffectRowRaw {
  name: RawValue;
  weight: RawValue;
  /** 正向 / 反向 / 定性 */
  nature: RawValue;
  target: RawValue;
  actual: RawValue;
  /** 不适用 when truthy (是/1/不适用). */
  notApplicable?: RawValue;
  source?: SourceRef;
}

export interface OverrideRaw {
  score: RawValue;
  reason: string;
  source?: SourceRef;
}

export interface ScoreCase {
  /** Inputs by id; absent = not bound. */
  inputs: Partial<Record<InputId, RawValue>>;
  /** Where each input lives (for messages). */
  inputSources?: Partial<Record<InputId, SourceRef>>;
  /** Judged parts: indicator id → part key → value. Absent = not bound. */
  parts: Record<string, Record<string, RawValue>>;
  partSources?: Record<string, Record<string, SourceRef>>;
  /** 效果性 table rows, when bound. */
  effectTable?: EffectRowRaw[];
  /** Typed scores: indicator id → the score in its 自评得分 cell (kept when its parts are unbound). */
  manual: Record<string, RawValue>;
  manualSources?: Record<string, SourceRef>;
  overrides: Record<string, OverrideRaw>;
  /** Previously present scores (a report's printed scores or the sheet's), for differences. */
  previous?: Record<string, number | null>;
  previousTotal?: number | null;
  previousGrade?: string | null;
}

// ---------------------------------------------------------------------------
// Results.

export type ResultKind = "formula" | "checklist" | "deduction" | "manual" | "override";

export interface PartResult {
  key: string;
  label: string;
  points: string;
  /** Score of the part, unrounded decimal string. */
  score: string;
  /** The same, half-up to 2 decimals, for display. */
  rounded: number;
  explanation: string;
  /** True when the rule did not apply (zero denominator policy, 不适用). */
  notApplicable?: boolean;
}

export interface IndicatorResult {
  id: string;
  name: string;
  level1: string;
  level2: string;
  /** Rounded half-up to 2 decimals, clamped to [0, max]. Null when errors prevent scoring. */
  score: number | null;
  max: number;
  kind: ResultKind;
  /** Chinese explanation: formula, values, band, points. */
  explanation: string;
  parts: PartResult[];
  /** For overrides: what the rule would have given (null if it could not be computed). */
  ruleScore?: number | null;
  overrideReason?: string;
  /** Plain-words causes of every lost point (for 存在的问题). */
  lostPoints: string[];
}

export interface Difference {
  /** Indicator id, or "total" / "grade". */
  target: string;
  name: string;
  previous: number | string | null;
  current: number | string | null;
  /** current − previous, computed exactly (null for the grade and for an empty previous score). */
  delta: number | null;
  /** Chinese note, e.g. the known misreading of 预算执行率. */
  note?: string;
}

/** A 一级 or 二级 group's subtotal: the exact sum of its rounded indicator scores. */
export interface GroupTotal {
  name: string;
  /** The group's 分值. */
  max: number;
  /** Null when any of its indicators has no score. */
  score: number | null;
}

export interface Level1Total extends GroupTotal {
  groups: (GroupTotal & { indicators: string[] })[];
}

export interface ScoreResult {
  ruleSet: string;
  indicators: IndicatorResult[];
  /** Sum of the rounded scores; null when any error stands. */
  total: number | null;
  grade: string | null;
  errors: ScoreError[];
  /**
   * Every score that differs from the one present before (a report's printed score, the sheet's
   * cell), then the total and the grade: the one list of changes the pane, ribbon and CLI show.
   */
  differences: Difference[];
  /** Subtotals per 一级 and 二级 group, in the rule set's order. */
  levels: Level1Total[];
  /** Draft of the report's 存在的问题 paragraph. */
  problems: string[];
}
