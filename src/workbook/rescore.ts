/**
 * One rescoring over a snapshot: settings → rule set → 评分表 → inputs → engine → plan.
 * All-or-nothing: any contract or engine error gives an empty plan, and all errors are returned
 * together. Pure; every host (Office.js, .xlsx, the pane's preview) calls this.
 */
import {
  applyOverrides,
  BUILTIN_RULE_SET_IDS,
  builtinRuleSetNames,
  findRuleSetId,
  EFFECT_TABLE_NAME,
  findIndicator,
  inputOf,
  indicatorsOf,
  normalizeName,
  partInputs,
  partName,
  scoreCase,
  scoreChanges,
  type RuleSet,
  type RuleSetOverrides,
  type ScoreCase,
  type ScoreError,
  type ScoreResult,
  type SourceRef,
} from "../engine";
import type { WorkbookSnapshot, WritePlan } from "./snapshot";
import { DETAIL, WB } from "../text/workbook";
import { showScore } from "../text/numbers";
import { NAMES } from "../text/vocabulary";
import { areaAddress, parseArea } from "./address";
import { cellRaw } from "./names";
import { inputNames, readInputs, type CaseInputs } from "./inputs";
import { buildPlan, numberOf } from "./plan";
import { readSettings, type WorkbookSettings } from "./settings";
import { checkRows, inferRuleSet, locateTable, sharedRuleSet, totalCells } from "./table";
import { readStoredFramework } from "./framework-sheet";

export interface RescoreOptions {
  /** Write the 评分明细 sheet; default: the 生成评分明细 setting, else false. */
  detailSheet?: boolean;
  now?: Date;
  /**
   * The framework to score by (`--rules FILE`), whatever the workbook carries or its settings
   * name; the settings' weights and grade bands still apply to it.
   */
  framework?: RuleSet;
}

export interface RescoreOutcome {
  ruleSet: RuleSet;
  result: ScoreResult;
  /** Empty when errors.length > 0. */
  plan: WritePlan;
  /** Contract and engine errors, all at once. */
  errors: ScoreError[];
  table?: { sheet: string; address: string; scoreColumn: string };
  /** Indicators whose score differs from the sheet's, plus total/grade when they differ. */
  /** e.g. "3 项得分变化，综合评分 89.16 → 89.46，良" */
  summary: string;
  /** Things the clerk should know that did not stop the scoring (e.g. a second 评分表 was found). */
  warnings: string[];
}

const EMPTY_PLAN = (): WritePlan => ({ cells: [], sheets: [] });

function emptyResult(ruleSet: string, errors: ScoreError[]): ScoreResult {
  return { ruleSet, indicators: [], total: null, grade: null, errors, differences: [], levels: [], problems: [] };
}

/** True when `name` is a 一级 or 二级 group of the rule set. */
export function isGroupName(rs: RuleSet, name: string): boolean {
  const n = normalizeName(name);
  return rs.levels.some((l1) => normalizeName(l1.name) === n || l1.groups.some((g) => normalizeName(g.name) === n));
}

