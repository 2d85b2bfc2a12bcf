/**
 * A typed fake of the slice of the Excel JavaScript API the Office host uses
 * (src/hosts/office/excelApi.ts), with Office's semantics and limits rather than a data mock's:
 *
 * - proxies: properties THROW `PropertyNotLoaded` until `load()` + `context.sync()`;
 * - `*OrNullObject` gives null objects; `isNullObject` is loaded by every sync; anything chained
 *   from a null object is a null object (or, with `nullChainThrows`, fails the sync with
 *   InvalidObjectPath: a client that does not allow it); reading other properties of a null
 *   object throws;
 * - loads and writes are queued and run IN ORDER at `sync()`; a failing statement rejects the sync
 *   and leaves earlier statements applied (an Office batch is not a transaction); a name added
 *   before the sheet it points at exists is refused (InvalidArgument), as Excel resolves it then;
 * - limits of Excel on the web ("Resource limits and performance optimization"): a response over
 *   5 MB fails with ResponsePayloadSizeLimitExceeded (nothing loaded), a request over 5 MB with
 *   RequestPayloadSizeLimitExceeded (nothing run), getMergedAreasOrNullObject over 512 areas fails,
 *   a read over 5,000,000 cells fails; every sync's request/response bytes are logged;
 * - `Range.values` converts text as Excel does: "=…"/"+…" become formulas, "2024" a number,
 *   "5%" 0.05, "TRUE" a boolean, "2026-11-30 10:00" a date serial; "'" keeps the rest as text;
 *   `formulas` of a text cell returns its text without the quote (office-js#6687);
 * - protection: on a protected sheet only unlocked cells may be written (cells are locked unless
 *   `locked: false`); `format/protection/locked` reads true / false / null (mixed);
 * - `workbook.names` lists workbook-scoped names only; `worksheet.names` lists the sheet's own
 *   names AND the workbook-level ones (office-js#1011), each with its `scope`;
 * - errors: ItemNotFound, InvalidOperationInCellEditMode (flag `cellEditMode`: the whole sync fails
 *   before anything runs), AccessDenied, InvalidReference (getRange of a name of type Error),
 *   ItemAlreadyExists, InvalidArgument (ranges past the sheet's edge), UndoNotSupported (an
 *   operation `undoGroupRefuses` inside a context run with an undo group);
 * - `syncCount`, a log of raw values written (to check numbers stay numbers), a hook run before
 *   each sync (e.g. to protect a sheet between the read and the write), calculation mode.
 */
import type {
  ApplicationLike,
  ExcelContext,
  ExcelRunner,
  NamedItemCollectionLike,
  NamedItemLike,
  RangeAreasLike,
  RangeLike,
  WorkbookLike,
  WorksheetCollectionLike,
  WorksheetLike,
  WorksheetProtectionLike,
} from "../../src/hosts/office/excelApi";
import type { OfficeRunner } from "../../src/hosts/office/rescoreWorkbook";

export type Scalar = string | number | boolean | null;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  text?: string;
  /** Error value such as "#DIV/0!" (value is then ignored). */
  error?: string;
  /** Cells are locked unless this is false (matters on a protected sheet). */
  locked?: boolean;
  /** Written with Excel's text prefix "'". */
  quotePrefix?: boolean;
}

export interface FakeSheet {
  name: string;
  /** Memo of the used range (cells change only through the fake, which clears it). */
  used?: { key: string; box: Box | null };
  /** Key "row,col" 0-based. */
  cells: Map<string, FakeCell>;
  protected: boolean;
  merges: string[];
  /** Data-validation rules set through Range.dataValidation.rule (ExcelApi 1.8), by A1 range. */
  validations?: { address: string; rule: Excel.DataValidationRule }[];
}

export interface FakeName {
  name: string;
  /** Formula text without "=", e.g. "Sheet1!$C$5", "#REF!", "0.06". */
  reference: string;
  /** null = workbook; otherwise the sheet it is local to. */
  scope: string | null;
  visible?: boolean;
  comment?: string;
}

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
    public debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;
