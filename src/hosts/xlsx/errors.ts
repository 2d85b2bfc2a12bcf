/** Typed errors of the .xlsx host; `message` is the Chinese text shown to users. */

/** The bytes are not a readable .xlsx package (not a zip, no workbook, broken part). */
export class XlsxFormatError extends Error {
  readonly code: "empty" | "notZip" | "noWorkbook" | "badPart" | "tooLarge";
  constructor(code: XlsxFormatError["code"], message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "XlsxFormatError";
    this.code = code;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
    // Keep instanceof working when compiled to ES5-style classes by other toolchains.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A WritePlan that cannot be applied to this workbook (unknown sheet, bad address, …). */
export class XlsxPlanError extends Error {
  readonly code: "unknownSheet" | "badAddress" | "badNumber" | "badSheetName" | "duplicateSheet" | "badName";
  constructor(code: XlsxPlanError["code"], message: string) {
    super(message);
    this.name = "XlsxPlanError";
    this.code = code;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
