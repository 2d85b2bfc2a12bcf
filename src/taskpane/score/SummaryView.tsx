/** The result at a glance: 综合评分, 评分等级, and how much changed against the sheet's own values. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RescoreOutcome } from "../../workbook/rescore";
import { paneText } from "../../text/pane";
import { showScore } from "../../text/numbers";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  total: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  grade: { justifySelf: "end", textAlign: "center" },
  gradeValue: {
    display: "inline-block",
    minWidth: "40px",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  line: { gridColumn: "1 / -1", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface SummaryViewProps {
  outcome: RescoreOutcome;
  written: boolean;
}

export function SummaryView({ outcome, written }: SummaryViewProps) {
  const styles = useStyles();
  const t = paneText.summary;
  const { result } = outcome;
  return (
    <section className={styles.root} aria-label={t.region} aria-live="polite">
      <div>
        <div className={styles.label}>{t.total}</div>
        <div className={styles.total} data-testid="total">
          {showScore(result.total)}
        </div>
      </div>
      <div className={styles.grade}>
        <div className={styles.label}>{t.grade}</div>
        <span className={styles.gradeValue} data-testid="grade">
          {result.grade ?? "—"}
        </span>
      </div>
      <Text className={styles.line} data-testid="summary">
        {outcome.summary} · {written ? t.writtenAt : t.notWritten}
      </Text>
      <Text className={styles.line}>{t.ruleSet(outcome.ruleSet.title)}</Text>
    </section>
  );
}