/** Rule set: the 规则集 setting, else inferred from the table; then the settings' overrides. */
function chooseRuleSet(
  settings: WorkbookSettings,
  inferred: string | undefined,
  given?: RuleSet,
): { ruleSet?: RuleSet; errors: ScoreError[] } {
  const errors: ScoreError[] = [];
  // A framework given (a file, or the one the workbook carries) is the rule set; else the 规则集
  // setting; else what the table was printed from.
  let base: RuleSet | undefined = given;
  const chosen = settings.ruleSetId;
  if (!base && chosen) {
    // The 规则集 cell holds the rule set's short Chinese name (older workbooks: its id).
    base = sharedRuleSet(findRuleSetId(chosen.value) ?? chosen.value.trim());
    if (!base) {
      errors.push({
        code: "ruleSet",
        target: "ruleSet",
        source: chosen.source,
        found: WB.found.text(chosen.value),
        expected: WB.expected.ruleSet(builtinRuleSetNames()),
        message: WB.unknownRuleSet(
          chosen.value,
          chosen.source.sheet ?? "",
          chosen.source.address ?? "",
          builtinRuleSetNames(),
        ),
      });
      return { errors };
    }
  } else if (!base && inferred) {
    base = sharedRuleSet(inferred);
  }
  if (!base) {
    errors.push({
      code: "ruleSet",
      target: "ruleSet",
      found: WB.found.empty,
      expected: WB.expected.ruleSet(builtinRuleSetNames()),
      message: WB.ruleSetUnknownTable(builtinRuleSetNames()),
    });
    return { errors };
  }
  const o: RuleSetOverrides = {};
  const badNumber = (what: string, src: SourceRef, v: string | number | boolean | null | undefined) =>
    errors.push({
      code: "settings",
      target: what,
      source: src,
      found: WB.found.text(String(v ?? "")),
      expected: WB.expected.number,
      message: WB.settingsBadNumber(what, src.sheet ?? "", src.address ?? "", WB.found.text(String(v ?? ""))),
    });
  for (const w of settings.weights) {
    const v = w.value.weight.value;
    const n = numberOf(typeof v === "boolean" ? null : v);
    if (n === null) {
      badNumber(w.value.name, w.source, v);
      continue;
    }
    // A group's own name wins over an indicator alias ("效果性" is both a 二级 name and an alias
    // of its 三级 indicator), or the group could never be re-weighted.
    const def = isGroupName(base, w.value.name) ? undefined : findIndicator(base, w.value.name);
    if (def) (o.indicatorWeights ??= {})[def.id] = n;
    else (o.groupWeights ??= {})[w.value.name] = n;
  }
  if (settings.grades.length) {
    o.grades = [];
    for (const g of settings.grades) {
      const v = g.value.min.value;
      const n = numberOf(typeof v === "boolean" ? null : v);
      if (n === null) badNumber(g.value.label, g.source, v);
      else o.grades.push({ min: n, label: g.value.label });
    }
    o.grades.sort((a, b) => Number(b.min) - Number(a.min));
  }
  if (!o.indicatorWeights && !o.groupWeights && !o.grades) return { ruleSet: base, errors };
  const applied = applyOverrides(base, o);
  errors.push(...applied.errors.map((e) => withSettingsCell(e, base, settings)));
  return { ruleSet: applied.ruleSet, errors };
}

/**
 * A weight or grade error of the engine, located on the 评分设置 sheet: the row that names the
 * indicator or group, or a row under the group that does not add up, or the first grade row.
 */
function withSettingsCell(e: ScoreError, base: RuleSet, settings: WorkbookSettings): ScoreError {
  const n = normalizeName(e.target);
  const rowFor = (name: string) => settings.weights.find((w) => normalizeName(w.value.name) === normalizeName(name));
  let row = e.target === "grades" ? settings.grades[0] : rowFor(e.target);
  if (!row) {
    // A sum that does not add up: the group's own row, else a row of one of its members.
    for (const l1 of base.levels) {
      const members =
        normalizeName(l1.name) === n
          ? [l1.name, ...l1.groups.map((g) => g.name)]
          : l1.groups
              .filter((g) => normalizeName(g.name) === n)
              .flatMap((g) => [g.name, ...g.indicators.map((i) => i.name)]);
      row = members.map(rowFor).find((r) => r);
      if (row) break;
    }
    if (!row && e.target === "total") row = settings.weights[0];
  }
  if (!row?.source.sheet || !row.source.address) return e;
  return { ...e, source: row.source, message: WB.settingsAt(row.source.sheet, row.source.address, e.message) };
}