/** Excel on the web's limits (Microsoft's "Resource limits and performance optimization"). */
export const LIMITS = { responseBytes: 5_000_000, requestBytes: 5_000_000, mergedAreas: 512, cellsPerRead: 5_000_000 };

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colLetters(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}
export function parseA1(cell: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(cell.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `bad address ${cell}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}
function quoteSheet(s: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

interface Box {
  sheet: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
function parseBox(sheet: string, address: string): Box {
  const text = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = text.replace(/\$/g, "").split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    sheet,
    r0: Math.min(p.row, q.row),
    c0: Math.min(p.col, q.col),
    r1: Math.max(p.row, q.row),
    c1: Math.max(p.col, q.col),
  };
}
function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && a.r1 >= b.r0 && a.c0 <= b.c1 && a.c1 >= b.c0;
}

function boxAddress(b: Box): string {
  const tl = a1(b.r0, b.c0);
  const br = a1(b.r1, b.c1);
  return `${quoteSheet(b.sheet)}!${tl === br ? tl : `${tl}:${br}`}`;
}
function boxCells(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}
/** "Sheet!$A$1:$B$2" or "'My sheet'!A1" → sheet + box; undefined when not a plain reference. */
function parseReference(ref: string): { sheet: string; address: string } | undefined {
  const text = ref.replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = text.slice(bang + 1);
  return /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(address) ? { sheet, address } : undefined;
}

function bytes(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v) ?? "").length;
}

/** Days since 1899-12-30, as Excel stores dates. */
function serial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000 + (hh * 3600 + mm * 60 + ss) / 86_400;
}

/** What Excel stores for a string written through `Range.values` (en/zh locales). */
export function convertWrittenText(x: string): FakeCell {
  if (x.startsWith("'")) return { value: x.slice(1), quotePrefix: true };
  if (/^=/.test(x) || (/^[+-]/.test(x) && !/^[+-]\s*[\d.,]+%?$/.test(x)))
    return { value: null, formula: x.replace(/^=/, "") };
  const t = x.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t) && /\d/.test(t))
    return { value: Number(t.replace(/,/g, "")) };
  const pct = /^([+-]?\d+(\.\d+)?)\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m)
    return {
      value: serial(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)),
      numberFormat: m[4] ? "yyyy/m/d h:mm" : "yyyy/m/d",
    };
  m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m) return { value: serial(+m[1], +m[2], +(m[3] ?? 1)), numberFormat: 'yyyy"年"m"月"' };
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return { value: (+m[1] * 3600 + +m[2] * 60 + +(m[3] ?? 0)) / 86_400, numberFormat: "h:mm" };
  return { value: x };
}

/** The workbook behind the fake, plus switches for the error cases. */
export class FakeWorkbookData {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  /**
   * The user is editing a cell: a sync fails with InvalidOperationInCellEditMode and runs nothing,
   * or, in a context made with `delayForCellEdit` (as `officeRunner()` makes them), waits until
   * `leaveCellEdit()` (Excel.run's documented behaviour).
   */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** Test helper: the user pressed Enter; batches held by delayForCellEdit run now. */
  leaveCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }
  /** Resolves when the cell edit ends. */
  cellEditEnded(): Promise<void> {
    return this.cellEditMode ? new Promise((r) => this.cellEditWaiters.push(r)) : Promise.resolve();
  }
  /** When true a method chained off a null object fails the sync (InvalidObjectPath). */
  nullChainThrows = false;
  /** Operations refused inside a context with an undo group ("worksheet.delete", "values", …). */
  undoGroupRefuses?: (op: string) => boolean;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Test of the self-check: an Excel that drops the quote prefix and converts the text (none is known to). */
  quotePrefixIgnored = false;
  calculations = 0;
  /** Bumped by every change the fake makes to cells (memos key on it). */
  version = 0;
  selection = { sheet: "", address: "A1" };
  syncCount = 0;
  /** Raw JS values assigned to `Range.values`, in order (sheet, address, values). */
  writeLog: { sheet: string; address: string; values: unknown[][] }[] = [];
  /** Bytes each sync sent and received, and cells it read. */
  payloadLog: { requestBytes: number; responseBytes: number; cells: number }[] = [];
  /** Called before each sync runs, with the 1-based number of that sync. */
  beforeSync?: (n: number) => void;
  /** Handlers registered through worksheets.onChanged (ExcelApi 1.9). */
  changeHandlers = new Set<(args: Excel.WorksheetChangedEventArgs) => Promise<unknown>>();

  /** Test helper: the user (or anything) changed a cell; every registered handler hears of it. */
  async fireChanged(sheet: string, address: string): Promise<void> {
    for (const h of [...this.changeHandlers])
      await h({
        worksheetId: sheet,
        address,
        changeType: "RangeEdited",
        source: "Local",
        type: "WorksheetChanged",
      } as unknown as Excel.WorksheetChangedEventArgs);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  addSheet(name: string): FakeSheet {
    const s: FakeSheet = { name, cells: new Map(), protected: false, merges: [] };
    this.sheets.push(s);
    return s;
  }
  /** Test helper: a cell by "Sheet" and "C5". */
  cell(sheet: string, address: string): FakeCell | undefined {
    const p = parseA1(address);
    return this.sheet(sheet)?.cells.get(`${p.row},${p.col}`);
  }
  setCell(sheet: string, address: string, cell: FakeCell): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    const p = parseA1(address);
    s.cells.set(`${p.row},${p.col}`, cell);
  }
  /** Deep copy, to compare before/after. */
  dump(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        cells: Array.from(s.cells.entries()).sort(),
      })),
      names: this.names.map((n) => ({ ...n })),
    };
  }
  nameType(n: FakeName): NamedItemLike["type"] {
    if (/#REF!|#NAME\?/.test(n.reference)) return "Error";
    const ref = parseReference(n.reference);
    if (ref) return this.sheet(ref.sheet) ? "Range" : "Error";
    if (/^-?\d+(\.\d+)?$/.test(n.reference)) return "Double";
    if (/^(TRUE|FALSE)$/i.test(n.reference)) return "Boolean";
    return "String";
  }

  context(options: { undoGroup?: boolean; delayForCellEdit?: boolean } = {}): FakeContext {
    return new FakeContext(this, options.undoGroup === true, options.delayForCellEdit === true);
  }
  /** Like `officeRunner()` below ExcelApi 1.20: `Excel.run({ delayForCellEdit: true })`. */
  get delayedRun(): ExcelRunner {
    return <T>(batch: (context: ExcelContext) => Promise<T>) => batch(this.context({ delayForCellEdit: true }));
  }
  /** An `ExcelRunner` over a fresh context, like `Excel.run`. */
  get run(): ExcelRunner {
    return <T>(batch: (context: ExcelContext) => Promise<T>) => batch(this.context());
  }
  /** Like `officeRunner()` on ExcelApi 1.20: an undo group, and the same runner without it. */
  get groupedRun(): OfficeRunner {
    const grouped: OfficeRunner = <T>(batch: (context: ExcelContext) => Promise<T>) =>
      batch(this.context({ undoGroup: true }));
    grouped.withoutUndoGroup = this.run;
    grouped.undoGroup = true;
    return grouped;
  }
}

interface Op {
  run: () => void;
  requestBytes: number;
}

export class FakeContext implements ExcelContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private tracked: FakeObject[] = [];
  /** Loads of the running sync, delivered only when the response fits. */
  pending: { commit: () => void; bytes: number; cells: number }[] = [];
  /** Ranges whose values the running sync wrote (WorksheetCollection.onChanged reports them). */
  changed: { sheet: string; address: string }[] = [];
  constructor(
    readonly data: FakeWorkbookData,
    readonly undoGroup = false,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(run: () => void, requestBytes = 0): void {
    this.queue.push({ run, requestBytes });
  }
  track(o: FakeObject): void {
    this.tracked.push(o);
  }
  /** Throws UndoNotSupported when this context has an undo group that refuses `op`. */
  undoCheck(op: string): void {
    if (this.undoGroup && this.data.undoGroupRefuses?.(op))
      throw new FakeOfficeError("UndoNotSupported", `${op} is not supported in an undo group`);
  }
  async sync(): Promise<void> {
    const d = this.data;
    d.syncCount++;
    d.beforeSync?.(d.syncCount);
    const ops = this.queue;
    this.queue = [];
    this.pending = [];
    this.changed = [];
    if (d.cellEditMode && this.delayForCellEdit) await d.cellEditEnded();
    if (d.cellEditMode) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    const requestBytes = ops.reduce((n, o) => n + o.requestBytes, 0);
    if (requestBytes > LIMITS.requestBytes) {
      d.payloadLog.push({ requestBytes, responseBytes: 0, cells: 0 });
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    try {
      for (const op of ops) op.run();
    } finally {
      d.version++;
      const responseBytes = this.pending.reduce((n, p) => n + p.bytes, 0);
      const cells = this.pending.reduce((n, p) => n + p.cells, 0);
      d.payloadLog.push({ requestBytes, responseBytes, cells });
      // Office loads isNullObject of every proxy on sync.
      for (const o of this.tracked) o.settleNull();
      if (responseBytes > LIMITS.responseBytes) {
        this.pending = [];
        // eslint-disable-next-line no-unsafe-finally
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        );
      }
    }
    for (const p of this.pending) p.commit();
    this.pending = [];
    // Excel raises onChanged for the add-in's own writes too, after the batch (asynchronously).
    const changed = this.changed;
    this.changed = [];
    if (changed.length && d.changeHandlers.size)
      setTimeout(() => void Promise.all(changed.map((c) => d.fireChanged(c.sheet, c.address))), 0);
  }
}

function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

abstract class FakeObject<T = unknown> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(readonly ctx: FakeContext) {
    ctx.track(this);
  }
  /** The data this proxy stands for now; null for a null object; throws for getItem misses. */
  abstract resolve(): T | null;
  protected abstract read(target: T, prop: string): unknown;
  protected abstract props: readonly string[];

  settleNull(): void {
    try {
      this.nullState = this.resolve() === null;
    } catch {
      this.nullState = undefined;
    }
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("isNullObject");
    return this.nullState;
  }
  protected get<V>(prop: string): V {
    if (this.nullState === true) throw new FakeOfficeError("InvalidObjectPath", `'${prop}' read on a null object`);
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as V;
  }
  /** Cells a load of `prop` reads (for the read limit and the payload log). */
  protected cellsOf(_t: T, _prop: string): number {
    return 0;
  }
  /** Loads a comma list or array of properties (navigation paths allowed where supported). */
  protected queueLoad(propertyNames: string | string[] | undefined): void {
    const list = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of list) {
      if (!this.props.includes(p)) throw new Error(`fake: load of unsupported property '${p}'`);
    }
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t === null) return;
      const values = new Map<string, unknown>();
      let size = 0;
      let cells = 0;
      for (const p of list) {
        cells += this.cellsOf(t, p);
        if (cells > LIMITS.cellsPerRead)
          throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "too many cells");
        const v = this.read(t, p);
        values.set(p, v);
        size += bytes(v);
      }
      this.ctx.pending.push({ commit: () => values.forEach((v, p) => this.loaded.set(p, v)), bytes: size, cells });
    });
  }
  /** Resolves a parent for a chained method: null stays null, or fails on a strict client. */
  protected chained<P>(parent: { resolve(): P | null }): P | null {
    const p = parent.resolve();
    if (p === null && this.ctx.data.nullChainThrows)
      throw new FakeOfficeError("InvalidObjectPath", "method called on a null object");
    return p;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget extends Box {}

function sheetOf(ctx: FakeContext, name: string): FakeSheet {
  const s = ctx.data.sheet(name);
  if (!s) throw new FakeOfficeError("ItemNotFound", `sheet ${name} not found`);
  return s;
}

export class FakeRange extends FakeObject<RangeTarget> implements RangeLike {
  protected props = [
    "address",
    "values",
    "text",
    "numberFormat",
    "formulas",
    "valueTypes",
    "format/protection/locked",
  ] as const;
  constructor(
    ctx: FakeContext,
    private target: () => RangeTarget | null,
  ) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.target();
  }
  private grid<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V[][] {
    const s = sheetOf(this.ctx, t.sheet);
    const out: V[][] = [];
    for (let r = t.r0; r <= t.r1; r++) {
      const row: V[] = [];
      for (let c = t.c0; c <= t.c1; c++) row.push(f(s.cells.get(`${r},${c}`)));
      out.push(row);
    }
    return out;
  }
  protected override cellsOf(t: RangeTarget, prop: string): number {
    return prop === "address" ? 0 : boxCells(t);
  }
  protected read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "address":
        return boxAddress(t);
      case "values":
        return this.grid(t, (c) => (c ? (c.error ?? c.value ?? "") : ""));
      case "text":
        return this.grid(t, (c) => (c ? (c.text ?? c.error ?? (c.value === null ? "" : String(c.value))) : ""));
      case "numberFormat":
        return this.grid(t, (c) => c?.numberFormat ?? "General");
      case "formulas":
        // A constant reads back as its value: a quote-prefixed text keeps no quote (office-js#6687).
        return this.grid(t, (c) => (c?.formula ? `=${c.formula}` : c ? (c.error ?? c.value ?? "") : ""));
      case "valueTypes":
        return this.grid(t, (c) =>
          !c || (c.value === null && !c.error)
            ? "Empty"
            : c.error
              ? "Error"
              : typeof c.value === "number"
                ? "Double"
                : typeof c.value === "boolean"
                  ? "Boolean"
                  : "String",
        );
      case "format/protection/locked": {
        const s = sheetOf(this.ctx, t.sheet);
        let all: boolean | null | undefined;
        for (let r = t.r0; r <= t.r1; r++) {
          for (let c = t.c0; c <= t.c1; c++) {
            const locked = s.cells.get(`${r},${c}`)?.locked !== false;
            if (all === undefined) all = locked;
            else if (all !== locked) return null;
          }
        }
        return all ?? true;
      }
      default:
        throw new Error(prop);
    }
  }
  load(propertyNames?: string | string[]): FakeRange {
    this.queueLoad(propertyNames);
    return this;
  }
  get address(): string {
    return this.get("address");
  }
  get values(): any[][] {
    return this.get("values");
  }
  set values(v: any[][]) {
    this.queueWrite("values", v);
  }
  get text(): string[][] {
    return this.get("text");
  }
  get numberFormat(): any[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.queueWrite("numberFormat", v);
  }
  get formulas(): any[][] {
    return this.get("formulas");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.get("valueTypes");
  }
  get format(): { protection: { locked: boolean } } {
    const range = this;
    return {
      protection: {
        get locked(): boolean {
          return range.get("format/protection/locked");
        },
        /** Queued; allowed on an unprotected sheet only, as in Excel. */
        set locked(v: boolean) {
          range.ctx.enqueue(() => {
            const t = range.resolve();
            if (!t) return;
            const s = sheetOf(range.ctx, t.sheet);
            if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
            for (let r = t.r0; r <= t.r1; r++)
              for (let c = t.c0; c <= t.c1; c++) {
                const key = `${r},${c}`;
                const cell = s.cells.get(key) ?? { value: null };
                s.cells.set(key, { ...cell, locked: v });
              }
          });
        },
      },
    };
  }
  /** Merges the range (one area); merging into an existing merge is refused, as Excel asks first. */
  merge(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) return;
      const s = sheetOf(this.ctx, t.sheet);
      if (s.merges.some((m) => overlaps(parseBox(t.sheet, m), t)))
        throw new FakeOfficeError("InvalidOperation", "Cannot merge over a merged area.");
      s.merges.push(boxAddress(t).split("!")[1]);
    });
  }

  /** A write to a protected sheet is refused unless every target cell is unlocked. */
  private writable(t: RangeTarget, cellsOnly: boolean): FakeSheet {
    const s = sheetOf(this.ctx, t.sheet);
    if (!s.protected) return s;
    let unlocked = cellsOnly;
    if (cellsOnly) {
      for (let r = t.r0; r <= t.r1 && unlocked; r++)
        for (let c = t.c0; c <= t.c1 && unlocked; c++) if (s.cells.get(`${r},${c}`)?.locked !== false) unlocked = false;
    }
    if (!unlocked) {
      throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", {
        code: "AccessDenied",
        message: "protected",
        errorLocation: "Range.values",
      });
    }
    return s;
  }

  private queueWrite(kind: "values" | "numberFormat", v: unknown[][]): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t === null) return; // methods on null objects do nothing
      this.ctx.undoCheck(kind);
      const s = this.writable(t, true);
      const rows = t.r1 - t.r0 + 1;
      const cols = t.c1 - t.c0 + 1;
      if (v.length !== rows || v.some((r) => r.length !== cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      if (kind === "values") {
        this.ctx.data.writeLog.push({ sheet: t.sheet, address: boxAddress(t), values: v.map((r) => r.slice()) });
        this.ctx.changed.push({ sheet: t.sheet, address: boxAddress(t).split("!")[1] });
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const key = `${t.r0 + r},${t.c0 + c}`;
          const old = s.cells.get(key);
          const x = v[r][c];
          if (kind === "numberFormat") {
            s.cells.set(key, { ...(old ?? { value: null }), numberFormat: String(x) });
            continue;
          }
          const keep: Partial<FakeCell> = {};
          if (old?.numberFormat) keep.numberFormat = old.numberFormat;
          if (old?.locked === false) keep.locked = false;
          if (x === "" || x === null || x === undefined) {
            if (keep.numberFormat || keep.locked === false) s.cells.set(key, { value: null, ...keep });
            else s.cells.delete(key);
          } else if (typeof x === "string") {
            const conv = convertWrittenText(this.ctx.data.quotePrefixIgnored && x.startsWith("'") ? x.slice(1) : x);
            s.cells.set(key, { ...keep, ...conv });
          } else {
            s.cells.set(key, { value: x as Scalar, ...keep });
          }
        }
      }
    }, bytes(v));
  }

  /** ExcelApi 1.8. Only `rule` is modelled: setting it records the rule for the range's sheet. */
  get dataValidation(): { rule: Excel.DataValidationRule } {
    const range = this;
    return {
      get rule(): Excel.DataValidationRule {
        throw new Error("fake: reading dataValidation.rule is not modelled");
      },
      set rule(rule: Excel.DataValidationRule) {
        range.ctx.enqueue(() => {
          const t = range.resolve();
          if (t === null) return;
          const s = range.writable(t, false);
          (s.validations ??= []).push({ address: boxAddress(t), rule });
        });
      },
    };
  }

  private derive(f: (t: RangeTarget) => RangeTarget | null): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.chained(this);
      return t && f(t);
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.derive((t) => edge({ ...t, r0: t.r0 + row, c0: t.c0 + column, r1: t.r0 + row, c1: t.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((t) => {
      const b = { ...t, r1: t.r1 + deltaRows, c1: t.c1 + deltaColumns };
      if (b.r1 < b.r0 || b.c1 < b.c0) throw new FakeOfficeError("InvalidArgument", "resize below one cell");
      return edge(b);
    });
  }
  getIntersectionOrNullObject(another: RangeLike | string): FakeRange {
    return this.derive((t) => {
      let o: Box | null;
      if (typeof another === "string") o = parseBox(t.sheet, another);
      else {
        o = (another as FakeRange).resolve();
        if (o && o.sheet !== t.sheet) return null;
      }
      if (!o) return null;
      const b = {
        sheet: t.sheet,
        r0: Math.max(t.r0, o.r0),
        c0: Math.max(t.c0, o.c0),
        r1: Math.min(t.r1, o.r1),
        c1: Math.min(t.c1, o.c1),
      };
      return b.r0 <= b.r1 && b.c0 <= b.c1 ? b : null;
    });
  }
  getRowsBelow(count = 1): FakeRange {
    return this.derive((t) => ({ ...t, r0: t.r1 + 1, r1: Math.min(MAX_ROW, t.r1 + count) }));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.chained(this);
      if (!t) return null;
      const s = sheetOf(this.ctx, t.sheet);
      const hits = s.merges
        .map((m) => parseBox(t.sheet, m))
        .filter((m) => m.r0 <= t.r1 && m.r1 >= t.r0 && m.c0 <= t.c1 && m.c1 >= t.c0);
      if (hits.length > LIMITS.mergedAreas)
        throw new FakeOfficeError("GeneralException", `more than ${LIMITS.mergedAreas} merged areas`);
      return hits.length ? hits : null;
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t) this.ctx.data.selection = { sheet: t.sheet, address: boxAddress(t).split("!")[1] };
    });
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t === null) return;
      const s = this.writable(t, false);
      for (const key of Array.from(s.cells.keys())) {
        const [r, c] = key.split(",").map(Number);
        if (r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1) s.cells.delete(key);
      }
    });
  }
}

/** A range past the sheet's last row or column is refused, as Excel does. */
function edge(b: Box): Box {
  if (b.r1 > MAX_ROW || b.c1 > MAX_COL || b.r0 < 0 || b.c0 < 0)
    throw new FakeOfficeError("InvalidArgument", "The range is outside the worksheet.");
  return b;
}

export class FakeRangeAreas extends FakeObject<Box[]> implements RangeAreasLike {
  protected props = ["address"] as const;
  constructor(
    ctx: FakeContext,
    private target: () => Box[] | null,
  ) {
    super(ctx);
  }
  resolve(): Box[] | null {
    return this.target();
  }
  protected read(t: Box[]): unknown {
    return t.map(boxAddress).join(",");
  }
  load(propertyNames?: string | string[]): FakeRangeAreas {
    this.queueLoad(propertyNames);
    return this;
  }
  get address(): string {
    return this.get("address");
  }
}

// ---------------------------------------------------------------------------------------------
// Names

export class FakeNamedItem extends FakeObject<FakeName> implements NamedItemLike {
  protected props = ["name", "type", "value", "visible", "scope", "formula", "comment"] as const;
  constructor(
    ctx: FakeContext,
    private target: () => FakeName | null,
  ) {
    super(ctx);
  }
  resolve(): FakeName | null {
    return this.target();
  }
  protected read(n: FakeName, prop: string): unknown {
    const d = this.ctx.data;
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return d.nameType(n);
      case "value": {
        const t = d.nameType(n);
        if (t === "Error") return "#REF!";
        if (t === "Double") return Number(n.reference);
        return n.reference.replace(/^=/, "");
      }
      case "visible":
        return n.visible ?? true;
      case "scope":
        return n.scope === null ? "Workbook" : "Worksheet";
      case "formula":
        return `=${n.reference}`;
      case "comment":
        return n.comment ?? "";
      default:
        throw new Error(prop);
    }
  }
  /** Preloads values (collection loads fill their items this way). */
  fill(n: FakeName, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(n, p));
  }
  load(propertyNames?: string | string[]): FakeNamedItem {
    this.queueLoad(propertyNames);
    return this;
  }
  get name(): string {
    return this.get("name");
  }
  get type(): NamedItemLike["type"] {
    return this.get("type");
  }
  get value(): any {
    return this.get("value");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  get scope(): NamedItemLike["scope"] {
    return this.get("scope");
  }
  get comment(): string {
    return this.get("comment");
  }
  get formula(): string {
    return this.get("formula");
  }
  /** ExcelApi 1.7: re-points the name, keeping its comment and visibility. */
  set formula(f: string) {
    this.ctx.enqueue(() => {
      const n = this.resolve();
      if (!n) throw new FakeOfficeError("ItemNotFound", "name not found");
      checkReference(this.ctx, f);
      n.reference = f.replace(/^=/, "");
    });
  }
  private rangeTarget(orNull: boolean): RangeTarget | null {
    const n = this.chained(this);
    if (!n) return null;
    const ref = this.ctx.data.nameType(n) === "Range" ? parseReference(n.reference) : undefined;
    if (!ref) {
      if (orNull) return null;
      throw new FakeOfficeError("InvalidReference", `name ${n.name} does not refer to a range`);
    }
    return parseBox(ref.sheet, ref.address);
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => this.rangeTarget(false));
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => this.rangeTarget(true));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const n = this.resolve();
      if (!n) return;
      const d = this.ctx.data;
      d.names = d.names.filter((x) => x !== n);
    });
  }
}

/** A name's reference is resolved when it is set: a sheet that does not exist yet is refused. */
function checkReference(ctx: FakeContext, reference: string): void {
  const ref = parseReference(reference);
  if (ref && !ctx.data.sheet(ref.sheet))
    throw new FakeOfficeError("InvalidArgument", `The reference '${reference}' is not valid: no sheet '${ref.sheet}'.`);
}

export class FakeNamedItemCollection implements NamedItemCollectionLike {
  private loadedItems: FakeNamedItem[] | undefined;
  /** `sheet` undefined = workbook.names. */
  constructor(
    private ctx: FakeContext,
    private sheet: () => string | null | undefined,
  ) {}
  private list(): FakeName[] | null {
    const s = this.sheet();
    const d = this.ctx.data;
    if (s === null) return null; // collection of a null worksheet
    if (s === undefined) return d.names.filter((n) => n.scope === null);
    // Worksheet.names includes workbook-level names too (office-js#1011).
    return [...d.names.filter((n) => n.scope === s), ...d.names.filter((n) => n.scope === null)];
  }
  get items(): FakeNamedItem[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(propertyNames?: string | string[]): FakeNamedItemCollection {
    const props = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "name").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.enqueue(() => {
      const list = this.list() ?? [];
      const items = list.map((n) => {
        const item = new FakeNamedItem(this.ctx, () => n);
        item.fill(n, props);
        return item;
      });
      this.ctx.pending.push({
        commit: () => (this.loadedItems = items),
        bytes: bytes(list.map((n) => [n.name, n.reference])),
        cells: 0,
      });
    });
    return this;
  }
  private find(name: string): FakeName | null {
    const list = this.list();
    if (!list) return null;
    const lower = name.toLowerCase();
    return list.find((n) => n.name.toLowerCase() === lower) ?? null;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const n = this.find(name);
      if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: name ${name}`);
      return n;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name));
  }
  add(name: string, reference: Excel.Range | string, comment?: string): FakeNamedItem {
    const entry: FakeName = { name, reference: "", scope: null, ...(comment !== undefined ? { comment } : {}) };
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s === null) return;
      entry.scope = s ?? null;
      const d = this.ctx.data;
      if (d.names.some((n) => n.scope === entry.scope && n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `name ${name} exists`);
      }
      if (typeof reference !== "string")
        throw new Error("fake: add() with a Range is not modelled; pass a formula string");
      checkReference(this.ctx, reference);
      entry.reference = reference.replace(/^=/, "");
      d.names.push(entry);
    });
    return new FakeNamedItem(this.ctx, () => entry);
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

