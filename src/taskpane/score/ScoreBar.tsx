/**
 * Controls of the 评分 view: 重新评分, 撤销本次评分 (when the workbook holds a record), 评分明细
 * switch. Part of the first paint: 重新评分 acts once the workbook is read; the others once the
 * scoring core has read the workbook model.
 */
import { Button, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { UndoRecord } from "../../workbook/undo";
import type { Busy } from "../model/use-workbook-model";
import { paneText } from "../../text/pane";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, width: "100%" },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface ScoreBarProps {
  busy?: Busy | undefined;
  /** The workbook is read: 重新评分 can act. */
  ready: boolean;
  /** The workbook model is known (undo record, 明细 setting): the other controls can act. */
  known: boolean;
  record?: UndoRecord | undefined;
  detail: boolean;
  onRescore: () => void;
  onUndo: () => void;
  onDetail: (on: boolean) => void;
}

export function ScoreBar({ busy, ready, known, record, detail, onRescore, onUndo, onDetail }: ScoreBarProps) {
  const styles = useStyles();
  const t = paneText;
  const idle = ready && !busy;
  const canUndo = !!record && record.entries.length > 0;
  return (
    <div className={styles.row}>
      <Button
        appearance="primary"
        onClick={onRescore}
        disabled={!idle}
        {...(busy === "rescore" ? { icon: <Spinner size="extra-tiny" /> } : {})}
      >
        {busy === "rescore" ? t.rescoring : t.rescore}
      </Button>
      <Button
        onClick={onUndo}
        disabled={!idle || !known || !canUndo}
        aria-label={t.undo.label}
        title={canUndo ? record.note : t.undo.none}
      >
        {busy === "undo" ? t.undo.undoing : t.undo.button}
      </Button>
      {canUndo && <span className={styles.note}>{record.note}</span>}
      <Switch
        className={styles.switch}
        checked={detail}
        disabled={!idle || !known}
        label={t.detail.label}
        title={t.detail.hint}
        onChange={(_, d) => onDetail(d.checked)}
      />
    </div>
  );
}
