/**
 * Every error at once, above the scores: what was found, what is expected, and a 定位 button that
 * selects the cell. A finance clerk fixes them in one pass instead of one per rescoring.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ScoreError } from "../../engine/types";
import type { CellRef } from "../ports/port";
import { paneText } from "../../text/pane";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, wordBreak: "break-word" },
  detail: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
  hint: { fontSize: tokens.fontSizeBase200 },
});

export interface ErrorsViewProps {
  errors: ScoreError[];
  onLocate: (ref: CellRef) => void;
  /** The action of a workbook with nothing bound yet (添加评分依据表); undefined while busy. */
  onSetUp?: (() => void) | undefined;
}

export function cellOf(e: ScoreError): CellRef | undefined {
  const s = e.source;
  return s?.sheet && s.address ? { sheet: s.sheet, address: s.address.split(":")[0] } : undefined;
}

export function ErrorsView({ errors, onLocate, onSetUp }: ErrorsViewProps) {
  const styles = useStyles();
  const t = paneText.errors;
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="pe-errors-title">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="pe-errors-title">{t.title(errors.length)}</MessageBarTitle>
          <div className={styles.hint}>{errors.some((e) => cellOf(e)) ? t.hint : t.hintNoCells}</div>
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label={t.title(errors.length)} data-testid="errors">
        {errors.map((e, i) => {
          const ref = cellOf(e);
          const where = ref ? `${ref.sheet}!${ref.address}` : undefined;
          return (
            <li key={i} className={styles.item}>
              <div className={styles.message}>{e.message}</div>
              {e.code === "noInputs" ? (
                <Button size="small" appearance="primary" disabled={!onSetUp} onClick={onSetUp} data-testid="set-up">
                  {paneText.setUp.button}
                </Button>
              ) : ref && where ? (
                <Button
                  size="small"
                  appearance="secondary"
                  aria-label={t.locateLabel(where)}
                  onClick={() => onLocate(ref)}
                >
                  {t.locate}
                </Button>
              ) : (
                <span />
              )}
              {where && <div className={styles.detail}>{where}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
