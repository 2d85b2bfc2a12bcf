/**
 * Scoring a case: every 三级指标 of a rule set, each rounded half-up to 2 decimals and clamped to
 * [0, 分值]; the total is the sum of the rounded scores. Bad input never throws: every problem of
 * every input is collected into `errors`, and no total is given while any stands.
 */
import { GRADE, TOTAL } from "./differences";
import { Dec, clamp, fmtNum, fmtPct, fmtScore, round2, ZERO } from "./decimal";
import { partName, EFFECT_TABLE_NAME } from "./inputs";
import { checkWeights, gradeOf, indicatorsOf, type IndicatorEntry } from "./ruleset";
import { evaluatePart, partBound, type PartContext, type PartOutcome } from "./rules";
import { allowedScores } from "./rules/survey";
import { describe, isEmpty, parseInput, parseScore } from "./values";
import type {
  Difference,
  IndicatorResult,
  InputDef,
  InputId,
  Level1Total,
  PartResult,
  RuleSet,
  ScoreCase,
  ScoreError,
  ScoreResult,
  SourceRef,
} from "./types";
import { DIFF, errorMessage, EXPECTED, EXPLAIN, FOUND, LOST, MSG, UNIT_EXPECTED } from "../text/engine";

/** Collects errors; one "missing" error per input however many rules need it. */
class ErrorSink {
  readonly errors: ScoreError[] = [];
  private readonly missing = new Set<string>();
  add(e: ScoreError): void {
    if (e.code === "missing") {
      if (this.missing.has(e.target)) return;
      this.missing.add(e.target);
    }
    this.errors.push(e);
  }
}

interface Inputs {
  /** The framework's definition of an input (name, unit). */
  def(id: InputId): InputDef;
  /** undefined = not bound (or empty), null = bound but invalid. */
  get(id: InputId): Dec | undefined | null;
  source(id: InputId): SourceRef;
  isBoundButEmpty(id: InputId): boolean;
}

function parseInputs(rs: RuleSet, c: ScoreCase, sink: ErrorSink): Inputs {
  const defs = new Map(rs.inputs.map((d) => [d.id, d]));
  // A framework file is checked before it is used: an id its rules name is one of its inputs.
  const inputDef = (id: InputId): InputDef => defs.get(id) ?? { id, name: id, unit: "amount", label: id };
  const values = new Map<InputId, Dec | null>();
  const source = (id: InputId): SourceRef => c.inputSources?.[id] ?? { name: inputDef(id).name };
  for (const def of rs.inputs) {
    const raw = c.inputs[def.id];
    if (raw === undefined || (isEmpty(raw) && !raw.errorValue)) continue;
    const p = parseInput(raw, def.unit);
    if (p.ok && def.plausibleMax !== undefined && p.value.greaterThan(def.plausibleMax)) {
      // 72.95 typed into a percent cell is 7295%: an error that says what was probably meant.
      values.set(def.id, null);
      const src = source(def.id);
      const meant = p.value.dividedBy(100);
      // Only a value far above the range reads as a percent number typed into a percent cell.
      const suggestion =
        meant.lessThanOrEqualTo(def.plausibleMax) && p.value.greaterThan(new Dec(def.plausibleMax).times(2))
          ? fmtPct(meant)
          : undefined;
      const found = FOUND.percent(fmtPct(p.value));
      const expected = EXPECTED.percentUpTo(fmtPct(new Dec(def.plausibleMax)));
      sink.add({
        code: "implausible",
        target: def.id,
        ...(src ? { source: src } : {}),
        found,
        expected,
        message: MSG.implausible(src, found, expected, suggestion),
      });
    } else if (p.ok) values.set(def.id, p.value);
    else {
      values.set(def.id, null);
      const src = source(def.id);
      sink.add({
        code: p.code,
        target: def.id,
        ...(src ? { source: src } : {}),
        found: p.found,
        expected: p.expected,
        message: errorMessage(src, p.found, p.expected),
      });
    }
  }
  return {
    def: inputDef,
    get: (id) => (values.has(id) ? values.get(id) : undefined),
    source,
    isBoundButEmpty: (id) => c.inputs[id] !== undefined && isEmpty(c.inputs[id]),
  };
}

