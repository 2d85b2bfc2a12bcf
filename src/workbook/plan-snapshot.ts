/**
 * A snapshot as it is after a plan was written, computed in memory: after a rescoring the pane
 * shows the new undo record and scores without reading the workbook again (in Excel a refresh
 * read would cost two more round trips per click).
 */
import type { CellData, DefinedNameData, GridData, WorkbookSnapshot, WritePlan } from "./snapshot";
import { areaAddress, cellAddress, extendArea, parseArea, parseCell, type Area } from "./address";
import { SHEETS } from "../text/vocabulary";

function cellOf(address: string, value: string | number | null): CellData {
  return { address, value };
}

function setCell(grid: GridData, address: string, value: string | number | null, keepFormula = false): GridData {
  const old = grid.cells.find((c) => c.address === address);
  const cells = grid.cells.filter((c) => c.address !== address);
  if (keepFormula && old?.formula !== undefined) cells.push({ ...old, value });
  else if (value !== null && value !== "") cells.push(cellOf(address, value));
  const order = (c: CellData) => {
    const p = parseCell(c.address)!;
    return p.row * 20000 + p.col;
  };
  cells.sort((a, b) => order(a) - order(b));
  return { ...grid, cells };
}

function covers(grid: GridData, address: string): boolean {
  const a = grid.area ? parseArea(grid.area) : undefined;
  const p = parseCell(address);
  return !!a && !!p && p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right;
}

function grow(grid: GridData, address: string): GridData {
  const p = parseCell(address)!;
  const a: Area | undefined = grid.area ? parseArea(grid.area) : undefined;
  return { ...grid, area: areaAddress(extendArea(a, p.row, p.col)) };
}

/** The snapshot after `plan` (cells, whole sheets, names) is written. Pure; the input is not changed. */
export function withPlan(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  let grids = snapshot.grids.slice();
  let settings = snapshot.settings;
  let framework = snapshot.framework;
  const sheets = snapshot.sheets.slice();

  for (const s of plan.sheets) {
    if (!sheets.includes(s.sheet)) sheets.push(s.sheet);
    const cells: CellData[] = [];
    let area: Area | undefined;
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        cells.push(cellOf(cellAddress(r + 1, c + 1), v));
        area = extendArea(area, r + 1, c + 1);
      }),
    );
    const grid: GridData = { sheet: s.sheet, area: area ? areaAddress(area) : "", cells, merges: [] };
    grids = grids.filter((g) => g.sheet !== s.sheet);
    if (s.sheet === SHEETS.settings) settings = grid;
    else if (s.sheet === SHEETS.framework) framework = grid;
    else grids.push(grid);
  }

  for (const w of plan.cells) {
    let hit = false;
    grids = grids.map((g) => {
      if (g.sheet !== w.sheet || !covers(g, w.address)) return g;
      hit = true;
      return setCell(g, w.address, w.value, w.keepFormula);
    });
    if (settings && settings.sheet === w.sheet) {
      // The settings grid is the sheet's whole window: it grows to cover what the plan adds.
      settings = setCell(covers(settings, w.address) ? settings : grow(settings, w.address), w.address, w.value);
      hit = true;
    } else if (!settings && w.sheet === SHEETS.settings) {
      settings = {
        sheet: w.sheet,
        area: w.address,
        cells: w.value === null ? [] : [cellOf(w.address, w.value)],
        merges: [],
      };
      hit = true;
    }
    if (!hit && !grids.some((g) => g.sheet === w.sheet)) {
      grids.push({
        sheet: w.sheet,
        area: w.address,
        cells: w.value === null ? [] : [cellOf(w.address, w.value)],
        merges: [],
      });
    }
  }

  const cellIn = (sheet: string, address: string): CellData => {
    for (const g of [...grids, ...(settings ? [settings] : [])]) {
      if (g.sheet !== sheet) continue;
      const c = g.cells.find((x) => x.address === address);
      if (c) return { ...c };
    }
    const w = [...plan.cells].reverse().find((c) => c.sheet === sheet && c.address === address);
    return cellOf(address, w?.value ?? null);
  };
  const names: DefinedNameData[] = snapshot.names.map((n) => {
    if (!n.sheet || !n.cells) return n;
    const written = plan.cells.filter((c) => c.sheet === n.sheet);
    if (!written.length) return n;
    return {
      ...n,
      cells: n.cells.map((c) => {
        const w = [...written].reverse().find((x) => x.address === c.address);
        return w ? { ...c, value: w.value } : c;
      }),
    };
  });
  for (const nw of plan.names ?? []) {
    const a = parseArea(nw.address);
    if (!a) continue;
    const cells: CellData[] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) cells.push(cellIn(nw.sheet, cellAddress(r, c)));
    const entry: DefinedNameData = {
      name: nw.name,
      scope: null,
      reference: `${nw.sheet}!${areaAddress(a)}`,
      sheet: nw.sheet,
      address: areaAddress(a),
      cells,
    };
    const at = names.findIndex((n) => n.scope === null && n.name.toLowerCase() === nw.name.toLowerCase());
    if (at >= 0) names[at] = entry;
    else names.push(entry);
  }

  const out: WorkbookSnapshot = { sheets, names, grids };
  if (settings) out.settings = settings;
  if (framework) out.framework = framework;
  return out;
}
