/**
 * Preview mode: the pane opened in a plain browser (no Office host). The same App runs over an
 * .xlsx file held in memory — a bundled sample or a file the user picks — and the scored copy can
 * be downloaded. This module and the .xlsx host it imports load only through a dynamic import(),
 * so the add-in's own bundle does not carry them.
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { App, type PaneState } from "../App";
import { loadWriter, PreviewPort } from "../ports/preview";
import type { CellRef } from "../ports/port";
import { paneText } from "../../text/pane";
import { SheetGrid } from "./SheetGrid";

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
  /** The first sample, fetched while this chunk loaded (see index.tsx): its bytes, or why not. */
  first: { bytes: Uint8Array } | { error: string };
}

/** Starts fetching a bundled sample workbook (served from dist/samples/). */
export function fetchSample(file: string): Promise<Uint8Array> {
  return fetch(`samples/${encodeURIComponent(file)}`).then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  });
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

  /** A port over `data`, or why `data` is not an .xlsx (refused before the views try it). */
  const portOf = (name: string, data: Uint8Array): PreviewPort | string => {
    const port = new PreviewPort(data, {
      onSelect: (ref) => {
        selectedRef.current = ref;
        setSelected(ref);
        setSheet(ref.sheet);
        setStatus(t.located(`${ref.sheet}!${ref.address}`));
      },
      selected: () => selectedRef.current,
    });
    try {
      port.snapshot();
      return port;
    } catch (e) {
      return t.loadFailed(name, e instanceof Error ? e.message : String(e));
    }
  };

  // The first sample opens in the first render: the pane mounts once, ready to score.
  const [initial] = useState(() =>
    "bytes" in first ? portOf(SAMPLES[0].file, first.bytes) : t.loadFailed(SAMPLES[0].file, first.error),
  );
  const [loaded, setLoaded] = useState<Loaded | undefined>(
    typeof initial === "string" ? undefined : { id: 0, name: SAMPLES[0].file, port: initial },
  );
  const [source, setSource] = useState<string>(SAMPLES[0].file);
  const [failure, setFailure] = useState<string | undefined>(typeof initial === "string" ? initial : undefined);
  const [bytes, setBytes] = useState<Uint8Array | undefined>(typeof initial === "string" ? undefined : initial.bytes());
  const [state, setState] = useState<PaneState>(FRESH);
  /** A workbook is being opened: the views of the previous one are gone (no rescoring of it meanwhile). */
  const [loading, setLoading] = useState(false);

  // The download and the grid follow every write to the workbook shown.
  useEffect(() => loaded?.port.onChange(setBytes), [loaded]);
  // The writer loads after the first paint, before anything can be written.
  useEffect(() => void loadWriter().catch(() => undefined), []);

  /** Opens `data` as the workbook; false (the previous one stays) when it is not an .xlsx. */
  const open = (name: string, data: Uint8Array): boolean => {
    const port = portOf(name, data);
    if (typeof port === "string") {
      setFailure(port);
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

  const loadSample = async (file: string) => {
    const previous = source;
    setLoading(true);
    try {
      if (open(file, await fetchSample(file))) setSource(file);
      else setSource(previous);
    } catch (e) {
      setFailure(t.loadFailed(file, e instanceof Error ? e.message : String(e)));
      setSource(previous);
    } finally {
      setLoading(false);
    }
  };

  const onSource = (value: string) => {
    if (SAMPLES.some((s) => s.file === value)) void loadSample(value);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    setLoading(true);
    try {
      // Only an .xlsx that opens replaces the workbook shown; anything else leaves it as it was.
      if (open(f.name, new Uint8Array(await f.arrayBuffer()))) setSource(`file:${f.name}`);
    } finally {
      setLoading(false);
    }
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
          onChange={(e) => void onFile(e)}
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
          onPick={(ref) => {
            selectedRef.current = ref;
            setSelected(ref);
            setStatus(t.selected(`${ref.sheet}!${ref.address}`));
          }}
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
