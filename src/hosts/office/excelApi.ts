/**
 * The slice of the Excel JavaScript API the Office host uses, as structural interfaces.
 *
 * Why: the host takes a context by dependency injection so tests pass a typed fake
 * (test/fakes/excel.ts) instead of a global `Excel`. Every member here is a `Pick` of the real
 * @types/office-js class or a method with the same signature restricted to what we call, so the
 * real `Excel.RequestContext` is assignable to `ExcelContext` (checked at the bottom of this file).
 * Requirement set: ExcelApi 1.13 (the manifest's minimum, see README "Requirements"); members of
 * later sets are only touched behind an `ApiSupport` check.
 */

export interface RangeAreasLike extends Pick<Excel.RangeAreas, "address" | "isNullObject"> {
  load(propertyNames?: string | string[]): RangeAreasLike;
}

/** ExcelApi 1.8: a range's data validation. */
export type DataValidationLike = Pick<Excel.DataValidation, "rule">;

export interface RangeLike extends Pick<
  Excel.Range,
  "address" | "values" | "text" | "numberFormat" | "formulas" | "valueTypes" | "isNullObject"
> {
  readonly dataValidation: DataValidationLike;
  /** ExcelApi 1.2: `format/protection/locked` is loaded to know whether a protected sheet's cell may be written. */
  readonly format: { readonly protection: Pick<Excel.FormatProtection, "locked"> };
  load(propertyNames?: string | string[]): RangeLike;
  getCell(row: number, column: number): RangeLike;
  getResizedRange(deltaRows: number, deltaColumns: number): RangeLike;
  getIntersectionOrNullObject(anotherRange: RangeLike | string): RangeLike;
  getRowsBelow(count?: number): RangeLike;
  getMergedAreasOrNullObject(): RangeAreasLike;
  /** 定位: selects the range in Excel's grid. */
  select(): void;
  /** ExcelApi 1.2 (自检 only: a merged area to read back). */
  merge(across?: boolean): void;
  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void;
}

export interface NamedItemLike extends Pick<
  Excel.NamedItem,
  "name" | "type" | "value" | "visible" | "scope" | "comment" | "isNullObject"
> {
  /** ExcelApi 1.7: setting it re-points the name and keeps its comment and visibility. */
  formula: string;
  load(propertyNames?: string | string[]): NamedItemLike;
  getRange(): RangeLike;
  getRangeOrNullObject(): RangeLike;
  delete(): void;
}

export interface NamedItemCollectionLike {
  readonly items: NamedItemLike[];
  load(propertyNames?: string | string[]): NamedItemCollectionLike;
  getItem(name: string): NamedItemLike;
  getItemOrNullObject(name: string): NamedItemLike;
  add(name: string, reference: Excel.Range | string, comment?: string): NamedItemLike;
}

export interface WorksheetProtectionLike extends Pick<Excel.WorksheetProtection, "protected"> {
  /** ExcelApi 1.2 (自检 only: a protected scratch sheet with one unlocked cell). */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface WorksheetLike extends Pick<Excel.Worksheet, "name" | "isNullObject"> {
  readonly protection: WorksheetProtectionLike;
  readonly names: NamedItemCollectionLike;
  load(propertyNames?: string | string[]): WorksheetLike;
  getRange(address?: string): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
  delete(): void;
}

/** A registered event handler (OfficeExtension.EventHandlerResult). */
export interface EventHandlerLike {
  remove(): void;
  /** The context the handler was added with: only a sync of this context removes it (docs: "Remove an event handler"). */
  readonly context: { sync(): Promise<void> };
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  /** ExcelApi 1.9: any worksheet of the workbook changed (also by the add-in's own writes). */
  readonly onChanged: { add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): EventHandlerLike };
  load(propertyNames?: string | string[]): WorksheetCollectionLike;
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
  add(name?: string): WorksheetLike;
}

export interface ApplicationLike extends Pick<Excel.Application, "calculationMode"> {
  load(propertyNames?: string | string[]): ApplicationLike;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface WorkbookLike {
  readonly names: NamedItemCollectionLike;
  readonly worksheets: WorksheetCollectionLike;
  readonly application: ApplicationLike;
  /** The user's selection (for binding an input to the selected cell). */
  getSelectedRange(): RangeLike;
}

/** What the host needs of `Excel.RequestContext`. */
export interface ExcelContext {
  readonly workbook: WorkbookLike;
  sync(): Promise<unknown>;
}

/**
 * Runs one batch function with a context, like `Excel.run`. The production runner wraps
 * `Excel.run({ delayForCellEdit, mergeUndoGroup? }, ...)`; tests pass the fake's runner.
 */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** Which ExcelApi requirement sets the host may use beyond the manifest's minimum. */
export type ApiSupport = (version: string) => boolean;

// Compile-time proof that the real object model fits the slice above. If @types/office-js changes
// shape this line fails to type-check, not the add-in at run time.
export type RealContextFits = Excel.RequestContext extends ExcelContext ? true : never;
const realContextFits: RealContextFits = true;
void realContextFits;
