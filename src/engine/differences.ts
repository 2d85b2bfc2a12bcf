/**
 * Reading a result's `differences` (kept apart from the scoring code so views that only show a
 * result do not load decimal arithmetic).
 */
import type { Difference } from "./types";

/** `Difference.target` of the total and of the grade (every other target is an indicator id). */
export const TOTAL = "total";
export const GRADE = "grade";

/** The differences that are indicator scores (not the total or the grade). */
export function scoreChanges(differences: readonly Difference[]): Difference[] {
  return differences.filter((d) => d.target !== TOTAL && d.target !== GRADE);
}
