/** Samples and a tiny .xlsx round trip for the pane's planners (apply with the .xlsx host, re-read). */
import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import type { WorkbookSnapshot, WritePlan } from "../../src/workbook/snapshot";

export const SAMPLE_000 = "seed-000-district-2020";
export const SAMPLE_004 = "seed-004-city-2021";

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, "../../assets/samples", `${name}.xlsx`)));
}

/** A workbook held as bytes: apply plans, read snapshots. */
export class Book {
  constructor(public bytes: Uint8Array) {}
  static sample(name: string): Book {
    return new Book(sampleBytes(name));
  }
  read(): WorkbookSnapshot {
    return readXlsx(this.bytes);
  }
  apply(plan: WritePlan): WorkbookSnapshot {
    this.bytes = applyPlan(this.bytes, plan);
    return this.read();
  }
}

/** The value of a cell as the snapshot holds it (from any grid). */
export function cellValue(s: WorkbookSnapshot, sheet: string, address: string): unknown {
  for (const g of [...s.grids, ...(s.settings ? [s.settings] : [])]) {
    const c = g.sheet === sheet ? g.cells.find((x) => x.address === address) : undefined;
    if (c) return c.value;
  }
  return null;
}

/** A snapshot without some names (as a workbook that never defined them). */
export function withoutNames(s: WorkbookSnapshot, names: string[]): WorkbookSnapshot {
  return { ...s, names: s.names.filter((n) => !names.includes(n.name)) };
}
