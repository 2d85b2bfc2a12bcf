/** The real workbook contract bound for the Office host (the ribbon command and the pane use it). */
import { contractNames, type rescore } from "../../workbook/rescore";
import { rescoreWithUndo } from "../../workbook/undo";
import type { ContractApi, RescoreOutcomeLike } from "./rescoreWorkbook";

export type RescoreOutcome = ReturnType<typeof rescore>;

/** Rescoring from Excel records what it overwrites, so the pane's 撤销本次评分 can restore it. */
export const defaultContract: ContractApi<RescoreOutcome & RescoreOutcomeLike> = {
  rescore: (snapshot, options) => rescoreWithUndo(snapshot, options),
  contractNames: () => contractNames(),
};
