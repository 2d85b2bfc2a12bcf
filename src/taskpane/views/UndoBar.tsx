/** Controls of the 评分 view: 重新评分, 撤销本次评分 (when the workbook holds a record), 评分明细 switch. */
import { Button, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { UndoRecord } from "../../workbook/undo";
import { paneText } from "../../text/pane";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, width: "100%" },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface UndoBarProps {
  busy?: "rescore" | "undo" | "detail" | "read" | "edit";
  record?: UndoRecord;
  detail: boolean;
  onRescore: () => void;
  onUndo: () => void;
  onDetail: (on: boolean) => void;
}

export function UndoBar({ busy, record, detail, onRescore, onUndo, onDetail }: UndoBarProps) {
  const styles = useStyles();
  const t = paneText;
  const canUndo = !!record && record.entries.length > 0;
  return (
    <div className={styles.row}>
      <Button appearance="primary" onClick={onRescore} disabled={!!busy} icon={busy === "rescore" ? <Spinner size="extra-tiny" /> : undefined}>
        {busy === "rescore" ? t.rescoring : t.rescore}
      </Button>
      <Button onClick={onUndo} disabled={!!busy || !canUndo} aria-label={t.undo.label} title={canUndo ? record!.note : t.undo.none}>
        {busy === "undo" ? t.undo.undoing : t.undo.button}
      </Button>
      {canUndo && <span className={styles.note}>{record!.note}</span>}
      <Switch
        className={styles.switch}
        checked={detail}
        disabled={!!busy}
        label={t.detail.label}
        title={t.detail.hint}
        onChange={(_, d) => onDetail(d.checked)}
      />
    </div>
  );
}
