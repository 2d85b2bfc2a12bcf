/**
 * The task pane: 评分 / 设置 / 评定 views over one WorkbookPort (live Excel or, outside Office, an
 * .xlsx file in memory). Every workbook access goes through the port; scoring, the undo record and
 * settings writes are the pure contract's (src/workbook), so the pane and the ribbon agree.
 *
 * A rescoring reads once, scores, and when no error stands writes the scores and the undo record
 * in one plan (one write batch). The outcome shown is the one computed before writing, so the
 * view says what changed against the sheet's previous values.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { rescoreThrough, type WorkbookPort, type CellRef } from "./port";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { RescoreOutcome } from "../workbook/rescore";
import { readSettings } from "../workbook/settings";
import { readUndoRecord, undoPlan } from "../workbook/undo";
import { detailOptionPlan } from "../workbook/detailOption";
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
});

type Tab = "score" | "setup" | "judged";
type Busy = "rescore" | "undo" | "detail" | "read";

interface Notice {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  lines: string[];
}

export interface AppProps {
  port: WorkbookPort;
  /** Rendered above the views (preview mode: workbook chooser and download; boot notices). */
  top?: ReactNode;
  /** Told after every write and every rescoring (preview mode follows the bytes and errors). */
  onUpdate?: (state: { errors: number; written: boolean }) => void;
  /** Clock for the undo record's note (tests pin it). */
  now?: () => Date;
}

export function App({ port, top, onUpdate, now = () => new Date() }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>("score");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [outcome, setOutcome] = useState<RescoreOutcome>();
  const [written, setWritten] = useState(false);
  const [busy, setBusy] = useState<Busy | undefined>("read");
  const [notice, setNotice] = useState<Notice>();
  const [detail, setDetail] = useState(false);

  const refresh = useCallback(async () => {
    const snap = await port.read();
    setSnapshot(snap);
    return snap;
  }, [port]);

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
    return () => {
      live = false;
    };
  }, [port]);

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

  const onRescore = () =>
    guarded("rescore", paneText.writeFailed, async () => {
      const r = await rescoreThrough(port, { detailSheet: detail, now: now() });
      const out = r.outcome;
      const wrote = out.errors.length === 0;
      setOutcome(out);
      setWritten(wrote);
      onUpdate?.({ errors: out.errors.length, written: wrote });
      // The workbook as the rescoring left it (undo record, scores): no second read.
      setSnapshot(r.snapshot);
    });

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
      onUpdate?.({ errors: 0, written: true });
      await refresh();
    });

  const onDetail = (on: boolean) =>
    guarded("detail", paneText.writeFailed, async () => {
      const snap = await port.read();
      await port.apply(detailOptionPlan(snap, on));
      setDetail(on);
      onUpdate?.({ errors: outcome?.errors.length ?? 0, written: true });
      await refresh();
    });

  const onLocate = (ref: CellRef) => {
    port.select(ref).catch((e) => setNotice({ intent: "error", title: paneText.errors.locate, lines: messagesOf(e) }));
  };

  const record = useMemo(() => (snapshot ? readUndoRecord(snapshot) : undefined), [snapshot]);
  const onChanged = () => {
    onUpdate?.({ errors: outcome?.errors.length ?? 0, written: true });
    void refresh();
  };

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

      {busy === "read" && !snapshot && <Spinner size="small" label={paneText.loading} />}

      <div role="tabpanel" id={`pe-tabpanel-${tab}`} aria-labelledby={`pe-tab-${tab}`} className={styles.panel}>
        {tab === "score" && (
          <>
            <UndoBar busy={busy} record={record} detail={detail} onRescore={onRescore} onUndo={onUndo} onDetail={onDetail} />
            {!outcome && <Text className={styles.intro}>{paneText.intro}</Text>}
            {outcome && <ErrorsView errors={outcome.errors} onLocate={onLocate} />}
            {outcome && outcome.result.indicators.length > 0 && (
              <>
                {outcome.errors.length === 0 && <SummaryView outcome={outcome} written={written} />}
                <ScoreView outcome={outcome} />
                {outcome.errors.length === 0 && <ProblemsView problems={outcome.result.problems} />}
              </>
            )}
          </>
        )}
        {tab === "setup" && snapshot && <SetupView port={port} snapshot={snapshot} onChanged={onChanged} />}
        {tab === "judged" && snapshot && <JudgedView port={port} snapshot={snapshot} onChanged={onChanged} />}
      </div>
    </main>
  );
}
