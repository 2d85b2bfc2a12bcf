/**
 * A tab whose panel loads in its own chunk when the tab opens (so the add-in's first load stays
 * within its bundle budget), with a spinner meanwhile. Each caller keeps its own import() so
 * webpack names the chunk.
 */
import { lazy, Suspense, type ComponentType } from "react";
import { Spinner } from "@fluentui/react-components";
import type { EditApi } from "../App";
import { paneText } from "../../text/pane";

/** What the App gives every editing panel. */
export type PanelProps = EditApi;

export function lazyPanel(
  load: () => Promise<{ default: ComponentType<PanelProps> }>,
): (props: PanelProps) => JSX.Element {
  const Panel = lazy(load);
  return function LazyPanel(props: PanelProps) {
    return (
      <Suspense fallback={<Spinner size="small" label={paneText.loading} />}>
        <Panel {...props} />
      </Suspense>
    );
  };
}
