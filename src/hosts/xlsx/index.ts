/**
 * The .xlsx host: reads a workbook package into a WorkbookSnapshot and writes a WritePlan back by
 * patching only the planned cells. Isomorphic (Uint8Array in and out; no fs, no Buffer), built on
 * fflate and fast-xml-parser only, so it fits the browser bundle and batch scoring alike.
 */
export { readXlsx, SETTINGS_SHEET, MAX_NAME_CELLS, parseNameReference } from "./read";
export { applyPlan } from "./write";
export { XlsxFormatError, XlsxPlanError } from "./errors";
export { BUILTIN_NUMBER_FORMATS, percentText } from "./numberFormat";
export { shiftFormula } from "./formula";
