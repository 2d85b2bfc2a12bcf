/**
 * 评定事项 tab. The panel (RadioGroup, SpinButton, Dropdown, the effect table, overrides) loads in
 * its own chunk when the tab opens, so the add-in's first load stays within its bundle budget.
 */
import { lazy, Suspense } from "react";
import { Spinner } from "@fluentui/react-components";
import type { WorkbookPort } from "../port";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { paneText } from "../../text/pane";

export interface JudgedViewProps {
  port: WorkbookPort;
  snapshot: WorkbookSnapshot;
  onChanged: () => void;
}

const JudgedPanel = lazy(() => import(/* webpackChunkName: "judged" */ "./JudgedPanel"));

export function JudgedView(props: JudgedViewProps) {
  return (
    <Suspense fallback={<Spinner size="small" label={paneText.loading} />}>
      <JudgedPanel {...props} />
    </Suspense>
  );
}
