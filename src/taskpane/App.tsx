/**
 * The task pane shell: a 重新评分 button over the same orchestration as the ribbon, with the
 * summary or the error list. The pane engineer grows this into the full view (groups, setup,
 * judged parts); it takes the rescoring function as a prop so it never calls Office itself.
 */
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { OfficeRescoreOutcome, RescoreOutcomeLike } from "../hosts/office/rescoreWorkbook";
import { messageFor } from "../commands/message";
import { paneText } from "../text/pane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface AppProps {
  /** Runs one rescoring; undefined when there is no workbook to score (outside Excel). */
  rescore?: () => Promise<OfficeRescoreOutcome<RescoreOutcomeLike>>;
  /** Shown instead of the button when `rescore` is undefined. */
  notice?: string;
}

export function App({ rescore, notice }: AppProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OfficeRescoreOutcome<RescoreOutcomeLike>>();
  const run = async () => {
    if (!rescore) return;
    setBusy(true);
    try {
      setOutcome(await rescore());
    } finally {
      setBusy(false);
    }
  };
  const message = outcome && messageFor(outcome);
  return (
    <main className={styles.root}>
      {rescore ? (
        <Button appearance="primary" onClick={run} disabled={busy}>
          {busy ? paneText.rescoring : paneText.rescore}
        </Button>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" />}
      {message && outcome && (
        <MessageBar intent={message.ok ? "success" : "error"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            <ul className={styles.list}>
              {(message.ok ? message.lines : outcome.errors.map((e) => e.message)).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <div className={styles.meta}>
              {outcome.written ? paneText.written : paneText.notWritten} · {paneText.syncs(outcome.syncs)}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