function describeUsed(c: CaseInputs, ruleSet: RuleSet): Map<string, string> {
  const out = new Map<string, string>();
  const show = (key: string, defaultName: string): string | undefined => {
    const u = c.used.get(key);
    if (!u) return undefined;
    const where = u.source.sheet && u.source.address ? `${u.source.sheet}!${u.source.address}` : null;
    const v = u.raw.errorValue ?? (u.raw.value === null ? DETAIL.empty : String(u.raw.value));
    return DETAIL.used(u.source.name || defaultName, where, v);
  };
  for (const { def } of indicatorsOf(ruleSet)) {
    const items: string[] = [];
    for (const part of def.parts) {
      for (const id of partInputs(part)) {
        const s = show(id, inputOf(ruleSet, id)?.name ?? id);
        if (s && !items.includes(s)) items.push(s);
      }
      const s =
        part.rule.kind === "effectTable"
          ? show("effectTable", EFFECT_TABLE_NAME)
          : show(`${def.id}.${part.key}`, partName(def.name, part.key));
      if (s) items.push(s);
    }
    out.set(def.id, items.join("；"));
  }
  return out;
}

/** The rule set named in the settings, else the first built-in one (when none can be chosen). */
function fallbackRuleSet(settings: WorkbookSettings): RuleSet {
  return sharedRuleSet(findRuleSetId(settings.ruleSetId?.value ?? "") ?? "") ?? sharedRuleSet(BUILTIN_RULE_SET_IDS[0])!;
}

/**
 * The rule set a rescoring of this snapshot uses (settings' overrides applied) and the rule set it
 * starts from, without scoring: what the pane's 设置 and 评定 views show.
 */
export function ruleSetsOf(
  snapshot: WorkbookSnapshot,
  settings: WorkbookSettings = readSettings(snapshot),
): { effective: RuleSet; base: RuleSet } {
  const given = readStoredFramework(snapshot.framework)?.ruleSet;
  const located = locateTable(snapshot, settings, given);
  const effective =
    chooseRuleSet(settings, located.table && !given ? inferRuleSet(located.table) : undefined, given).ruleSet ??
    given ??
    fallbackRuleSet(settings);
  return { effective, base: given ?? sharedRuleSet(effective.id) ?? effective };
}