function contextFor(
  entry: IndicatorEntry,
  partIndex: number,
  c: ScoreCase,
  inputs: Inputs,
  sink: ErrorSink,
): PartContext {
  const def = entry.def;
  const part = def.parts[partIndex];
  const partSource = (): SourceRef =>
    c.partSources?.[def.id]?.[part.key] ?? {
      name: part.rule.kind === "effectTable" ? EFFECT_TABLE_NAME : partName(def.name, part.key),
    };
  return {
    indicator: def,
    part,
    input: (id) => inputs.get(id),
    isBound: (id) => inputs.get(id) !== undefined,
    missingInput: (id, forWhat) => {
      const src = inputs.source(id);
      const expected = UNIT_EXPECTED[inputs.def(id).unit];
      const found = inputs.isBoundButEmpty(id) ? FOUND.empty : FOUND.notBound;
      sink.add({
        code: "missing",
        target: id,
        ...(src ? { source: src } : {}),
        found,
        expected,
        message: MSG.missingInput(src, forWhat, expected),
      });
    },
    inputSource: (id) => inputs.source(id),
    raw: () => {
      const r = c.parts[def.id]?.[part.key];
      return r === undefined || (isEmpty(r) && !r.errorValue) ? undefined : r;
    },
    partSource,
    effectTable: c.effectTable && c.effectTable.length ? c.effectTable : undefined,
    error: (e) => sink.add({ ...e, target: e.target ?? `${def.id}.${part.key}` }),
  };
}

interface Evaluated {
  score: Dec | null;
  kind: IndicatorResult["kind"];
  explanation: string;
  parts: PartResult[];
  lost: string[];
  alternative?: PartOutcome["alternative"];
}

/** The rule's own result for one indicator (no override). */
function evaluate(entry: IndicatorEntry, c: ScoreCase, inputs: Inputs, sink: ErrorSink): Evaluated {
  const def = entry.def;
  const weight = new Dec(def.weight);
  const ctxs = def.parts.map((_, i) => contextFor(entry, i, c, inputs, sink));
  const anyBound = def.parts.some((p, i) => partBound(p, ctxs[i]));

  if (def.manualAllowed && !anyBound) return manualScore(entry, c, inputs, sink);

  const outcomes = def.parts.map((p, i) => evaluatePart(p, ctxs[i]));
  const parts: PartResult[] = [];
  let raw = ZERO;
  let veto = false;
  let failed = false;
  let formula = false;
  const lost: string[] = [];
  let alternative: PartOutcome["alternative"];
  let inIndicatorWeight = false;
  outcomes.forEach((o, i) => {
    const p = def.parts[i];
    if (!o) {
      failed = true;
      return;
    }
    raw = raw.plus(o.score);
    veto ||= o.veto === true;
    formula ||= o.formula === true;
    alternative ??= o.alternative;
    inIndicatorWeight ||= o.inIndicatorWeight === true;
    lost.push(...o.lost);
    parts.push({
      key: p.key,
      label: p.label,
      points: p.points,
      score: o.score.toString(),
      rounded: round2(o.score).toNumber(),
      explanation: o.explanation,
      ...(o.notApplicable !== undefined ? { notApplicable: o.notApplicable } : {}),
    });
  });
  const kind: IndicatorResult["kind"] =
    def.kind === "manual" || (def.kind === "formula" && formula) ? "formula" : def.kind;
  if (failed) return { score: null, kind, explanation: "", parts, lost, alternative };

  const explain = parts.map((p) => p.explanation).filter((x) => x);
  let score = veto ? ZERO : raw;
  if (!inIndicatorWeight && def.baseWeight !== undefined && !new Dec(def.baseWeight).equals(weight)) {
    score = score.times(weight).dividedBy(def.baseWeight);
    alternative = alternative && { ...alternative, score: alternative.score.times(weight).dividedBy(def.baseWeight) };
    explain.push(EXPLAIN.weightScaled(fmtNum(new Dec(def.baseWeight)), fmtNum(weight)));
  }
  const clamped = clamp(score, ZERO, weight);
  const rounded = round2(clamped);
  if (!clamped.equals(score)) explain.push(EXPLAIN.clampedTo(fmtNum(weight)));
  if (parts.length > 1 || !rounded.equals(score)) explain.push(EXPLAIN.total(fmtScore(rounded)));
  return { score: rounded, kind, explanation: explain.join(EXPLAIN.sep), parts, lost, alternative };
}

