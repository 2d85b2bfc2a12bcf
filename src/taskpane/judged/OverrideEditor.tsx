/**
 * 人工调整 of one indicator: a score and a REQUIRED reason. The save button stays disabled until
 * both are valid, and the planner refuses a missing reason too (settings-edit.ts overridePlan).
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorDef, RuleSet } from "../../engine";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { currentOverride, overridePlan } from "../../workbook/settings-edit";
import { PANE_SETUP } from "../../text/pane-setup";
import type { Planned } from "../../workbook/planned";

const T = PANE_SETUP.judged.override;

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  score: { width: "96px" },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
});

interface Props {
  snapshot: WorkbookSnapshot;
  ruleSet: RuleSet;
  indicator: IndicatorDef;
  busy: boolean;
  run: (planned: Planned | undefined, success?: string) => Promise<boolean>;
}

export function OverrideEditor({ snapshot, ruleSet, indicator, busy, run }: Props) {
  const styles = useStyles();
  const current = useMemo(() => currentOverride(snapshot, ruleSet, indicator.id), [snapshot, ruleSet, indicator.id]);
  const [score, setScore] = useState(
    current?.score !== null && current?.score !== undefined ? String(current.score) : "",
  );
  const [reason, setReason] = useState(current?.reason ?? "");
  useEffect(() => {
    setScore(current?.score !== null && current?.score !== undefined ? String(current.score) : "");
    setReason(current?.reason ?? "");
  }, [current?.score, current?.reason]);

  const n = /^\s*\d+(\.\d+)?\s*$/.test(score) ? Number(score) : NaN;
  const scoreOk = Number.isFinite(n) && n >= 0 && n <= Number(indicator.weight);
  const reasonOk = reason.trim() !== "";
  const id = `pe-override-${indicator.id}`;

  return (
    <div className={styles.box} data-testid={`override-${indicator.id}`}>
      <Text className={styles.h}>{T.title}</Text>
      {current && <Text className={styles.hint}>{T.current(String(current.score ?? ""), current.reason)}</Text>}
      <Field
        label={T.scoreRange(T.score, indicator.weight)}
        validationState={score && !scoreOk ? "error" : "none"}
        {...(score && !scoreOk
          ? {
              validationMessage:
                Number.isFinite(n) && n > Number(indicator.weight)
                  ? T.scoreAbove(indicator.weight)
                  : T.scoreBad(indicator.weight),
            }
          : {})}
      >
        <Input
          id={`${id}-score`}
          className={styles.score}
          inputMode="decimal"
          value={score}
          onChange={(_, d) => setScore(d.value)}
        />
      </Field>
      <Field
        label={T.reason}
        required
        validationState={score && !reasonOk ? "error" : "none"}
        {...(score && !reasonOk ? { validationMessage: T.reasonNeeded } : {})}
      >
        <Textarea id={`${id}-reason`} resize="vertical" value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy || !scoreOk || !reasonOk}
          onClick={() =>
            void run(overridePlan(snapshot, ruleSet, indicator.id, { score: n, reason }), PANE_SETUP.judged.saved)
          }
        >
          {T.save}
        </Button>
        {current && (
          <Button
            disabled={busy}
            onClick={() => void run(overridePlan(snapshot, ruleSet, indicator.id, null), PANE_SETUP.judged.saved)}
          >
            {T.remove}
          </Button>
        )}
      </div>
    </div>
  );
}
