/** Real workbooks for the pane tests: the shipped samples and bad fixtures, through the real contract. */
import { valueAt as cellValue } from "../support/cells";
import { readFileSync } from "fs";
import { join } from "path";
import { applyPlan, readXlsx } from "../../src/hosts/xlsx";
import { rescore, type RescoreOutcome } from "../../src/workbook/rescore";
import type { WorkbookSnapshot, WritePlan } from "../../src/workbook/snapshot";

export const ROOT = join(__dirname, "..", "..");
export const SEED_004 = join(ROOT, "assets/samples/seed-004-city-2021.xlsx");
export const SEED_000 = join(ROOT, "assets/samples/seed-000-district-2020.xlsx");
export const bad = (name: string) => join(ROOT, "test/fixtures/bad", `${name}.xlsx`);
export const NOW = new Date(2026, 10, 23, 17, 5);

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export interface Scored {
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  outcome: RescoreOutcome;
}

export function score(path: string | Uint8Array): Scored {
  const bytes = typeof path === "string" ? bytesOf(path) : path;
  const snapshot = readXlsx(bytes);
  return { bytes, snapshot, outcome: rescore(snapshot, { now: NOW }) };
}

export function write(bytes: Uint8Array, plan: WritePlan): Uint8Array {
  return applyPlan(bytes, plan);
}

/** The value of one cell as the .xlsx reader sees it. */
export function valueAt(bytes: Uint8Array, sheet: string, address: string): unknown {
  return cellValue(readXlsx(bytes), sheet, address) ?? null;
}
