/**
 * WorkbookPort over an .xlsx file held in memory (preview mode, outside Office). Only the preview
 * chunk imports this module: the .xlsx host must not weigh on the add-in's own bundle. The reader
 * and the writer are chunks of their own, fetched once the first workbook is shown: a bundled
 * sample opens from its build-time snapshot (preview/sample.ts), so the first view evaluates
 * neither; a workbook without a snapshot waits for the reader (`PreviewPort.open`).
 */
import type { CellRef, WorkbookPort } from "./port";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import { lazyChunk } from "../shared/lazy-chunk";

export interface PreviewSelection {
  /** Called by `select` (定位): the preview grid shows and highlights the cell. */
  onSelect(ref: CellRef): void;
  /** The cell the user clicked in the preview grid. */
  selected(): CellRef | undefined;
}

const reader = lazyChunk(() => import(/* webpackChunkName: "xlsx-read" */ "../../hosts/xlsx/read"));
const writer = lazyChunk(() => import(/* webpackChunkName: "xlsx-write" */ "../../hosts/xlsx/write"));

/** Fetches the .xlsx reader and writer (after the first paint: before anything can be opened or written). */
export function loadXlsx(): Promise<unknown> {
  return Promise.all([reader.load(), writer.load()]);
}

export class PreviewPort implements WorkbookPort {
  readonly mode = "preview" as const;
  private data: Uint8Array;
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  /** The snapshot of the current bytes: parsing is the slow part of preview mode, do it once. */
  private cached: { bytes: Uint8Array; snapshot: WorkbookSnapshot };

  /**
   * A port over `bytes` whose snapshot is `read` (a bundled sample's, from the build): no reader
   * needed until it is written. Any other workbook opens with `open`.
   */
  constructor(
    bytes: Uint8Array,
    read: WorkbookSnapshot,
    private readonly selection?: PreviewSelection,
  ) {
    this.data = bytes;
    this.cached = { bytes, snapshot: read };
  }

  /** Reads `bytes` (loading the reader first); rejects with XlsxFormatError when they are not an .xlsx. */
  static async open(bytes: Uint8Array, selection?: PreviewSelection): Promise<PreviewPort> {
    const { readXlsx } = await reader.load();
    return new PreviewPort(bytes, readXlsx(bytes), selection);
  }

  read(): Promise<WorkbookSnapshot> {
    // A damaged file's error becomes the promise's rejection, as from any other port.
    return new Promise((resolve) => resolve(this.snapshot()));
  }

  readNow(): WorkbookSnapshot {
    return this.snapshot();
  }

  /**
   * Synchronous read (throws XlsxFormatError for bytes that are not an .xlsx). Views must not
   * mutate it. New bytes come only from `apply`, which has loaded the reader.
   */
  snapshot(): WorkbookSnapshot {
    if (this.cached.bytes !== this.data) {
      const loaded = reader.loaded();
      if (!loaded) throw new Error("PreviewPort: bytes changed before the .xlsx reader loaded");
      this.cached = { bytes: this.data, snapshot: loaded.readXlsx(this.data) };
    }
    return this.cached.snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    const [{ applyPlan }] = await Promise.all([writer.load(), reader.load()]);
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
