/**
 * Binding (设置 / 绑定): which inputs, judged parts and the 个性化绩效指标 table a rule set reads,
 * whether each is found in the workbook, and the WritePlan that binds one to a cell the user
 * selected. Pure: snapshot + rule set + settings in, rows and plans out; the pane only renders.
 *
 * The state of a row is judged with the contract's own lookup (names.ts: findName, singleCell,
 * cellRaw; inputs.ts: mappedName) and the engine's value parsers, so "已找到" here means the same
 * as "no error for this name" in a rescoring.
 */
import {
  EFFECT_TABLE_NAME,
  indicatorsOf,
  inputOf,
  judgedValueOf,
  kindOf,
  parseInput,
  parseYesNo,
  partInputs,
  normalizeName,
  type IndicatorDef,
  type InputDef,
  type InputId,
  type PartDef,
  type RawValue,
  type RuleSet,
} from "../engine";
import { Dec } from "../engine/decimal";
import { isEmpty, parseCount, parseScore } from "../engine/values";
import type { CellData, DefinedNameData, NameWrite, WorkbookSnapshot } from "./snapshot";
import { cellRaw, findName, singleCell } from "./names";
import { judgedParts, mappedName, ruleSetInputs } from "./inputs";
import type { WorkbookSettings } from "./settings";
import { cellAddress, parseArea } from "./address";
import { EFFECT_ROWS } from "./input-sheet";
import { BIND_TEXT } from "../text/pane-setup";
import type { Planned } from "./planned";

/** found: bound and filled; empty: bound, still to fill; missing: no name; invalid: a name or value to fix. */
export type BindingState = "found" | "empty" | "missing" | "invalid";

export type BindingKind = "input" | "part" | "effectTable";

export interface BindingRow {
  /** Stable key: an input id, `${indicatorId}.${partKey}`, or "effectTable". */
  key: string;
  kind: BindingKind;
  /** Group heading in the pane: 基础数据 or the indicator's name. */
  group: string;
  /** Chinese label of the item. */
  label: string;
  /** The contract's default name (what the 名称映射 table is keyed by). */
  defaultName: string;
  /** The name the workbook uses: the mapped one, or the default. */
  name: string;
  state: BindingState;
  /** Where the name points, when it resolves to a sheet and address. */
  sheet?: string;
  address?: string;
  /** The cell's current value as shown ("" when empty or not found). */
  value: string;
  /** Why the row is invalid (Chinese, one sentence), when it is. */
  problem?: string;
  /** Input ids only: the input may be left unbound when its alternative is bound (进度 vs 金额). */
  alternative?: string;
}

/**
 * Inputs that may stay unbound, with what must be bound instead (an empty list: optional outright).
 * An input is optional only when every rule that reads it offers an alternative (rules/kind.ts).
 */
export function inputAlternatives(rs: RuleSet): Map<InputId, InputId[]> {
  const uses = new Map<InputId, (InputId[] | undefined)[]>();
  for (const { def } of indicatorsOf(rs)) {
    for (const p of def.parts) {
      const alts = new Map(kindOf(p.rule).alternatives(p.rule));
      for (const id of new Set(partInputs(p))) {
        const list = uses.get(id) ?? [];
        list.push(alts.get(id));
        uses.set(id, list);
      }
    }
  }
  const out = new Map<InputId, InputId[]>();
  for (const [id, list] of uses) {
    if (list.some((x) => x === undefined)) continue;
    out.set(id, [...new Set(list.flatMap((x) => x ?? []))]);
  }
  return out;
}

/** Whether a rule set has a 个性化绩效指标 table part (效果性). */
export function effectIndicator(rs: RuleSet): IndicatorDef | undefined {
  return indicatorsOf(rs).find(({ def }) => def.parts.some((p) => p.rule.kind === "effectTable"))?.def;
}

