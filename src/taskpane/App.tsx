/**
 * The task pane: 评分 / 设置 / 评定 views over one WorkbookPort (live Excel or, outside Office, an
 * .xlsx file in memory). Every workbook access goes through the port; scoring, the undo record and
 * settings writes are the pure contract's (src/workbook), so the pane and the ribbon agree.
 *
 * The result shown is never stale without saying so: a rescoring shows what it wrote; an edit
 * made in 设置 or 评定 is written together with its rescoring (one plan, one undo record); a change
 * the clerk makes in Excel itself marks the result as out of date until the next rescoring.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { editThrough, rescoreThrough, type CellRef, type WorkbookPort } from "./port";
import type { WorkbookSnapshot, WritePlan } from "../workbook/snapshot";
import type { RescoreOutcome } from "../workbook/rescore";
import { readSettings } from "../workbook/settings";
import { readUndoRecord, undoPlan } from "../workbook/undo";
import { detailOptionPlan } from "../workbook/detailOption";
import { inputSheetPlan, setupSheetsPlan } from "../workbook/input-sheet";
import { messagesOf } from "./ports/errors";
import { SummaryView } from "./views/SummaryView";
import { ErrorsView } from "./views/ErrorsView";
import { ScoreView } from "./views/ScoreView";
import { ProblemsView } from "./views/ProblemsView";
import { UndoBar } from "./views/UndoBar";
import { Tabs } from "./views/Tabs";
import { SetupView } from "./setup/SetupView";
import { JudgedView } from "./judged/JudgedView";
import { paneText } from "../text/pane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    minWidth: 0,
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  tabs: { margin: `0 calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  stale: { opacity: 0.6 },
});

type Tab = "score" | "setup" | "judged";
type Busy = "rescore" | "undo" | "detail" | "read" | "edit";

interface Notice {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  lines: string[];
}

/** What the App tells its host after every write (preview mode: download and its name). */
export interface PaneState {
  errors: number;
  /** Something was written since the workbook was opened. */
  written: boolean;
  /** The last write left the scores current (a rescoring, or an edit rescored with it). */
  scored: boolean;
  /** The shown result is out of date (the workbook changed after it). */
  stale: boolean;
}

export interface AppProps {
  port: WorkbookPort;
  /** Rendered above the views (preview mode: workbook chooser and download; boot notices). */
  top?: ReactNode;
  /** Told after every write and every rescoring (preview mode follows the bytes and errors). */
  onUpdate?: (state: PaneState) => void;
  /** Clock for the undo record's note (tests pin it). */
  now?: () => Date;
}

/** What an editing view (设置, 评定) is given: the workbook, and one way to change it. */
export interface EditApi {
  port: WorkbookPort;
  snapshot: WorkbookSnapshot;
  /** Writes the edit with its rescoring; rejects (a PortError) when Excel refuses. */
  edit: (plan: WritePlan) => Promise<void>;
}

