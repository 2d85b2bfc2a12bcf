/**
 * The scoring core chunk, loaded once. Inside Office the page preloads it and the boot asks for
 * it at once (reading the workbook needs the contract's names); in preview mode the pane asks when
 * it mounts, after its first paint. Either way, by the time a clerk clicks 重新评分 the chunk is
 * there (or the click waits for it).
 */
import type { PaneCore } from "./core";
import { lazyChunk } from "../shared/lazy-chunk";

const core = lazyChunk(() => import(/* webpackChunkName: "core" */ "./core").then((m) => m.core));

export const loadCore = (): Promise<PaneCore> => core.load();

/** The core if it has loaded already (a pane mounting after that renders ready at once). */
export const loadedCore = (): PaneCore | undefined => core.loaded();