function shown(cell: CellData | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  if (cell.text !== undefined && cell.text !== "") return cell.text;
  if (cell.value === null) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/**
 * A judged part's value checked as the engine would read it: undefined when usable or empty
 * (empty = bound but not yet filled, which the judged view fills), else the expected wording.
 */
export function partValueProblem(part: PartDef, raw: RawValue): string | undefined {
  if (isEmpty(raw) && !raw.errorValue) return undefined;
  const r = part.rule;
  switch (judgedValueOf(part)) {
    case "yesNo":
    case "veto": {
      const p = parseYesNo(raw);
      return p.ok ? undefined : p.expected;
    }
    case "score": {
      const p = parseScore(raw, new Dec(part.points));
      return p.ok ? undefined : p.expected;
    }
    case "count": {
      const p = parseCount(raw);
      return p.ok ? undefined : p.expected;
    }
    case "level": {
      if (r.kind !== "level") return undefined;
      const text = normalizeName(String(raw.value ?? ""));
      const hit =
        r.levels.some(
          (l) => normalizeName(l.label) === text || (l.aliases ?? []).some((a) => normalizeName(a) === text),
        ) ||
        (typeof raw.value === "number" && r.levels.some((l) => new Dec(l.points).equals(String(raw.value))));
      return hit ? undefined : BIND_TEXT.levelExpected(r.levels.map((l) => l.label));
    }
    case undefined:
      return undefined;
  }
}

/** The state of one single-cell name, with the contract's lookup. */
function resolveCell(
  snapshot: WorkbookSnapshot,
  name: string,
  target: string,
  check: (raw: RawValue) => string | undefined,
): Pick<BindingRow, "state" | "sheet" | "address" | "value" | "problem"> {
  const dn = findName(snapshot, name);
  if (!dn) return { state: "missing", value: "" };
  const c = singleCell(dn, target);
  if (!c.ok) {
    const out: Pick<BindingRow, "state" | "sheet" | "address" | "value" | "problem"> = {
      state: "invalid",
      value: "",
      problem: c.error.message,
    };
    if (dn.sheet) out.sheet = dn.sheet;
    if (dn.address) out.address = dn.address;
    return out;
  }
  const raw = cellRaw(c.cell);
  const problem = check(raw);
  const out: Pick<BindingRow, "state" | "sheet" | "address" | "value" | "problem"> = {
    state: problem ? "invalid" : isEmpty(raw) ? "empty" : "found",
    value: shown(c.cell),
  };
  if (c.source.sheet) out.sheet = c.source.sheet;
  if (c.source.address) out.address = c.source.address;
  if (problem) out.problem = BIND_TEXT.badValue(name, out.sheet, out.address, shown(c.cell), problem);
  return out;
}

function inputProblem(def: InputDef, raw: RawValue): string | undefined {
  if (isEmpty(raw) && !raw.errorValue) return undefined;
  const p = parseInput(raw, def.unit);
  return p.ok ? undefined : p.expected;
}

/** The effect table's name: a range of at least 5 columns. */
function resolveTable(
  snapshot: WorkbookSnapshot,
  name: string,
): Pick<BindingRow, "state" | "sheet" | "address" | "value" | "problem"> {
  const dn: DefinedNameData | undefined = findName(snapshot, name);
  if (!dn) return { state: "missing", value: "" };
  const area = dn.address ? parseArea(dn.address) : undefined;
  if (!dn.sheet || !dn.address || !area || /#REF!/i.test(dn.reference)) {
    return { state: "invalid", value: "", problem: BIND_TEXT.tableBroken(name, dn.reference) };
  }
  const width = area.right - area.left + 1;
  const rows = area.bottom - area.top + 1;
  if (width < 5) {
    return {
      state: "invalid",
      sheet: dn.sheet,
      address: dn.address,
      value: "",
      problem: BIND_TEXT.tableNarrow(name, dn.sheet, dn.address, width),
    };
  }
  // Rows below a header row that hold anything: none yet means the table is still to fill.
  const filled = (dn.cells ?? []).some(
    (c, i) => i >= width && (c.value !== null || c.error !== undefined) && String(c.value ?? "").trim() !== "",
  );
  return { state: filled ? "found" : "empty", sheet: dn.sheet, address: dn.address, value: BIND_TEXT.tableRows(rows) };
}

/**
 * Every name the rule set reads, with its state: inputs (基础数据), judged parts by indicator, and
 * the 个性化绩效指标 table.
 */
export function bindingRows(snapshot: WorkbookSnapshot, rs: RuleSet, settings?: WorkbookSettings): BindingRow[] {
  const rows: BindingRow[] = [];
  const alternatives = inputAlternatives(rs);
  for (const def of ruleSetInputs(rs)) {
    const name = mappedName(settings, def.name, def.id);
    const row: BindingRow = {
      key: def.id,
      kind: "input",
      group: BIND_TEXT.inputsGroup,
      label: def.label,
      defaultName: def.name,
      name,
      ...resolveCell(snapshot, name, def.id, (raw) => inputProblem(def, raw)),
    };
    const alt = alternatives.get(def.id);
    if (alt?.length)
      row.alternative = BIND_TEXT.alternative(alt.map((id) => mappedName(settings, inputOf(rs, id)?.name ?? id, id)));
    else if (alt) row.alternative = BIND_TEXT.optional;
    rows.push(row);
  }
  for (const { indicator, part, name: defaultName } of judgedParts(rs)) {
    const name = mappedName(settings, defaultName);
    rows.push({
      key: `${indicator.id}.${part.key}`,
      kind: "part",
      group: indicator.name,
      label: part.label,
      defaultName,
      name,
      ...resolveCell(snapshot, name, `${indicator.id}.${part.key}`, (raw) => partValueProblem(part, raw)),
    });
  }
  const effect = effectIndicator(rs);
  if (effect) {
    const name = mappedName(settings, EFFECT_TABLE_NAME);
    rows.push({
      key: "effectTable",
      kind: "effectTable",
      group: effect.name,
      label: BIND_TEXT.effectTableLabel,
      defaultName: EFFECT_TABLE_NAME,
      name,
      ...resolveTable(snapshot, name),
    });
  }
  return rows;
}

/**
 * The plan that points a row's name (mapped or default) at the selected cell: one NameWrite,
 * nothing else. An input or part takes exactly one cell; the 个性化绩效指标 table takes a range of
 * at least 5 columns (名称、分值、性质、目标值、实际值[、不适用]).
 */
export function bindPlan(
  row: Pick<BindingRow, "kind" | "name" | "label">,
  selected: { sheet: string; address: string } | undefined,
): Planned {
  if (!selected) return { ok: false, message: BIND_TEXT.noSelection };
  const address = selected.address.replace(/\$/g, "").toUpperCase();
  const area = parseArea(address);
  if (!area) return { ok: false, message: BIND_TEXT.badSelection(selected.address) };
  const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  let target = address;
  if (row.kind === "effectTable") {
    // Excel's port reports only the active cell of a selection: one cell is taken as the table's
    // top-left corner (header + EFFECT_ROWS rows, 6 columns, as the 评分依据 sheet lays it out).
    if (cells === 1)
      target = `${cellAddress(area.top, area.left)}:${cellAddress(area.top + EFFECT_ROWS, area.left + 5)}`;
    else if (area.right - area.left + 1 < 5) return { ok: false, message: BIND_TEXT.selectTable };
  } else if (cells !== 1) {
    return { ok: false, message: BIND_TEXT.selectOneCell(row.label, address) };
  }
  const name: NameWrite = { name: row.name, sheet: selected.sheet, address: target };
  return { ok: true, plan: { cells: [], sheets: [], names: [name] } };
}
