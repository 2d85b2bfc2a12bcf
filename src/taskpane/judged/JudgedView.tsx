/** Placeholder so the pane builds; the setup/judged pane engineer replaces this file wholesale. */
import { Text } from "@fluentui/react-components";
import type { WorkbookPort } from "../port";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { paneText } from "../../text/pane";

export interface JudgedViewProps {
  port: WorkbookPort;
  snapshot: WorkbookSnapshot;
  onChanged: () => void;
}

export function JudgedView(_props: JudgedViewProps) {
  return <Text>{paneText.placeholder}</Text>;
}
