/**
 * The ribbon handler: registered under "rescore", completes on every path, and shows the outcome
 * through a dialog whose URL fragment carries the message.
 */
import { decodeMessage } from "../../../src/commands/message";
import { FakeOfficeError, FakeWorkbookData } from "../../fakes/excel";

type Handler = (event: { completed: () => void }) => Promise<void>;

/** `maxApi`: the newest ExcelApi minor version the fake Excel supports (13 = the manifest's minimum 1.13; undo groups need 20). */
function setup(excelRun: (batch: (ctx: unknown) => Promise<unknown>) => Promise<unknown>, dialogOk = true, maxApi = 13) {
  const handlers: Record<string, Handler> = {};
  const urls: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: "https://localhost:3000/commands.html" } };
  g.Office = {
    onReady: () => Promise.resolve({}),
    actions: { associate: (id: string, f: Handler) => (handlers[id] = f) },
    context: {
      requirements: { isSetSupported: (_set: string, v: string) => Number(v.split(".")[1]) <= maxApi },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          urls.push(url);
          if (!dialogOk) return cb({ status: "failed" });
          const listeners: Record<string, () => void> = {};
          cb({
            status: "succeeded",
            value: { close: () => undefined, addEventHandler: (t: string, f: () => void) => (listeners[t] = f) },
          });
          setTimeout(() => listeners.message?.(), 0); // the user clicks 关闭
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
  };
  g.Excel = { run: (_opts: unknown, batch: (ctx: unknown) => Promise<unknown>) => excelRun(batch) };
  jest.isolateModules(() => {
    require("../../../src/commands/commands");
  });
  return { handlers, urls };
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.Excel;
  delete g.window;
});

test("cell-edit failure: completed() is called and the dialog shows the Chinese error", async () => {
  const data = new FakeWorkbookData();
  data.addSheet("评分表");
  data.cellEditMode = true;
  const { handlers, urls } = setup((batch) => batch(data.context()));
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const m = decodeMessage(new URL(urls[0]).hash)!;
  expect(m.ok).toBe(false);
  expect(m.lines[0]).toMatch(/单元格编辑/);
  expect(m.lines[m.lines.length - 1]).toMatch(/打开面板/);
  expect(urls[0].startsWith("https://localhost:3000/dialog.html#")).toBe(true);
});

test("Excel.run itself throwing and the dialog failing to open still complete", async () => {
  const { handlers, urls } = setup(() => Promise.reject(new FakeOfficeError("GeneralException", "boom")), false);
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(decodeMessage(new URL(urls[0]).hash)!.lines[0]).toContain("GeneralException");
});

test("success on a sample: scores written, dialog shows the contract's summary", async () => {
  const { readFileSync, existsSync } = require("fs") as typeof import("fs");
  const file = require("path").join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx") as string;
  if (!existsSync(file)) return;
  const { fakeFromXlsx } = require("../../fakes/fromSnapshot") as typeof import("../../fakes/fromSnapshot");
  const data = fakeFromXlsx(new Uint8Array(readFileSync(file)));
  const { handlers, urls } = setup((batch) => batch(data.context()));
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const m = decodeMessage(new URL(urls[0]).hash)!;
  expect(m.ok).toBe(true);
  expect(m.lines[0]).toMatch(/综合评分 .*良/);
  expect(data.syncCount).toBe(3);
});

test("an Excel without ExcelApi 1.13: nothing is read or written, the dialog says which Excel is needed", async () => {
  const run = jest.fn();
  const { handlers, urls } = setup(run, true, 12);
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(run).not.toHaveBeenCalled();
  const m = decodeMessage(new URL(urls[0]).hash)!;
  expect(m.ok).toBe(false);
  expect(m.title).toMatch(/不受支持/);
  expect(m.lines[0]).toMatch(/ExcelApi 1\.13/);
});
