/**
 * Resolving the named inputs and judged parts of a rule set into a ScoreCase (without the
 * 评分表's typed scores, which table.ts supplies). Every value goes to the engine as the cell's
 * RawValue with its number format; the engine parses and judges values, this module only judges
 * names (missing, #REF!, more than one cell, not a cell).
 */
import {
  EFFECT_TABLE_NAME,
  indicatorsOf,
  judgedValueOf,
  partInputs,
  partName,
  type EffectRowRaw,
  type IndicatorDef,
  type InputDef,
  type InputId,
  type PartDef,
  type RawValue,
  type RuleSet,
  type ScoreCase,
  type ScoreError,
  type SourceRef,
} from "../engine";
import type { CellData, WorkbookSnapshot } from "./snapshot";
import { INPUT_SHEET, WB } from "../text/workbook";
import { NAMES } from "../text/vocabulary";
import { cellAddress, parseArea } from "./address";
import { cellRaw, findName, singleCell } from "./names";
import type { WorkbookSettings } from "./settings";

/** Inputs a rule set's rules read, in the framework's order. */
export function ruleSetInputs(rs: RuleSet): InputDef[] {
  const used = new Set<InputId>();
  for (const { def } of indicatorsOf(rs)) for (const p of def.parts) for (const id of partInputs(p)) used.add(id);
  return rs.inputs.filter((d) => used.has(d.id));
}

/** True for a part whose value is judged by a person and so has a `<三级指标>_<key>` name. */
export function isJudgedPart(part: PartDef): boolean {
  return judgedValueOf(part) !== undefined;
}

/** Judged parts of a rule set with their default defined names, in table order. */
export function judgedParts(rs: RuleSet): { indicator: IndicatorDef; part: PartDef; name: string }[] {
  return indicatorsOf(rs).flatMap(({ def }) =>
    def.parts.filter(isJudgedPart).map((part) => ({ indicator: def, part, name: partName(def.name, part.key) })),
  );
}

/** The user's own name for a contract name, per the 名称映射 table (by default name or input id). */
export function mappedName(settings: WorkbookSettings | undefined, defaultName: string, id?: string): string {
  return (
    settings?.mapping.get(defaultName)?.value ?? (id ? settings?.mapping.get(id)?.value : undefined) ?? defaultName
  );
}

/** One value the case uses, for the audit trail. */
export interface UsedValue {
  source: SourceRef;
  raw: RawValue;
}

export interface CaseInputs {
  inputs: ScoreCase["inputs"];
  inputSources: NonNullable<ScoreCase["inputSources"]>;
  parts: ScoreCase["parts"];
  partSources: NonNullable<ScoreCase["partSources"]>;
  effectTable?: EffectRowRaw[];
  /** Values bound, by input id or `${indicatorId}.${partKey}` / "effectTable". */
  used: Map<string, UsedValue>;
  /** Names already reported as broken: the engine's "missing" errors for them are redundant. */
  broken: Set<string>;
  errors: ScoreError[];
}

/** Every default name the contract may read for this rule set (inputs, parts, the effect table). */
export function inputNames(rs: RuleSet): string[] {
  return [...rs.inputs.map((d) => d.name), ...judgedParts(rs).map((p) => p.name), EFFECT_TABLE_NAME];
}