class FakeProtection implements WorksheetProtectionLike {
  constructor(private owner: FakeWorksheet) {}
  get protected(): boolean {
    return this.owner.protectionValue();
  }
  protect(): void {
    this.owner.setProtected(true);
  }
  unprotect(): void {
    this.owner.setProtected(false);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements WorksheetLike {
  protected props = ["name", "protection/protected"] as const;
  readonly protection = new FakeProtection(this);
  readonly names: FakeNamedItemCollection;
  constructor(
    ctx: FakeContext,
    private target: () => FakeSheet | null,
  ) {
    super(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => this.resolve()?.name ?? null);
  }
  resolve(): FakeSheet | null {
    return this.target();
  }
  protected read(s: FakeSheet, prop: string): unknown {
    return prop === "name" ? s.name : s.protected;
  }
  fill(s: FakeSheet, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(s, p));
  }
  setProtected(on: boolean): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s) s.protected = on;
    });
  }
  protectionValue(): boolean {
    return this.get("protection/protected");
  }
  load(propertyNames?: string | string[]): FakeWorksheet {
    this.queueLoad(propertyNames);
    return this;
  }
  get name(): string {
    return this.get("name");
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.chained(this);
      if (!s) return null;
      return address ? parseBox(s.name, address) : { sheet: s.name, r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.chained(this);
      if (!s) return null;
      const key = `${this.ctx.data.version}:${s.cells.size}:${valuesOnly}`;
      if (s.used?.key === key) return s.used.box;
      let box: Box | null = null;
      for (const [key, c] of s.cells) {
        if (valuesOnly && c.value === null && !c.formula && !c.error) continue;
        const [r, col] = key.split(",").map(Number);
        box = box
          ? {
              sheet: s.name,
              r0: Math.min(box.r0, r),
              c0: Math.min(box.c0, col),
              r1: Math.max(box.r1, r),
              c1: Math.max(box.c1, col),
            }
          : { sheet: s.name, r0: r, c0: col, r1: r, c1: col };
      }
      s.used = { key, box };
      return box;
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s) this.ctx.data.selection = { sheet: s.name, address: "A1" };
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) return;
      this.ctx.undoCheck("worksheet.delete");
      const d = this.ctx.data;
      d.sheets = d.sheets.filter((x) => x !== s);
      d.names = d.names.filter((n) => n.scope !== s.name);
    });
  }
}

