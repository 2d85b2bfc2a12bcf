/**
 * A scripted Excel for `npm run bench` (scripts/bench-pane.ts), never shipped: stands in for
 * office.js so the pane can be timed inside "Office" too. It is the typed fake of the Excel API
 * the tests use (test/fakes/excel.ts), holding the sample workbook that the bench read in Node
 * and put in `window.__peBenchWorkbook` before this script: the page spends no time reading it.
 * Office.onReady answers at once and every sync is answered in memory, so what is timed is the
 * pane's own work, not Excel's.
 */
import { FakeWorkbookData, type FakeCell, type FakeName } from "../../test/fakes/excel";

/** The fake's workbook as plain data (cells by "row,col" key). */
export interface BenchWorkbook {
  sheets: { name: string; merges: string[]; cells: [string, FakeCell][] }[];
  names: FakeName[];
}

declare global {
  interface Window {
    __peBenchWorkbook: BenchWorkbook;
  }
}

const data = new FakeWorkbookData();
for (const s of window.__peBenchWorkbook.sheets) {
  const sheet = data.addSheet(s.name);
  sheet.merges = s.merges;
  for (const [key, cell] of s.cells) sheet.cells.set(key, cell);
}
data.names.push(...window.__peBenchWorkbook.names);

type Batch = (context: unknown) => Promise<unknown>;
interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

const host = { host: "Excel", platform: "PC" };
Object.assign(window, {
  Office: {
    HostType: { Excel: "Excel" },
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) <= 20 },
      officeTheme: null,
    },
    onReady: (cb?: (info: typeof host) => void) => {
      cb?.(host);
      return Promise.resolve(host);
    },
  },
  Excel: {
    run: (a: RunOptions | Batch, b?: Batch) => {
      const options = typeof a === "function" ? {} : a;
      const batch = typeof a === "function" ? a : b!;
      const undoGroup = options.mergeUndoGroup === true;
      return batch(data.context({ undoGroup, delayForCellEdit: options.delayForCellEdit === true }));
    },
  },
});
