/** The real workbook contract bound for the Office host (the ribbon command and the pane use it). */
import { contractNames, rescore } from "../../workbook/rescore";
import type { ContractApi, RescoreOutcomeLike } from "./rescoreWorkbook";

export type RescoreOutcome = ReturnType<typeof rescore>;

export const defaultContract: ContractApi<RescoreOutcome & RescoreOutcomeLike> = {
  rescore: (snapshot, options) => rescore(snapshot, options),
  contractNames: () => contractNames(),
};
