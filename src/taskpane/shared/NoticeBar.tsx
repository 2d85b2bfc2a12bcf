/**
 * The pane's one notice channel: what the last action did, or why it could not. It stays at the top
 * of the pane while the clerk scrolls (a 绑定 far down a list still shows its outcome).
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  title?: string;
  lines: string[];
}

const useStyles = makeStyles({
  sticky: { position: "sticky", top: 0, zIndex: 1, boxShadow: tokens.shadow4 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function NoticeBar({ notice, testId = "notice" }: { notice?: Notice | undefined; testId?: string }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar
      className={styles.sticky}
      intent={notice.intent}
      layout="multiline"
      role={notice.intent === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
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
  );
}
