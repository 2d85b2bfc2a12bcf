/**
 * Defined-name lookup of the contract: a workbook-scoped name, or a worksheet-scoped name of the
 * same text (Excel compares names case-insensitively), resolved to one cell.
 */
import type { RawValue, ScoreError, SourceRef } from "../engine";
import type { CellData, DefinedNameData, WorkbookSnapshot } from "./snapshot";
import { WB } from "../text/workbook";
import { parseArea } from "./address";

/** Per names list: lower-cased name → its entries, built once (a rescoring looks up ~70 names). */
const index = new WeakMap<DefinedNameData[], { size: number; byName: Map<string, DefinedNameData[]> }>();

/** Finds a name: workbook scope first, then the first worksheet-scoped one in sheet order. */
export function findName(snapshot: WorkbookSnapshot, name: string): DefinedNameData | undefined {
  let entry = index.get(snapshot.names);
  if (!entry || entry.size !== snapshot.names.length) {
    const byName = new Map<string, DefinedNameData[]>();
    for (const n of snapshot.names) {
      const k = n.name.toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), n]);
    }
    entry = { size: snapshot.names.length, byName };
    index.set(snapshot.names, entry);
  }
  const key = name.toLowerCase();
  const same = (entry.byName.get(key) ?? []).filter((n) => n.name.toLowerCase() === key);
  const global = same.find((n) => n.scope === null);
  if (global) return global;
  const order = (s: string | null) => (s === null ? -1 : snapshot.sheets.indexOf(s));
  return same.sort((a, b) => order(a.scope) - order(b.scope))[0];
}

export type CellLookup = { ok: true; cell: CellData; source: SourceRef } | { ok: false; error: ScoreError };

function sourceOf(dn: DefinedNameData, address?: string): SourceRef {
  const s: SourceRef = { name: dn.name };
  if (dn.sheet) s.sheet = dn.sheet;
  const at = address ?? dn.address;
  if (at) s.address = at;
  return s;
}

/** The one cell a name refers to, or the error that says why it is not one cell. */
export function singleCell(dn: DefinedNameData, target: string): CellLookup {
  const reference = dn.reference.replace(/^=/, "");
  if (/#REF!/i.test(reference)) {
    return {
      ok: false,
      error: {
        code: "nameRef",
        target,
        source: { name: dn.name },
        found: WB.found.ref,
        expected: WB.expected.oneCell,
        message: WB.nameRef(dn.name, reference),
      },
    };
  }
  if (!dn.sheet || !dn.address) {
    return {
      ok: false,
      error: {
        code: "nameRef",
        target,
        source: { name: dn.name },
        found: WB.found.notCell(reference),
        expected: WB.expected.oneCell,
        message: WB.nameNotCell(dn.name, reference),
      },
    };
  }
  const area = parseArea(dn.address);
  const n = area ? (area.bottom - area.top + 1) * (area.right - area.left + 1) : (dn.cells?.length ?? 0);
  if (n > 1) {
    return {
      ok: false,
      error: {
        code: "nameMultiCell",
        target,
        source: sourceOf(dn),
        found: WB.found.multi(dn.address, n),
        expected: WB.expected.oneCell,
        message: WB.nameMultiCell(dn.name, dn.sheet, dn.address, n),
      },
    };
  }
  const cell: CellData = dn.cells?.[0] ?? { address: dn.address, value: null };
  return { ok: true, cell, source: sourceOf(dn, cell.address || dn.address) };
}

/**
 * A cell as the engine's RawValue. A cell whose format the host did not report is treated as
 * "General" (so a plain number is never guessed to be a percent), unless its shown text has a %.
 */
export function cellRaw(cell: CellData): RawValue {
  const raw: RawValue = { value: cell.value };
  if (cell.error) raw.errorValue = cell.error;
  raw.numberFormat = cell.numberFormat ?? (cell.text?.trim().endsWith("%") ? "0.00%" : "General");
  return raw;
}
