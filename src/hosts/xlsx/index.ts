/**
 * The .xlsx host: reads a workbook package into a WorkbookSnapshot and writes a WritePlan back by
 * patching only the planned cells. Isomorphic (Uint8Array in and out; no fs, no Buffer), built on
 * fflate only (its own text scan of the XML), so it fits the browser bundle and batch scoring alike.
 *
 * Both functions are synchronous and pure.
 * - readXlsx: shared-formula members carry the master's formula moved to their cell (relative
 *   A1 refs, column and row ranges shifted); a member whose master is missing has formula "".
 *   `text` is only set for numbers in plain percent formats ("0.00%" → "95.61%").
 * - applyPlan: numbers as <v>, text as inline strings (sharedStrings.xml untouched), null clears;
 *   writing over a formula removes it (and its calcChain entry; calcChain goes when empty);
 *   fullCalcOnLoad="1" is set; <dimension> grows to cover written cells. CellWrite.numberFormat
 *   is ignored: a written cell keeps its style. plan.sheets replaces an existing sheet's part
 *   wholly (dropping that sheet's relationships: drawings, comments). plan.names re-points a
 *   workbook-scoped name or adds one.
 * Errors: XlsxFormatError (not an .xlsx), XlsxPlanError (plan does not fit); messages are Chinese
 * (src/text/xlsx.ts).
 */
export { readXlsx, readAllCells } from "./read";
export { applyPlan } from "./write";
export { XlsxFormatError, XlsxPlanError } from "./errors";
