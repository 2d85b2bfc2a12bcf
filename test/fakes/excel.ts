/**
 * A typed fake of the slice of the Excel JavaScript API the Office host uses
 * (src/hosts/office/excelApi.ts), with Office's semantics rather than a data mock's:
 *
 * - proxies: properties THROW `PropertyNotLoaded` until `load()` + `context.sync()`;
 * - `*OrNullObject` gives null objects; `isNullObject` is loaded by every sync; anything chained
 *   from a null object is a null object; reading other properties of a null object throws;
 * - loads and writes are queued and run in order at `sync()`; a failing statement rejects the sync
 *   and leaves earlier statements of the batch applied (an Office batch is not a transaction);
 * - `workbook.names` lists workbook-scoped names only; `worksheet.names` lists the sheet's own
 *   names AND the workbook-level ones (office-js#1011), each with its `scope`;
 * - errors: ItemNotFound (getItem), InvalidOperationInCellEditMode (flag `cellEditMode`: the whole
 *   sync fails before anything runs), AccessDenied (writing a protected sheet), InvalidReference
 *   (getRange of a name of type Error), ItemAlreadyExists;
 * - `syncCount`, a log of raw values written (to check numbers stay numbers), and a hook run
 *   before each sync (e.g. to protect a sheet between the read and the write).
 * Writing a string starting with "=" stores a formula, "'" stores the rest as text, as Excel does.
 */
import type {
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

export type Scalar = string | number | boolean | null;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  text?: string;
  /** Error value such as "#DIV/0!" (value is then ignored). */
  error?: string;
}

export interface FakeSheet {
  name: string;
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
  const [a, b] = address.replace(/\$/g, "").split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { sheet, r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}
function boxAddress(b: Box): string {
  const tl = a1(b.r0, b.c0);
  const br = a1(b.r1, b.c1);
  return `${quoteSheet(b.sheet)}!${tl === br ? tl : `${tl}:${br}`}`;
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

/** The workbook behind the fake, plus switches for the error cases. */
export class FakeWorkbookData {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  /** When true every sync fails with InvalidOperationInCellEditMode and runs nothing. */
  cellEditMode = false;
  syncCount = 0;
  /** Raw JS values assigned to `Range.values`, in order (sheet, address, values). */
  writeLog: { sheet: string; address: string; values: unknown[][] }[] = [];
  /** Called before each sync runs, with the 1-based number of that sync. */
  beforeSync?: (n: number) => void;

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
      sheets: this.sheets.map((s) => ({ name: s.name, protected: s.protected, cells: Array.from(s.cells.entries()).sort() })),
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

  context(): FakeContext {
    return new FakeContext(this);
  }
  /** An `ExcelRunner` over a fresh context, like `Excel.run`. */
  get run(): ExcelRunner {
    return <T>(batch: (context: ExcelContext) => Promise<T>) => batch(this.context());
  }
}

type Op = () => void;

export class FakeContext implements ExcelContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private tracked: FakeObject[] = [];
  constructor(readonly data: FakeWorkbookData) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  track(o: FakeObject): void {
    this.tracked.push(o);
  }
  async sync(): Promise<void> {
    const d = this.data;
    d.syncCount++;
    d.beforeSync?.(d.syncCount);
    const ops = this.queue;
    this.queue = [];
    if (d.cellEditMode) {
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    for (const op of ops) op();
    // Office loads isNullObject of every proxy on sync.
    for (const o of this.tracked) o.settleNull();
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
      for (const p of list) this.loaded.set(p, this.read(t, p));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget extends Box {}

export class FakeRange extends FakeObject<RangeTarget> implements RangeLike {
  protected props = ["address", "values", "text", "numberFormat", "formulas", "valueTypes"] as const;
  constructor(ctx: FakeContext, private target: () => RangeTarget | null) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.target();
  }
  private sheetOf(t: RangeTarget): FakeSheet {
    const s = this.ctx.data.sheet(t.sheet);
    if (!s) throw new FakeOfficeError("ItemNotFound", `sheet ${t.sheet} not found`);
    return s;
  }
  private grid<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V[][] {
    if ((t.r1 - t.r0 + 1) * (t.c1 - t.c0 + 1) > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "too many cells");
    const s = this.sheetOf(t);
    const out: V[][] = [];
    for (let r = t.r0; r <= t.r1; r++) {
      const row: V[] = [];
      for (let c = t.c0; c <= t.c1; c++) row.push(f(s.cells.get(`${r},${c}`)));
      out.push(row);
    }
    return out;
  }
  protected read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "address":
        return boxAddress(t);
      case "values":
        return this.grid(t, (c) => (c ? (c.error ?? c.value ?? "") : ""));
      case "text":
        return this.grid(t, (c) => (c ? (c.text ?? (c.error ?? (c.value === null ? "" : String(c.value)))) : ""));
      case "numberFormat":
        return this.grid(t, (c) => c?.numberFormat ?? "General");
      case "formulas":
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

  private writable(t: RangeTarget): FakeSheet {
    const s = this.sheetOf(t);
    if (s.protected) {
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
      const s = this.writable(t);
      const rows = t.r1 - t.r0 + 1;
      const cols = t.c1 - t.c0 + 1;
      if (v.length !== rows || v.some((r) => r.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      if (kind === "values") this.ctx.data.writeLog.push({ sheet: t.sheet, address: boxAddress(t), values: v.map((r) => r.slice()) });
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const key = `${t.r0 + r},${t.c0 + c}`;
          const old = s.cells.get(key);
          const x = v[r][c];
          if (kind === "numberFormat") {
            s.cells.set(key, { ...(old ?? { value: null }), numberFormat: String(x) });
            continue;
          }
          const keep = old?.numberFormat ? { numberFormat: old.numberFormat } : {};
          if (x === "" || x === null || x === undefined) {
            if (keep.numberFormat) s.cells.set(key, { value: null, ...keep });
            else s.cells.delete(key);
          } else if (typeof x === "string" && x.startsWith("'")) {
            s.cells.set(key, { value: x.slice(1), ...keep });
          } else if (typeof x === "string" && /^[=+]/.test(x)) {
            // Excel stores these as formulas; the fake cannot compute them.
            s.cells.set(key, { value: null, formula: x.replace(/^[=+]/, ""), ...keep });
          } else if (typeof x === "string" && /^-/.test(x) && !/^-\d+(\.\d+)?$/.test(x)) {
            s.cells.set(key, { value: null, formula: x, ...keep });
          } else if (typeof x === "string" && /^-?\d+(\.\d+)?$/.test(x)) {
            s.cells.set(key, { value: Number(x), ...keep }); // Excel parses numeric text
          } else {
            s.cells.set(key, { value: x as Scalar, ...keep });
          }
        }
      }
    });
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
          const s = range.writable(t);
          (s.validations ??= []).push({ address: boxAddress(t), rule });
        });
      },
    };
  }

  getRowsBelow(count = 1): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return t && { ...t, r0: t.r1 + 1, r1: Math.min(MAX_ROW, t.r1 + count) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolve();
      if (!t) return null;
      const s = this.sheetOf(t);
      const hits = s.merges
        .map((m) => parseBox(t.sheet, m))
        .filter((m) => m.r0 <= t.r1 && m.r1 >= t.r0 && m.c0 <= t.c1 && m.c1 >= t.c0);
      return hits.length ? hits : null;
    });
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t === null) return;
      const s = this.writable(t);
      for (const key of Array.from(s.cells.keys())) {
        const [r, c] = key.split(",").map(Number);
        if (r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1) s.cells.delete(key);
      }
    });
  }
}