export function App({ port, top, onUpdate, now = () => new Date() }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>("score");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [full, setFull] = useState(false);
  const [outcome, setOutcome] = useState<RescoreOutcome>();
  const [written, setWritten] = useState(false);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<Busy | undefined>("read");
  const [notice, setNotice] = useState<Notice>();
  const [detail, setDetail] = useState(false);
  const state = useRef<PaneState>({ errors: 0, written: false, scored: false, stale: false });
  const tell = (next: Partial<PaneState>) => {
    state.current = { ...state.current, ...next };
    onUpdate?.(state.current);
  };

  useEffect(() => {
    let live = true;
    port.read().then(
      (snap) => {
        if (!live) return;
        setSnapshot(snap);
        setDetail(readSettings(snap).detailSheet ?? false);
        setBusy(undefined);
      },
      (e) => {
        if (!live) return;
        setNotice({ intent: "error", title: paneText.readFailed, lines: messagesOf(e) });
        setBusy(undefined);
      },
    );
    let unwatch: (() => void) | undefined;
    port.watch?.(() => {
      setStale(true);
      tell({ stale: true });
    }).then((f) => (live ? (unwatch = f) : f()));
    return () => {
      live = false;
      unwatch?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port]);

  // 设置 and 评定 need what only the bounded scan reads (worksheet-scoped and mapped names).
  useEffect(() => {
    if (tab === "score" || full || busy === "read") return;
    let live = true;
    setFull(true);
    port.read({ full: true }).then(
      (snap) => live && setSnapshot(snap),
      (e) => live && setNotice({ intent: "error", title: paneText.readFailed, lines: messagesOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [tab, full, busy, port]);

  const guarded = async (what: Busy, failTitle: string, body: () => Promise<void>) => {
    setBusy(what);
    setNotice(undefined);
    try {
      await body();
    } catch (e) {
      setNotice({ intent: "error", title: failTitle, lines: messagesOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const shown = (out: RescoreOutcome, snap: WorkbookSnapshot, wrote: boolean) => {
    setOutcome(out);
    setWritten(wrote);
    setSnapshot(snap);
    setStale(false);
    if (out.warnings.length) setNotice({ intent: "warning", title: paneText.warningsTitle, lines: out.warnings });
  };

  const onRescore = () =>
    guarded("rescore", paneText.writeFailed, async () => {
      const r = await rescoreThrough(port, { detailSheet: detail, now: now() });
      const ok = r.outcome.errors.length === 0;
      shown(r.outcome, r.snapshot, ok);
      if (r.recalculated) setNotice({ intent: "info", title: paneText.recalculated, lines: [] });
      tell({ errors: r.outcome.errors.length, written: state.current.written || ok, scored: ok, stale: false });
    });

  /** An edit from 设置 / 评定 (or the 评分 view's own switches), written with its rescoring. */
  const edit = useCallback(
    async (plan: WritePlan) => {
      setBusy("edit");
      try {
        const r = await editThrough(port, plan, { detailSheet: detail, now: now() });
        shown(r.outcome, r.snapshot, r.rescored);
        tell({ errors: r.outcome.errors.length, written: true, scored: r.rescored, stale: false });
      } finally {
        setBusy(undefined);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [port, detail, now],
  );

  const onUndo = () =>
    guarded("undo", paneText.writeFailed, async () => {
      const snap = await port.read();
      const u = undoPlan(snap, now());
      if ("error" in u) {
        setSnapshot(snap);
        setNotice({ intent: "warning", title: paneText.undo.refused, lines: [u.error] });
        return;
      }
      await port.apply(u.plan);
      setOutcome(undefined);
      setWritten(false);
      const lines = [paneText.undo.done(u.restored)];
      if (u.formulaCells.length) lines.push(paneText.undo.formula(u.formulaCells));
      setNotice({ intent: "success", title: paneText.undo.button, lines });
      tell({ errors: 0, written: true, scored: false, stale: false });
      setSnapshot(await port.read());
    });

  const onDetail = (on: boolean) =>
    guarded("detail", paneText.writeFailed, async () => {
      await edit(detailOptionPlan(snapshot ?? (await port.read()), on));
      setDetail(on);
    });

  /** The one action of a workbook that has nothing bound yet: add the 评分依据 (and 评分设置) sheets. */
  const onSetUp = () =>
    guarded("edit", paneText.writeFailed, async () => {
      const snap = snapshot ?? (await port.read());
      const rs = outcome?.ruleSet;
      if (!rs) return;
      const plan = setupSheetsPlan(snap, rs) ?? inputSheetPlan(snap, rs, readSettings(snap));
      if (!plan) return;
      await edit(plan);
      setTab("setup");
      setNotice({ intent: "success", title: paneText.setUp.done, lines: [paneText.setUp.next] });
    });

  const onLocate = (ref: CellRef) => {
    port.select(ref).catch((e) => setNotice({ intent: "error", title: paneText.errors.locate, lines: messagesOf(e) }));
  };

  const record = useMemo(() => (snapshot ? readUndoRecord(snapshot) : undefined), [snapshot]);

  return (
    <main className={styles.root}>
      {top}
      <Tabs<Tab>
        className={styles.tabs}
        label={paneText.tabs.label}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: "score", text: paneText.tabs.score },
          { value: "setup", text: paneText.tabs.setup },
          { value: "judged", text: paneText.tabs.judged },
        ]}
      />

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines.length === 1 ? (
              notice.lines[0]
            ) : (
              <ul className={styles.list}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {stale && outcome && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{paneText.stale.title}</MessageBarTitle>
            {paneText.stale.body}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRescore} disabled={!!busy}>
              {paneText.rescore}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {busy === "read" && !snapshot && <Spinner size="small" label={paneText.loading} />}

      <div role="tabpanel" id={`pe-tabpanel-${tab}`} aria-labelledby={`pe-tab-${tab}`} className={styles.panel}>
        {tab === "score" && (
          <>
            <UndoBar busy={busy} record={record} detail={detail} onRescore={onRescore} onUndo={onUndo} onDetail={onDetail} />
            {!outcome && <Text className={styles.intro}>{paneText.intro}</Text>}
            {outcome && <ErrorsView errors={outcome.errors} onLocate={onLocate} onSetUp={busy ? undefined : onSetUp} />}
            {outcome && outcome.result.indicators.length > 0 && (
              <div className={stale ? styles.stale : undefined}>
                {outcome.errors.length === 0 && <SummaryView outcome={outcome} written={written} />}
                <ScoreView outcome={outcome} />
                {outcome.errors.length === 0 && <ProblemsView problems={outcome.result.problems} disabled={stale} />}
              </div>
            )}
          </>
        )}
        {tab === "setup" && snapshot && <SetupView port={port} snapshot={snapshot} edit={edit} />}
        {tab === "judged" && snapshot && <JudgedView port={port} snapshot={snapshot} edit={edit} />}
      </div>
    </main>
  );
}
