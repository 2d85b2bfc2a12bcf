/**
 * A fake WorkbookPort over the .xlsx host (the real sample bytes, the real reader and writer) and
 * a host component that re-reads the workbook after every change, as the App does.
 */
import { useCallback, useState } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { applyPlan, readXlsx } from "../../../src/hosts/xlsx";
import type { CellRef, WorkbookPort } from "../../../src/taskpane/port";
import type { WorkbookSnapshot, WritePlan } from "../../../src/workbook/snapshot";

export class XlsxPort implements WorkbookPort {
  readonly mode = "preview" as const;
  selection: CellRef | undefined;
  applied: WritePlan[] = [];
  selected: CellRef[] = [];
  constructor(public data: Uint8Array) {}
  async read(): Promise<WorkbookSnapshot> {
    return readXlsx(this.data);
  }
  async apply(plan: WritePlan): Promise<void> {
    this.data = applyPlan(this.data, plan);
    this.applied.push(plan);
  }
  async select(ref: CellRef): Promise<void> {
    this.selected.push(ref);
  }
  async selectedCell(): Promise<CellRef | undefined> {
    return this.selection;
  }
  bytes(): Uint8Array {
    return this.data;
  }
}

type View = (p: { port: WorkbookPort; snapshot: WorkbookSnapshot; onChanged: () => void }) => JSX.Element;

export function Host({ port, View }: { port: XlsxPort; View: View }) {
  const [snapshot, setSnapshot] = useState(() => readXlsx(port.data));
  const onChanged = useCallback(() => {
    void port.read().then(setSnapshot);
  }, [port]);
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ width: 320 }}>
        <View port={port} snapshot={snapshot} onChanged={onChanged} />
      </div>
    </FluentProvider>
  );
}
