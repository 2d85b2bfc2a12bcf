/**
 * Preview mode: the pane opened in a plain browser (no Office host). The same App runs over an
 * .xlsx file held in memory — a bundled sample or a file the user picks — and the scored copy can
 * be downloaded. This module and the .xlsx host it imports load only through a dynamic import(),
 * so the add-in's own bundle does not carry them.
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { App, type PaneState } from "../App";
import { loadXlsx, PreviewPort, type PreviewSelection } from "../ports/preview";
import type { CellRef } from "../ports/port";
import { paneText } from "../../text/pane";
import { SheetGrid } from "./SheetGrid";
import { fetchSample, type Sample } from "./sample";
import type { WorkbookSnapshot } from "../../workbook/snapshot";

const useStyles = makeStyles({
  top: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  label: { fontSize: tokens.fontSizeBase200 },
  select: { flexGrow: 1, minWidth: 0 },
  file: { display: "none" },
  banner: { fontSize: tokens.fontSizeBase200 },
});

interface Loaded {
  id: number;
  name: string;
  port: PreviewPort;
}

export interface PreviewAppProps {
  /** The first sample, fetched while this chunk loaded (see index.tsx), or why it could not be. */
  first: Sample | { error: string };
}

const SAMPLES = paneText.preview.samples;

const FRESH: PaneState = { errors: 0, written: false, scored: false, scoresWritten: false, stale: false };