/** A wholly judged indicator with nothing bound keeps the score typed in its cell. */
function manualScore(entry: IndicatorEntry, c: ScoreCase, inputs: Inputs, sink: ErrorSink): Evaluated {
  const def = entry.def;
  const weight = new Dec(def.weight);
  const raw = c.manual[def.id];
  const src = c.manualSources?.[def.id];
  const survey = def.parts.find((p) => p.rule.kind === "surveyBands")?.rule;
  const base: Evaluated = { score: null, kind: "manual", explanation: "", parts: [], lost: [] };
  if (raw === undefined || isEmpty(raw)) {
    const names = def.parts.map((p) =>
      p.rule.kind === "surveyBands"
        ? inputs.def(p.rule.input).name
        : p.rule.kind === "effectTable"
          ? EFFECT_TABLE_NAME
          : partName(def.name, p.key),
    );
    const expected = EXPECTED.scoreIn(fmtNum(weight));
    sink.add({
      code: "missing",
      target: def.id,
      ...(src ? { source: src } : {}),
      found: FOUND.empty,
      expected,
      message: MSG.missingManual(def.name, names, src),
    });
    return base;
  }
  const p = parseScore(raw, weight);
  const badManual = (found: string, expected: string, code: ScoreError["code"]) => {
    sink.add({
      code,
      target: def.id,
      ...(src ? { source: src } : {}),
      found,
      expected,
      message: MSG.manualBad(def.name, src, found, expected),
    });
    return base;
  };
  if (!p.ok) return badManual(p.found, p.expected, p.code);
  if (survey?.kind === "surveyBands") {
    const allowed = allowedScores(survey);
    if (!allowed.some((a) => a.equals(p.value)))
      return badManual(describe(raw), EXPECTED.scoreOneOf(survey.allowed), "badChoice");
  }
  const score = round2(p.value);
  const lostPts = weight.minus(score);
  return {
    score,
    kind: "manual",
    explanation: survey ? EXPLAIN.surveyManual(fmtScore(score)) : EXPLAIN.manual(fmtScore(score)),
    parts: [],
    lost: lostPts.greaterThan(0) ? [LOST.manual(def.name, fmtScore(lostPts))] : [],
  };
}

function scoreIndicator(
  entry: IndicatorEntry,
  c: ScoreCase,
  inputs: Inputs,
  sink: ErrorSink,
): IndicatorResult & { alternative?: PartOutcome["alternative"] } {
  const def = entry.def;
  const weight = new Dec(def.weight);
  const common = {
    id: def.id,
    name: def.name,
    level1: entry.level1.name,
    level2: entry.level2.name,
    max: weight.toNumber(),
  };
  const override = c.overrides[def.id];
  if (!override) {
    const e = evaluate(entry, c, inputs, sink);
    return {
      ...common,
      score: e.score?.toNumber() ?? null,
      kind: e.kind,
      explanation: e.explanation,
      parts: e.parts,
      lostPoints: e.score === null ? [] : e.lost,
      alternative: e.alternative,
    };
  }
  // The rule still runs, in a sandbox: its errors explain why it could not compute, but an
  // evaluator's override stands (seed 004 overrides 项目完成及时性 without project counts).
  const sandbox = new ErrorSink();
  const rule = evaluate(entry, c, inputs, sandbox);
  const ruleScore = sandbox.errors.length ? null : rule.score;
  const reason = (override.reason ?? "").trim();
  const src = override.source;
  let score: Dec | null = null;
  if (!reason)
    sink.add({
      code: "overrideReason",
      target: def.id,
      ...(src ? { source: src } : {}),
      found: FOUND.empty,
      expected: EXPECTED.reason,
      message: MSG.overrideReason(def.name),
    });
  const p = parseScore(override.score, weight);
  if (!p.ok)
    sink.add({
      code: p.code,
      target: `${def.id}.override`,
      ...(src ? { source: src } : {}),
      found: p.found,
      expected: p.expected,
      message: MSG.overrideScore(def.name, src, p.found, p.expected),
    });
  else score = round2(p.value);
  const ruleText = ruleScore === null ? null : fmtScore(ruleScore);
  let explanation = EXPLAIN.override(score === null ? "—" : fmtScore(score), reason || "—", ruleText);
  if (ruleScore === null && sandbox.errors.length)
    explanation += EXPLAIN.sep + EXPLAIN.ruleCouldNot(sandbox.errors[0].message);
  else if (rule.explanation) explanation += EXPLAIN.sep + rule.explanation;
  const valid = score !== null && reason !== "";
  return {
    ...common,
    score: valid ? score!.toNumber() : null,
    kind: "override",
    explanation,
    parts: rule.parts,
    ruleScore: ruleScore?.toNumber() ?? null,
    overrideReason: reason,
    lostPoints: valid && score!.lessThan(weight) ? [LOST.override(def.name, reason)] : [],
  };
}