export function rescore(snapshot: WorkbookSnapshot, options: RescoreOptions = {}): RescoreOutcome {
  const settings = readSettings(snapshot);
  const errors: ScoreError[] = [...settings.errors];
  // The framework: a file given, else the one the workbook carries (its problems stop scoring).
  const stored = options.framework ? undefined : readStoredFramework(snapshot.framework);
  if (stored) errors.push(...stored.errors);
  const given = options.framework ?? stored?.ruleSet;
  const fallback = () => given ?? fallbackRuleSet(settings);
  const fail = (ruleSet: RuleSet, extra: Partial<RescoreOutcome> = {}): RescoreOutcome => ({
    ruleSet,
    result: extra.result ?? emptyResult(ruleSet.id, errors),
    plan: EMPTY_PLAN(),
    errors,
    summary: WB.summaryErrors(errors.length),
    warnings,
    ...(extra.table ? { table: extra.table } : {}),
  });

  const located = locateTable(snapshot, settings, given);
  errors.push(...located.errors);
  const warnings: string[] = [];
  if (located.table && located.others?.length) {
    warnings.push(WB.otherTables({ sheet: located.table.sheet, address: located.table.address }, located.others));
  }
  const chosen = chooseRuleSet(settings, located.table && !given ? inferRuleSet(located.table) : undefined, given);
  // Without a table the rule set cannot be inferred; that error would only repeat the first.
  if (located.table || settings.ruleSetId || given) errors.push(...chosen.errors);
  const ruleSet = chosen.ruleSet ?? fallback();
  const t = located.table;
  const tableInfo = t ? { sheet: t.sheet, address: t.address, scoreColumn: t.scoreColumn } : undefined;

  const inputs = readInputs(snapshot, ruleSet, settings);
  errors.push(...inputs.errors);
  if (!t || !chosen.ruleSet) return fail(ruleSet, tableInfo ? { table: tableInfo } : {});

  const { rows, errors: rowErrors } = checkRows(t, ruleSet);
  errors.push(...rowErrors);
  const totals = totalCells(snapshot, t, settings);
  errors.push(...totals.errors);
  // The table as it will be: rows this run adds under it (综合评分, 评分等级) belong to it, so the
  // 评分表 name recorded now still fits the next run (which then has nothing to re-point).
  let bottom = t.area.bottom;
  if (totals.added)
    for (const x of [totals.total, totals.grade])
      if (x && x.sheet === t.sheet) bottom = Math.max(bottom, parseArea(x.address)!.top);
  const table = { sheet: t.sheet, address: areaAddress({ ...t.area, bottom }), scoreColumn: t.scoreColumn };

  const c: ScoreCase = {
    inputs: inputs.inputs,
    inputSources: inputs.inputSources,
    parts: inputs.parts,
    partSources: inputs.partSources,
    manual: {},
    manualSources: {},
    overrides: {},
    previous: {},
  };
  if (inputs.effectTable) c.effectTable = inputs.effectTable;
  for (const [id, row] of rows) {
    c.manual[id] = cellRaw(row.cell);
    c.manualSources![id] = { name: row.label, sheet: t.sheet, address: row.address };
    c.previous![id] = numberOf(row.cell.value);
  }
  c.previousTotal = totals.total ? numberOf(totals.total.cell.value) : null;
  c.previousGrade = totals.grade && typeof totals.grade.cell.value === "string" ? totals.grade.cell.value : null;
  for (const o of settings.overrides) {
    const def = findIndicator(ruleSet, o.value.indicator);
    if (!def) {
      errors.push({
        code: "settings",
        target: o.value.indicator,
        source: o.source,
        found: WB.found.text(o.value.indicator),
        expected: WB.expected.row,
        message: WB.settingsUnknownIndicator(o.value.indicator, o.source.sheet ?? "", o.source.address ?? ""),
      });
      continue;
    }
    c.overrides[def.id] = { score: o.value.score, reason: o.value.reason, source: o.value.scoreSource };
  }

  const result = scoreCase(ruleSet, c);
  // A name already reported as broken would also be "missing" to the engine: say it once.
  let engineErrors = result.errors.filter(
    (e) => !(e.code === "missing" && e.source && inputs.broken.has(e.source.name)),
  );
  if (inputs.used.size === 0 && inputs.errors.length === 0 && engineErrors.some((e) => e.code === "missing")) {
    // Nothing is bound yet (a workbook the add-in has never set up): one message, one action,
    // instead of a "missing" line per input.
    engineErrors = [
      ...engineErrors.filter((e) => e.code !== "missing"),
      {
        code: "noInputs",
        target: "inputs",
        found: WB.found.noInputs,
        expected: WB.expected.inputSheet,
        message: WB.noInputs,
      },
    ];
  }
  errors.push(...engineErrors);
  result.errors = errors;
  if (errors.length) return fail(ruleSet, { result: { ...result, total: null, grade: null }, table });

  const now = options.now ?? new Date();
  const detail = options.detailSheet ?? settings.detailSheet ?? false;
  const plan = buildPlan({
    table: t,
    rows,
    totals,
    result,
    ruleSet,
    detailSheet: detail,
    now,
    usedText: describeUsed(inputs, ruleSet),
  });

  const changed = scoreChanges(result.differences).length;
  const prevTotal = c.previousTotal ?? null;
  const parts = [changed ? WB.summaryChanged(changed) : WB.summaryUnchanged];
  parts.push(WB.summaryTotal(prevTotal === null ? null : showScore(prevTotal), showScore(result.total)));
  parts.push(result.grade ?? "");
  const summary = parts.join("，") + (totals.added ? WB.summaryAdded : "");
  return { ruleSet, result, plan, errors: [], table, summary, warnings };
}

/**
 * Every default defined name the contract may read, for the Office host's speculative single
 * read batch: inputs and parts of every built-in rule set, 效果性指标表, 评分表, 综合评分, 评分等级,
 * and the settings' names.
 */
export function contractNames(): string[] {
  const names = new Set<string>();
  for (const id of BUILTIN_RULE_SET_IDS) for (const n of inputNames(sharedRuleSet(id)!)) names.add(n);
  for (const n of [NAMES.table, NAMES.total, NAMES.grade, NAMES.ruleSet, NAMES.detailOption]) names.add(n);
  return [...names];
}