export class FakeWorksheetCollection implements WorksheetCollectionLike {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private ctx: FakeContext) {}
  /** Registered at the next sync; the handler stays after the context's run ends, as in Excel. */
  readonly onChanged = {
    add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
      this.ctx.enqueue(() => this.ctx.data.changeHandlers.add(handler));
      const ctx = this.ctx;
      return { context: ctx, remove: () => ctx.enqueue(() => ctx.data.changeHandlers.delete(handler)) };
    },
  };
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(propertyNames?: string | string[]): FakeWorksheetCollection {
    const props = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "name").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.enqueue(() => {
      const items = this.ctx.data.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(s, props);
        return ws;
      });
      this.ctx.pending.push({
        commit: () => (this.loadedItems = items),
        bytes: bytes(this.ctx.data.sheets.map((s) => s.name)),
        cells: 0,
      });
    });
    return this;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.data.sheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${key}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.sheet(key) ?? null);
  }
  add(name?: string): FakeWorksheet {
    const box: { sheet?: FakeSheet } = {};
    this.ctx.enqueue(() => {
      const d = this.ctx.data;
      const n = name ?? `Sheet${d.sheets.length + 1}`;
      if (d.sheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${n} exists`);
      box.sheet = d.addSheet(n);
    });
    return new FakeWorksheet(this.ctx, () => box.sheet ?? null);
  }
}

class FakeApplication extends FakeObject<FakeWorkbookData> implements ApplicationLike {
  protected props = ["calculationMode"] as const;
  resolve(): FakeWorkbookData {
    return this.ctx.data;
  }
  protected read(d: FakeWorkbookData): unknown {
    return d.calculationMode;
  }
  load(propertyNames?: string | string[]): FakeApplication {
    this.queueLoad(propertyNames);
    return this;
  }
  get calculationMode(): FakeWorkbookData["calculationMode"] {
    return this.get("calculationMode");
  }
  calculate(): void {
    this.ctx.enqueue(() => {
      this.ctx.data.calculations++;
    });
  }
}

export class FakeWorkbook implements WorkbookLike {
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(private ctx: FakeContext) {
    this.names = new FakeNamedItemCollection(ctx, () => undefined);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.data.selection;
      return this.ctx.data.sheet(sel.sheet) ? parseBox(sel.sheet, sel.address) : null;
    });
  }
}
