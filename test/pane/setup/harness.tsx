/**
 * A fake WorkbookPort over the .xlsx host (the real sample bytes, the real reader and writer) and
 * a host component that writes every edit with its rescoring, as the App does.
 */
import { useCallback, useMemo, useState } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { core, type WorkbookModel } from "../../../src/taskpane/model/core";
import { NoticeBar, type Notice } from "../../../src/taskpane/shared/NoticeBar";
import { applyPlan, readXlsx } from "../../../src/hosts/xlsx";
import type { CellRef, WorkbookPort } from "../../../src/taskpane/ports/port";
import { editThrough } from "../../../src/taskpane/ports/through";
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

type View = (p: {
  port: WorkbookPort;
  model: WorkbookModel;
  edit: (plan: WritePlan) => Promise<void>;
  notify: (n: Notice | undefined) => void;
}) => JSX.Element;

/**
 * `edited` is told of every edit the view makes (after it was written with its rescoring). The
 * notice channel is drawn above the view, as the App does.
 */
export function Host({ port, View, edited }: { port: XlsxPort; View: View; edited?: (plan: WritePlan) => void }) {
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>(() => readXlsx(port.data));
  const [notice, setNotice] = useState<Notice>();
  const model = useMemo(() => core.modelOf(snapshot), [snapshot]);
  const edit = useCallback(
    async (plan: WritePlan) => {
      const r = await editThrough(port, plan, { now: new Date(2026, 10, 30, 9, 0) });
      setSnapshot(r.snapshot);
      edited?.(plan);
    },
    [port, edited],
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ width: 320 }}>
        <NoticeBar notice={notice} />
        <View port={port} model={model} edit={edit} notify={setNotice} />
      </div>
    </FluentProvider>
  );
}