export function readInputs(snapshot: WorkbookSnapshot, rs: RuleSet, settings?: WorkbookSettings): CaseInputs {
  const out: CaseInputs = {
    inputs: {},
    inputSources: {},
    parts: {},
    partSources: {},
    used: new Map(),
    broken: new Set(),
    errors: [],
  };

  const lookup = (
    name: string,
    target: string,
    defaultName = name,
  ): { raw: RawValue; source: SourceRef } | undefined => {
    const dn = findName(snapshot, name);
    if (!dn) {
      // A 名称映射 row pointing at a name the workbook lacks: say so at that row.
      const row =
        name !== defaultName
          ? (settings?.mapping.get(defaultName) ??
            [...(settings?.mapping.values() ?? [])].find((r) => r.value === name))
          : undefined;
      if (row?.source.sheet && row.source.address) {
        out.errors.push({
          code: "settings",
          target,
          source: row.source,
          found: WB.found.text(name),
          expected: WB.expected.oneCell,
          message: WB.mappingToMissing(defaultName, name, row.source.sheet, row.source.address),
        });
        out.broken.add(name);
      }
      return undefined;
    }
    const c = singleCell(dn, target);
    if (!c.ok) {
      out.errors.push(c.error);
      out.broken.add(name);
      return undefined;
    }
    return { raw: cellRaw(c.cell), source: c.source };
  };

  for (const def of rs.inputs) {
    const name = mappedName(settings, def.name, def.id);
    out.inputSources[def.id] = { name };
    const found = lookup(name, def.id, def.name);
    if (!found) continue;
    out.inputs[def.id] = found.raw;
    out.inputSources[def.id] = found.source;
    out.used.set(def.id, found);
  }

  for (const { indicator, part, name: defaultName } of judgedParts(rs)) {
    const name = mappedName(settings, defaultName);
    (out.partSources[indicator.id] ??= {})[part.key] = { name };
    const found = lookup(name, `${indicator.id}.${part.key}`, defaultName);
    if (!found) continue;
    (out.parts[indicator.id] ??= {})[part.key] = found.raw;
    out.partSources[indicator.id][part.key] = found.source;
    out.used.set(`${indicator.id}.${part.key}`, found);
  }

  const effect = readEffectTable(snapshot, mappedName(settings, EFFECT_TABLE_NAME));
  if (effect.error) out.errors.push(effect.error);
  if (effect.rows?.length) {
    out.effectTable = effect.rows;
    out.used.set("effectTable", { source: effect.source!, raw: { value: `${effect.rows.length}` } });
  }

  // A mapping row whose key the contract never reads is a typo the user should see.
  if (settings) {
    const known = new Set([...inputNames(rs), ...rs.inputs.map((d) => d.id), NAMES.table, NAMES.total, NAMES.grade]);
    for (const [key, row] of settings.mapping) {
      if (known.has(key)) continue;
      out.errors.push({
        code: "settings",
        target: key,
        source: row.source,
        found: WB.found.text(key),
        expected: WB.expected.settingsValue,
        message: WB.settingsMappingUnknown(key, row.source.sheet ?? "", row.source.address ?? ""),
      });
    }
  }
  return out;
}

const EMPTY: RawValue = { value: null };

/** The 个性化绩效指标 table: rows of 名称, 分值, 性质, 目标值, 实际值[, 不适用]; a header row is skipped. */
function readEffectTable(
  snapshot: WorkbookSnapshot,
  name: string,
): { rows?: EffectRowRaw[]; source?: SourceRef; error?: ScoreError } {
  const dn = findName(snapshot, name);
  if (!dn) return {};
  if (/#REF!/i.test(dn.reference) || !dn.sheet || !dn.address) {
    const c = singleCell(dn, "effectTable");
    return c.ok ? {} : { error: c.error };
  }
  const area = parseArea(dn.address);
  if (!area) return {};
  const width = area.right - area.left + 1;
  const source: SourceRef = { name: dn.name, sheet: dn.sheet, address: dn.address };
  if (width < 5) {
    return {
      error: {
        code: "effectTable",
        target: "effectTable",
        source,
        found: WB.found.multi(dn.address, width),
        expected: WB.expected.effectTable,
        message: WB.effectTableShape(dn.name, dn.sheet, dn.address, width),
      },
    };
  }
  const cells = dn.cells ?? [];
  const at = (r: number, c: number): CellData =>
    cells[r * width + c] ?? { address: cellAddress(area.top + r, area.left + c), value: null };
  const rows: EffectRowRaw[] = [];
  for (let r = 0; r <= area.bottom - area.top; r++) {
    const row = Array.from({ length: width }, (_, c) => at(r, c));
    if (row.every((x) => x.value === null && !x.error)) continue;
    if (r === 0 && typeof row[0].value === "string" && row[0].value.replace(/\s/g, "") === INPUT_SHEET.effectHeaders[0])
      continue;
    const raw = (i: number) => (i < width ? cellRaw(row[i]) : EMPTY);
    const e: EffectRowRaw = {
      name: raw(0),
      weight: raw(1),
      nature: raw(2),
      target: raw(3),
      actual: raw(4),
      source: { name: dn.name, sheet: dn.sheet, address: `${row[0].address}:${row[width - 1].address}` },
    };
    if (width > 5) e.notApplicable = raw(5);
    rows.push(e);
  }
  return { rows, source };
}
