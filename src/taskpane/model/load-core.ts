/**
 * Loads the scoring core chunk once. The boot starts it as soon as the page's static frame is
 * painted (and the pane asks again when it mounts), so by the time a clerk clicks 重新评分 the
 * chunk is already there; a failed load (a network hiccup on an intranet
 * server) is retried by the next call instead of being remembered.
 */
import type { PaneCore } from "./core";

let pending: Promise<PaneCore> | undefined;
let loaded: PaneCore | undefined;

export function loadCore(): Promise<PaneCore> {
  pending ??= import(/* webpackChunkName: "core" */ "./core").then(
    (m) => (loaded = m.core),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The core if it has loaded already (a pane mounting after that renders ready at once). */
export function loadedCore(): PaneCore | undefined {
  return loaded;
}