export function PreviewApp({ first }: PreviewAppProps) {
  const styles = useStyles();
  const t = paneText.preview;
  const [sheet, setSheet] = useState<string>();
  const [selected, setSelected] = useState<CellRef>();
  const [status, setStatus] = useState<string>();
  const selectedRef = useRef<CellRef>();
  const fileInput = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  /** A cell chosen in the grid: by the clerk's click, or by 定位 (which also shows its sheet). */
  const choose = (ref: CellRef, says: (where: string) => string) => {
    selectedRef.current = ref;
    setSelected(ref);
    setStatus(says(`${ref.sheet}!${ref.address}`));
  };
  const selection = useRef<PreviewSelection>({
    onSelect: (ref) => {
      choose(ref, t.located);
      setSheet(ref.sheet);
    },
    selected: () => selectedRef.current,
  }).current;
  /** Why `name` could not be opened, shown above the pane. */
  const failed = (name: string, e: unknown) =>
    setFailure(t.loadFailed(name, e instanceof Error ? e.message : String(e)));

  // A sample with its build-time snapshot opens in the first render: the pane mounts once, ready
  // to score. Without one (or when it could not be fetched) the pane opens it as it opens a file.
  const [initial] = useState(() =>
    "bytes" in first && first.snapshot ? new PreviewPort(first.bytes, first.snapshot, selection) : undefined,
  );
  const [loaded, setLoaded] = useState<Loaded | undefined>(initial && { id: 0, name: SAMPLES[0].file, port: initial });
  const [source, setSource] = useState<string>(SAMPLES[0].file);
  const [failure, setFailure] = useState<string | undefined>(
    "error" in first ? t.loadFailed(SAMPLES[0].file, first.error) : undefined,
  );
  const [bytes, setBytes] = useState<Uint8Array | undefined>(initial?.bytes());
  const [state, setState] = useState<PaneState>(FRESH);
  /** A workbook is being opened: the views of the previous one are gone (no rescoring of it meanwhile). */
  const [loading, setLoading] = useState(false);

  // The download and the grid follow every write to the workbook shown.
  useEffect(() => loaded?.port.onChange(setBytes), [loaded]);
  // The reader and writer load after the first paint, before anything can be opened or written.
  useEffect(() => void loadXlsx().catch(() => undefined), []);

  /**
   * Opens `data` as the workbook (`read`: its snapshot when known already); false (the previous
   * one stays, the reason shown) when it is not an .xlsx.
   */
  const open = async (name: string, data: Uint8Array, read?: WorkbookSnapshot): Promise<boolean> => {
    let port: PreviewPort;
    try {
      port = read ? new PreviewPort(data, read, selection) : await PreviewPort.open(data, selection);
    } catch (e) {
      failed(name, e);
      return false;
    }
    setFailure(undefined);
    setBytes(data);
    setState(FRESH);
    setSelected(undefined);
    selectedRef.current = undefined;
    setStatus(undefined);
    setSheet(undefined);
    setLoaded({ id: ++counter.current, name, port });
    return true;
  };

  /** Runs an opening: the views wait meanwhile. */
  const opening = async (body: () => Promise<void>) => {
    setLoading(true);
    try {
      await body();
    } finally {
      setLoading(false);
    }
  };

  const loadSample = (file: string) =>
    opening(async () => {
      const previous = source;
      try {
        const sample = await fetchSample(file);
        setSource((await open(file, sample.bytes, sample.snapshot)) ? file : previous);
      } catch (e) {
        failed(file, e);
        setSource(previous);
      }
    });

  // The first sample fetched without its snapshot: read here, once the reader has come.
  useEffect(() => {
    if (!initial && "bytes" in first) void opening(() => open(SAMPLES[0].file, first.bytes).then(() => undefined));
    // Once, for the sample the pane started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSource = (value: string) => {
    if (SAMPLES.some((s) => s.file === value)) void loadSample(value);
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    // Only an .xlsx that opens replaces the workbook shown; anything else leaves it as it was.
    void opening(async () => {
      if (await open(f.name, new Uint8Array(await f.arrayBuffer()))) setSource(`file:${f.name}`);
    });
  };

  // The port caches the snapshot of its bytes; `bytes` only makes this follow every write.
  const snapshot = useMemo(() => (bytes && loaded ? loaded.port.snapshot() : undefined), [bytes, loaded]);
  // The grid renders after the pane's own controls (a background render React may interrupt):
  // the preview of the sheet is secondary to 重新评分 being ready.
  const [gridShown, setGridShown] = useState(false);
  useEffect(() => startTransition(() => setGridShown(true)), []);
  const deferred = useDeferredValue(snapshot);
  const gridSnapshot = gridShown ? deferred : undefined;
  const shownSheet = sheet ?? gridSnapshot?.sheets[0];
  const url = useMemo(
    () =>
      bytes && state.written
        ? URL.createObjectURL(
            new Blob([bytes as BlobPart], {
              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }),
          )
        : undefined,
    [bytes, state.written],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  // Once the pane has written scores (a scored copy), only while they are current and no error
  // stands. A copy the pane only edited (e.g. 评分依据 added, to be filled in Excel) may leave with
  // errors standing: no score of the pane's is in it to be out of date.
  const canDownload = !!url && !loading && (!state.scoresWritten || (state.errors === 0 && !state.stale));
  const fileName = state.scored
    ? t.downloadName(loaded?.name ?? "workbook.xlsx")
    : t.downloadEditedName(loaded?.name ?? "workbook.xlsx");

  const top = (
    <div className={styles.top}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody className={styles.banner}>{t.banner}</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <label htmlFor="pe-source" className={styles.label}>
          {t.source}
        </label>
        <Select
          id="pe-source"
          size="small"
          className={styles.select}
          value={source}
          onChange={(_, d) => onSource(d.value)}
        >
          {SAMPLES.map((s) => (
            <option key={s.file} value={s.file}>
              {s.label}
            </option>
          ))}
          {source.startsWith("file:") && <option value={source}>{t.own(source.slice(5))}</option>}
        </Select>
      </div>
      <div className={styles.row}>
        <input
          ref={fileInput}
          id="pe-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.file}
          aria-label={t.pickLabel}
          onChange={onFile}
          data-testid="file-input"
        />
        <Button size="small" onClick={() => fileInput.current?.click()} aria-label={t.pickLabel}>
          {t.pick}
        </Button>
        {canDownload ? (
          <Button size="small" appearance="primary" as="a" href={url} download={fileName} data-testid="download">
            {state.scored ? t.download : t.downloadEdited}
          </Button>
        ) : (
          <Button
            size="small"
            disabledFocusable
            title={state.errors > 0 ? t.downloadDisabled : undefined}
            data-testid="download"
          >
            {t.download}
          </Button>
        )}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {gridSnapshot && shownSheet && (
        <SheetGrid
          snapshot={gridSnapshot}
          sheet={shownSheet}
          selected={selected}
          status={status}
          onSheet={setSheet}
          onPick={(ref) => choose(ref, t.selected)}
        />
      )}
    </div>
  );

  if (!loaded || loading) {
    return (
      <div style={{ padding: tokens.spacingHorizontalM }}>
        {top}
        {loading && <Spinner size="small" label={t.loading} />}
      </div>
    );
  }
  return <App key={loaded.id} port={loaded.port} top={top} onUpdate={setState} />;
}