export class FakeRangeAreas extends FakeObject<Box[]> implements RangeAreasLike {
  protected props = ["address"] as const;
  constructor(ctx: FakeContext, private target: () => Box[] | null) {
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
  protected props = ["name", "type", "value", "visible", "scope"] as const;
  constructor(ctx: FakeContext, private target: () => FakeName | null) {
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
  private rangeTarget(orNull: boolean): RangeTarget | null {
    const n = this.resolve();
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
      this.loadedItems = list.map((n) => {
        const item = new FakeNamedItem(this.ctx, () => n);
        item.fill(n, props);
        return item;
      });
    });
    return this;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const list = this.list();
      if (!list) return null;
      const lower = name.toLowerCase();
      return list.find((n) => n.name.toLowerCase() === lower) ?? null;
    });
  }
  add(name: string, reference: Excel.Range | string): FakeNamedItem {
    const entry: FakeName = { name, reference: "", scope: null };
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s === null) return;
      entry.scope = s ?? null;
      const d = this.ctx.data;
      if (d.names.some((n) => n.scope === entry.scope && n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `name ${name} exists`);
      }
      if (typeof reference !== "string") throw new Error("fake: add() with a Range is not modelled; pass a formula string");
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
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements WorksheetLike {
  protected props = ["name", "protection/protected"] as const;
  readonly protection = new FakeProtection(this);
  readonly names: FakeNamedItemCollection;
  constructor(ctx: FakeContext, private target: () => FakeSheet | null) {
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
      const s = this.resolve();
      if (!s) return null;
      return address ? parseBox(s.name, address) : { sheet: s.name, r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      let box: Box | null = null;
      for (const [key, c] of s.cells) {
        if (valuesOnly && c.value === null && !c.formula && !c.error) continue;
        const [r, col] = key.split(",").map(Number);
        box = box
          ? { sheet: s.name, r0: Math.min(box.r0, r), c0: Math.min(box.c0, col), r1: Math.max(box.r1, r), c1: Math.max(box.c1, col) }
          : { sheet: s.name, r0: r, c0: col, r1: r, c1: col };
      }
      return box;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) return;
      const d = this.ctx.data;
      d.sheets = d.sheets.filter((x) => x !== s);
      d.names = d.names.filter((n) => n.scope !== s.name);
    });
  }
}

export class FakeWorksheetCollection implements WorksheetCollectionLike {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private ctx: FakeContext) {}
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(propertyNames?: string | string[]): FakeWorksheetCollection {
    const props = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "name").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.data.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(s, props);
        return ws;
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

export class FakeWorkbook implements WorkbookLike {
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    this.names = new FakeNamedItemCollection(ctx, () => undefined);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}
