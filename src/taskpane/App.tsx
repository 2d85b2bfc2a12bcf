/**
 * The task pane's frame: 评分 / 设置 / 评定 over one WorkbookPort (live Excel or, outside Office, an
 * .xlsx file in memory), the one notice channel, and the stale-result bar. The model
 * (model/use-workbook-model.ts) holds the workbook and every action; the frame renders at once,
 * the scoring core and the result views arrive with the core chunk right after the first paint.
 */
import { useEffect, useState, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookPort } from "./ports/port";
import type { WritePlan } from "../workbook/snapshot";
import { useWorkbookModel, type PaneState } from "./model/use-workbook-model";
import type { WorkbookModel } from "./model/core";
import type { Notice } from "./shared/NoticeBar";
import { NoticeBar } from "./shared/NoticeBar";
import { Tabs } from "./shared/Tabs";
import { ScoreBar } from "./score/ScoreBar";
import { SetupView } from "./setup/SetupView";
import { JudgedView } from "./judged/JudgedView";
import { paneText } from "../text/pane";

export type { PaneState } from "./model/use-workbook-model";

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
});

type Tab = "score" | "setup" | "judged";

export interface AppProps {
  port: WorkbookPort;
  /** Rendered above the views (preview mode: workbook chooser and download). */
  top?: ReactNode;
  /** Told after every write and every rescoring (preview mode follows the bytes and errors). */
  onUpdate?: (state: PaneState) => void;
  /** Clock for the undo record's note (tests pin it). */
  now?: () => Date;
}

/** What an editing panel (设置, 评定) is given: the workbook model, and one way to change it. */
export interface EditApi {
  port: WorkbookPort;
  model: WorkbookModel;
  /** Writes the edit with its rescoring; rejects (a PortError) when Excel refuses. */
  edit: (plan: WritePlan) => Promise<void>;
  /** The pane's notice channel. */
  notify: (notice: Notice | undefined) => void;
}

const defaultNow = () => new Date();

export function App({ port, top, onUpdate, now = defaultNow }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>("score");
  const m = useWorkbookModel(port, { onUpdate, now });
  const { core, model, outcome, busy } = m;

  // 设置 and 评定 need what only the bounded scan reads (worksheet-scoped and mapped names).
  const { readFull } = m;
  useEffect(() => {
    if (tab !== "score" && busy !== "read") readFull();
  }, [tab, busy, readFull]);

  const onSetUp = () =>
    void m.setUp().then((ok) => {
      if (ok) setTab("setup");
    });

  const Results = core?.Results;
  const loading = !m.ready && !m.notice;

  return (
    <main className={styles.root} aria-busy={!!busy || !m.ready}>
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

      <NoticeBar notice={m.notice} />
      {m.waiting && (
        <NoticeBar
          testId="excel-waiting"
          notice={{ intent: "info", title: paneText.excelWaiting.title, lines: [paneText.excelWaiting.body] }}
        />
      )}

      {m.stale && outcome && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{paneText.stale.title}</MessageBarTitle>
            {paneText.stale.body}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void m.rescore()} disabled={!!busy}>
              {paneText.rescore}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <div role="tabpanel" id={`pe-tabpanel-${tab}`} aria-labelledby={`pe-tab-${tab}`} className={styles.panel}>
        {tab === "score" && (
          <>
            <ScoreBar
              busy={busy}
              ready={m.ready}
              known={!!model}
              record={model?.record}
              detail={model?.detail ?? false}
              onRescore={() => void m.rescore()}
              onUndo={() => void m.undo()}
              onDetail={(on) => void m.setDetail(on)}
            />
            {loading && <Spinner size="small" label={paneText.loading} />}
            {!outcome && <Text className={styles.intro}>{paneText.intro}</Text>}
            {outcome && Results && (
              <Results
                outcome={outcome}
                written={m.written}
                stale={m.stale}
                onLocate={m.locate}
                onSetUp={busy ? undefined : onSetUp}
              />
            )}
          </>
        )}
        {tab !== "score" && !model && !m.notice && <Spinner size="small" label={paneText.loading} />}
        {tab === "setup" && model && <SetupView port={port} model={model} edit={m.edit} notify={m.notify} />}
        {tab === "judged" && model && <JudgedView port={port} model={model} edit={m.edit} notify={m.notify} />}
      </div>
    </main>
  );
}
