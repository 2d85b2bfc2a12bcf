/**
 * The 21 三级指标 under their 一级 / 二级 groups: score / 分值, how it was scored (badge), the sheet's
 * previous value where it differed, and on expand the Chinese explanation, parts and lost points.
 * Each row is a native disclosure button (aria-expanded): Fluent's Accordion would add ~22 KB gzip
 * of motion code for the same behaviour.
 */
import { useState } from "react";
import { makeStyles, tokens, mergeClasses } from "@fluentui/react-components";
import { ChevronRightRegular } from "@fluentui/react-icons";
import type { Difference, GroupTotal, IndicatorResult } from "../../engine/types";
import type { RescoreOutcome } from "../../workbook/rescore";
import { paneText } from "../../text/pane";
import { scoreChanges } from "../../engine/differences";
import { showDelta, showPoints, showScore, showValue } from "../../text/numbers";

const useStyles = makeStyles({
  level1: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    justifyContent: "space-between",
  },
  level2: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    display: "flex",
    justifyContent: "space-between",
    paddingLeft: tokens.spacingHorizontalXS,
  },
  num: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  header: {
    display: "grid",
    gridTemplateColumns: "12px 1fr auto auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    width: "100%",
    minWidth: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // A plain tag (Fluent's Badge adds a few KB for the same look).
  tag: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: "16px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: "nowrap",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  tagFormula: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  tagOverride: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  chevron: {
    fontSize: "12px",
    color: tokens.colorNeutralForeground3,
    transitionProperty: "transform",
    transitionDuration: tokens.durationFaster,
  },
  open: { transform: "rotate(90deg)" },
  name: { minWidth: 0, overflowWrap: "anywhere", textAlign: "start" },
  score: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  lost: { color: tokens.colorPaletteRedForeground1 },
  prev: {
    gridColumn: "2 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteDarkOrangeForeground1,
    textAlign: "start",
  },
  panel: {
    padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS} 24px`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  para: { margin: `0 0 ${tokens.spacingVerticalXS}`, overflowWrap: "anywhere" },
  sub: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  ul: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  legendItem: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS },
});

export interface ScoreViewProps {
  outcome: RescoreOutcome;
}

/** The results under the rule set's own groups (一级 → 二级 → 三级), with the engine's subtotals. */
export function groupsOf(outcome: RescoreOutcome) {
  const byId = new Map(outcome.result.indicators.map((i) => [i.id, i]));
  return outcome.result.levels.map((l1) => ({
    ...l1,
    groups: l1.groups.map((l2) => ({
      ...l2,
      indicators: l2.indicators.map((id) => byId.get(id)).filter((x): x is IndicatorResult => !!x),
    })),
  }));
}

function subtotal(g: GroupTotal): string {
  return paneText.scores.of(showScore(g.score), showPoints(g.max));
}

/** A part's explanation without the label it starts with (the line already shows the label). */
export function withoutLabel(explanation: string, label: string): string {
  return explanation.startsWith(label) ? explanation.slice(label.length).replace(/^[：:\s]+/, "") : explanation;
}

interface RowProps {
  ind: IndicatorResult;
  change?: Difference | undefined;
  note?: string | undefined;
}

function IndicatorRow({ ind, change, note }: RowProps) {
  const styles = useStyles();
  const t = paneText.scores;
  const [open, setOpen] = useState(false);
  const kind = t.kinds[ind.kind] ?? ind.kind;
  const s = showScore(ind.score);
  const max = showPoints(ind.max);
  const panelId = `pe-ind-${ind.id}`;
  return (
    <li className={styles.item} data-testid={`indicator-${ind.id}`}>
      <button
        type="button"
        className={styles.header}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t.rowLabel(ind.name, s, max, kind)}
        onClick={() => setOpen(!open)}
      >
        <ChevronRightRegular className={mergeClasses(styles.chevron, open && styles.open)} aria-hidden />
        <span className={styles.name}>{ind.name}</span>
        <span className={mergeClasses(styles.score, ind.score !== null && ind.score < ind.max && styles.lost)}>
          {t.of(s, max)}
        </span>
        <span
          className={mergeClasses(
            styles.tag,
            ind.kind === "formula" && styles.tagFormula,
            ind.kind === "override" && styles.tagOverride,
          )}
          title={t.kindTitle[ind.kind]}
        >
          {kind}
        </span>
        {change && (
          <span className={styles.prev} data-testid={`previous-${ind.id}`}>
            {change.previous === null
              ? t.previousEmpty
              : t.previous(showValue(change.previous), s, showDelta(change.delta))}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className={styles.panel}>
          <p className={styles.para}>{ind.explanation}</p>
          {note && <p className={styles.para}>{note}</p>}
          {ind.kind === "override" && (
            <p className={styles.para}>
              {ind.ruleScore !== undefined && ind.ruleScore !== null
                ? t.ruleScore(showScore(ind.ruleScore)) + "；"
                : ""}
              {ind.overrideReason ? t.reason(ind.overrideReason) : ""}
            </p>
          )}
          {ind.parts.length > 1 && (
            <>
              <p className={styles.sub}>{t.parts}</p>
              <ul className={styles.ul}>
                {ind.parts.map((p) => (
                  <li key={p.key}>
                    {p.label}（{showScore(p.rounded)} / {showPoints(Number(p.points))}）：
                    {withoutLabel(p.explanation, p.label)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {ind.lostPoints.length > 0 && (
            <>
              <p className={styles.sub}>{t.lost}</p>
              <ul className={styles.ul}>
                {ind.lostPoints.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function ScoreView({ outcome }: ScoreViewProps) {
  const styles = useStyles();
  const t = paneText.scores;
  const changed = new Map(scoreChanges(outcome.result.differences).map((d) => [d.target, d]));
  const notes = new Map(outcome.result.differences.filter((d) => d.note).map((d) => [d.target, d.note!]));
  // A legend of the tags shown, in the order of the tags' meaning.
  const kinds = ["formula", "checklist", "deduction", "manual", "override"].filter((k) =>
    outcome.result.indicators.some((i) => i.kind === k),
  );
  return (
    <section aria-label={t.region}>
      <p className={styles.legend} data-testid="legend">
        {kinds.map((k) => (
          <span key={k} className={styles.legendItem}>
            <span
              className={mergeClasses(
                styles.tag,
                k === "formula" && styles.tagFormula,
                k === "override" && styles.tagOverride,
              )}
            >
              {t.kinds[k]}
            </span>
            {t.kindTitle[k]}
          </span>
        ))}
      </p>
      {groupsOf(outcome).map((l1) => (
        <div key={l1.name}>
          <h3 className={styles.level1}>
            <span>{l1.name}</span>
            <span className={styles.num}>{subtotal(l1)}</span>
          </h3>
          {l1.groups.map((l2) => (
            <div key={l2.name}>
              <h4 className={styles.level2}>
                <span>{l2.name}</span>
                <span className={styles.num}>{subtotal(l2)}</span>
              </h4>
              <ul className={styles.list}>
                {l2.indicators.map((ind) => (
                  <IndicatorRow key={ind.id} ind={ind} change={changed.get(ind.id)} note={notes.get(ind.id)} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
