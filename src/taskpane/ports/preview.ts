/**
 * WorkbookPort over an .xlsx file held in memory (preview mode, outside Office). Only the preview
 * chunk imports this module: the .xlsx host must not weigh on the add-in's own bundle. The writer
 * is a chunk of its own, fetched once the workbook is shown (`loadWriter`), so opening the first
 * workbook evaluates only the reader.
 */
import { readXlsx } from "../../hosts/xlsx";
import type { CellRef, WorkbookPort } from "./port";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";

export interface PreviewSelection {
  /** Called by `select` (定位): the preview grid shows and highlights the cell. */
  onSelect(ref: CellRef): void;
  /** The cell the user clicked in the preview grid. */
  selected(): CellRef | undefined;
}

type Writer = typeof import("../../hosts/xlsx/write");
let writer: Promise<Writer> | undefined;

/** The .xlsx writer chunk, loaded once (a failed load is retried by the next call). */
export function loadWriter(): Promise<Writer> {
  writer ??= import(/* webpackChunkName: "xlsx-write" */ "../../hosts/xlsx/write").catch((e: unknown) => {
    writer = undefined;
    throw e;
  });
  return writer;
}

export class PreviewPort implements WorkbookPort {
  readonly mode = "preview" as const;
  private data: Uint8Array;
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  /** The snapshot of the current bytes: parsing is the slow part of preview mode, do it once. */
  private cached?: { bytes: Uint8Array; snapshot: WorkbookSnapshot };

  constructor(
    bytes: Uint8Array,
    private readonly selection?: PreviewSelection,
  ) {
    this.data = bytes;
  }

  read(): Promise<WorkbookSnapshot> {
    // A damaged file's error becomes the promise's rejection, as from any other port.
    return new Promise((resolve) => resolve(this.snapshot()));
  }

  readNow(): WorkbookSnapshot {
    return this.snapshot();
  }

  /** Synchronous read (throws XlsxFormatError for bytes that are not an .xlsx). Views must not mutate it. */
  snapshot(): WorkbookSnapshot {
    if (this.cached?.bytes !== this.data) this.cached = { bytes: this.data, snapshot: readXlsx(this.data) };
    return this.cached.snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    const { applyPlan } = await loadWriter();
    // applyPlan is pure and throws before returning anything: all-or-nothing by construction.
    this.data = applyPlan(this.data, plan);
    for (const l of this.listeners) l(this.data);
  }

  select(ref: CellRef): Promise<void> {
    this.selection?.onSelect(ref);
    return Promise.resolve();
  }

  selectedCell(): Promise<CellRef | undefined> {
    return Promise.resolve(this.selection?.selected());
  }

  bytes(): Uint8Array {
    return this.data;
  }

  /** Notified after every write (the preview grid and the download link follow the bytes). */
  onChange(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
