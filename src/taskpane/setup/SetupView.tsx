/**
 * 设置与绑定 tab. The panel (Accordion, Dropdown, Switch, the planners) loads in its own chunk
 * when the tab opens, so the add-in's first load stays within its bundle budget.
 */
import { lazy, Suspense } from "react";
import { Spinner } from "@fluentui/react-components";
import type { WorkbookPort } from "../port";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { paneText } from "../../text/pane";

export interface SetupViewProps {
  port: WorkbookPort;
  snapshot: WorkbookSnapshot;
  onChanged: () => void;
}

const SetupPanel = lazy(() => import(/* webpackChunkName: "setup" */ "./SetupPanel"));

export function SetupView(props: SetupViewProps) {
  return (
    <Suspense fallback={<Spinner size="small" label={paneText.loading} />}>
      <SetupPanel {...props} />
    </Suspense>
  );
}
