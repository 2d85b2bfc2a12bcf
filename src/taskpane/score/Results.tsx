/**
 * A rescoring's result on the 评分 tab: every error with 定位 (or the one action of an unbound
 * workbook), then 综合评分, the 21 indicators and 存在的问题. Loaded with the scoring core: there
 * is nothing to show before the first rescoring.
 */
import { makeStyles } from "@fluentui/react-components";
import type { RescoreOutcome } from "../../workbook/rescore";
import type { CellRef } from "../ports/port";
import { ErrorsView } from "./ErrorsView";
import { SummaryView } from "./SummaryView";
import { ScoreView } from "./ScoreView";
import { ProblemsView } from "./ProblemsView";

const useStyles = makeStyles({ stale: { opacity: 0.6 } });

export interface ResultsProps {
  outcome: RescoreOutcome;
  /** The scores were written to the workbook. */
  written: boolean;
  /** The workbook changed after this result: shown dimmed, 存在的问题 not offered for copying. */
  stale: boolean;
  onLocate: (ref: CellRef) => void;
  /** 添加评分依据表; undefined while the pane is busy. */
  onSetUp?: (() => void) | undefined;
}

export function Results({ outcome, written, stale, onLocate, onSetUp }: ResultsProps) {
  const styles = useStyles();
  const ok = outcome.errors.length === 0;
  return (
    <>
      <ErrorsView errors={outcome.errors} onLocate={onLocate} onSetUp={onSetUp} />
      {outcome.result.indicators.length > 0 && (
        <div className={stale ? styles.stale : undefined}>
          {ok && <SummaryView outcome={outcome} written={written} />}
          <ScoreView outcome={outcome} />
          {ok && <ProblemsView problems={outcome.result.problems} disabled={stale} />}
        </div>
      )}
    </>
  );
}