function differences(
  results: (IndicatorResult & { alternative?: PartOutcome["alternative"] })[],
  c: ScoreCase,
  total: Dec | null,
  grade: string | null,
): Difference[] {
  const out: Difference[] = [];
  for (const r of results) {
    if (!c.previous || !(r.id in c.previous) || r.score === null) continue;
    const prev = c.previous[r.id];
    if (prev === null || prev === undefined) {
      // An empty score cell (or a report that printed none) that now has a score.
      out.push({ target: r.id, name: r.name, previous: null, current: r.score, delta: null });
      continue;
    }
    const p = round2(new Dec(String(prev)));
    const current = new Dec(String(r.score));
    if (p.equals(current)) continue;
    const d: Difference = {
      target: r.id,
      name: r.name,
      previous: p.toNumber(),
      current: r.score,
      delta: current.minus(p).toNumber(),
    };
    if (r.alternative) {
      const alt = round2(r.alternative.score);
      if (p.minus(alt).abs().lessThan(p.minus(current).abs())) d.note = r.alternative.note(fmtScore(p), fmtScore(alt));
    }
    out.push(d);
  }
  if (c.previousTotal !== undefined && c.previousTotal !== null && total !== null) {
    const p = round2(new Dec(String(c.previousTotal)));
    if (!p.equals(total))
      out.push({
        target: TOTAL,
        name: DIFF.total,
        previous: p.toNumber(),
        current: total.toNumber(),
        delta: total.minus(p).toNumber(),
      });
  }
  if (c.previousGrade && grade !== null && c.previousGrade.trim() !== grade) {
    out.push({ target: GRADE, name: DIFF.grade, previous: c.previousGrade.trim(), current: grade, delta: null });
  }
  return out;
}

/** The exact sum of scores; none when any is missing (a group with an unscored indicator). */
function exactSum(scores: readonly (number | null | undefined)[]): number | null {
  let s = ZERO;
  for (const v of scores) {
    if (v === null || v === undefined) return null;
    s = s.plus(String(v));
  }
  return s.toNumber();
}

/** Exact subtotals per 二级 group, and per 一级 as the sum of its groups'. */
function levelTotals(rs: RuleSet, results: readonly IndicatorResult[]): Level1Total[] {
  const byId = new Map(results.map((r) => [r.id, r.score]));
  return rs.levels.map((l1) => {
    const groups = l1.groups.map((l2) => {
      const indicators = l2.indicators.map((d) => d.id);
      return {
        name: l2.name,
        max: Number(l2.weight),
        score: exactSum(indicators.map((id) => byId.get(id))),
        indicators,
      };
    });
    return { name: l1.name, max: Number(l1.weight), score: exactSum(groups.map((g) => g.score)), groups };
  });
}

export function scoreCase(rs: RuleSet, c: ScoreCase): ScoreResult {
  const sink = new ErrorSink();
  for (const e of checkWeights(rs)) sink.add(e);
  const inputs = parseInputs(rs, c, sink);
  const results = indicatorsOf(rs).map((entry) => scoreIndicator(entry, c, inputs, sink));
  const complete = results.every((r) => r.score !== null) && sink.errors.length === 0;
  const total = complete ? results.reduce((s, r) => s.plus(String(r.score)), ZERO) : null;
  const grade = total === null ? null : gradeOf(rs, total);
  const diffs = differences(results, c, total, grade);
  const indicators: IndicatorResult[] = results.map(({ alternative: _alt, ...r }) => r);
  return {
    ruleSet: rs.id,
    indicators,
    total: total?.toNumber() ?? null,
    grade,
    errors: sink.errors,
    differences: diffs,
    levels: levelTotals(rs, indicators),
    problems: indicators.filter((r) => r.score !== null && r.score < r.max).flatMap((r) => r.lostPoints),
  };
}
