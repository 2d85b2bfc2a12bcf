/**
 * The ribbon handler: registered under "rescore", completes on every path, and shows the outcome
 * in a dialog — through messageChild where DialogApi 1.2 exists, else in the URL's query string
 * (never the fragment). Excel.run honours delayForCellEdit as the fake's contexts do: a rescoring
 * held by cell-edit mode opens the dialog after 1.5 s saying so, and the result follows.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { fromQuery, MAX_QUERY_CHARS, parse, toQuery, type CommandMessage } from "../../../src/commands/message";
import { officeText } from "../../../src/text/office";
import { FakeOfficeError, FakeWorkbookData } from "../../fakes/excel";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";

type Handler = (event: { completed: () => void }) => Promise<void>;
type Listener = (arg: { message?: string; error?: number }) => void;

interface Setup {
  /** newest ExcelApi minor version (13 = the manifest's minimum; undo groups need 20) */
  maxApi?: number;
  /** DialogApi 1.2 (messageChild) */
  messageChild?: boolean;
  dialogOk?: boolean;
}

/** Office with a dialog "page" that says ready, shows what it gets, and is closed by the user once it shows a result. */
function setup(
  excelRun: (opts: { delayForCellEdit?: boolean }, batch: (ctx: unknown) => Promise<unknown>) => Promise<unknown>,
  o: Setup = {},
) {
  const handlers: Record<string, Handler> = {};
  const urls: string[] = [];
  const shown: CommandMessage[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: "https://localhost:3000/commands.html" } };
  g.Office = {
    onReady: () => Promise.resolve({}),
    actions: { associate: (id: string, f: Handler) => (handlers[id] = f) },
    context: {
      requirements: {
        isSetSupported: (set: string, v: string) =>
          set === "DialogApi"
            ? v === "1.1" || (v === "1.2" && o.messageChild === true)
            : Number(v.split(".")[1]) <= (o.maxApi ?? 13),
      },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          urls.push(url);
          if (o.dialogOk === false) return cb({ status: "failed" });
          const listeners: Record<string, Listener> = {};
          let open = true;
          const see = (m: CommandMessage | undefined) => {
            if (!m || !open) return;
            shown.push(m);
            if (!m.waiting) setTimeout(() => listeners.message?.({ message: "close" }), 0); // the user reads it and clicks 关闭
          };
          cb({
            status: "succeeded",
            value: {
              close: () => (open = false),
              addEventHandler: (t: string, f: Listener) => (listeners[t] = f),
              messageChild: (text: string) => see(parse(text)),
            },
          });
          see(fromQuery(new URL(url).search));
          setTimeout(() => listeners.message?.({ message: "ready" }), 0); // the page registered its handler
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
  };
  g.Excel = {
    run: (opts: { delayForCellEdit?: boolean }, batch: (ctx: unknown) => Promise<unknown>) => excelRun(opts, batch),
  };
  jest.isolateModules(() => {
    require("../../../src/commands/commands");
  });
  return { handlers, urls, shown };
}

/** Excel.run over a fake workbook, with the options officeRunner passes. */
const over =
  (data: FakeWorkbookData) => (opts: { delayForCellEdit?: boolean }, batch: (ctx: unknown) => Promise<unknown>) =>
    batch(data.context({ delayForCellEdit: opts.delayForCellEdit === true }));

const SAMPLE = () =>
  fakeFromXlsx(new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx"))));

afterEach(() => {
  jest.useRealTimers();
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.Excel;
  delete g.window;
});

test.each([
  ["DialogApi 1.2: the message goes through messageChild, the URL carries none", true],
  ["DialogApi 1.1: the message rides in the query string", false],
])("success on a sample — %s", async (_name, messageChild) => {
  const data = SAMPLE();
  const { handlers, urls, shown } = setup(over(data), { messageChild });
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown).toHaveLength(1);
  expect(shown[0].ok).toBe(true);
  expect(shown[0].lines[0]).toMatch(/综合评分 .*良/);
  expect(data.syncCount).toBe(3);
  expect(urls).toHaveLength(1);
  expect(urls[0]).not.toContain("#");
  const url = new URL(urls[0]);
  expect(url.pathname).toBe("/dialog.html");
  expect(url.searchParams.has("m")).toBe(!messageChild);
});

test.each([true, false])(
  "cell-edit mode (messageChild %s): after 1.5 s the dialog says to finish the edit; the result follows when Excel runs the batch",
  async (messageChild) => {
    jest.useFakeTimers();
    const data = SAMPLE();
    const before = data.cell("评分表", "I20")?.value;
    data.cellEditMode = true;
    const { handlers, urls, shown } = setup(over(data), { messageChild });
    const completed = jest.fn();
    const done = handlers.rescore({ completed });
    await jest.advanceTimersByTimeAsync(1000);
    expect(urls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(600);
    expect(shown).toEqual([expect.objectContaining({ waiting: true, lines: [officeText.waitingCellEdit] })]);
    expect(data.cell("评分表", "I20")?.value).toBe(before); // nothing ran yet
    data.leaveCellEdit();
    await jest.advanceTimersByTimeAsync(10);
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(shown[1]).toMatchObject({ ok: true });
    expect(shown[1].lines[0]).toMatch(/综合评分 .*良/);
    expect(data.cell("评分表", "I20")?.value).not.toBe(before);
    // One dialog updated in place, or (without messageChild) the waiting one replaced.
    expect(urls).toHaveLength(messageChild ? 1 : 2);
  },
);

test("Excel.run itself throwing and the dialog failing to open still complete", async () => {
  const { handlers, urls } = setup(() => Promise.reject(new FakeOfficeError("GeneralException", "boom")), {
    dialogOk: false,
  });
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(fromQuery(new URL(urls[0]).search)!.lines[0]).toContain("GeneralException");
});

test("an Excel without ExcelApi 1.13: nothing is read or written, the dialog says which Excel is needed", async () => {
  const run = jest.fn();
  const { handlers, shown } = setup(run, { maxApi: 12 });
  const completed = jest.fn();
  await handlers.rescore({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(run).not.toHaveBeenCalled();
  expect(shown[0].ok).toBe(false);
  expect(shown[0].title).toMatch(/不受支持/);
  expect(shown[0].lines[0]).toMatch(/ExcelApi 1\.13/);
});

test("manual calculation mode: the message says Excel recalculated", async () => {
  const data = SAMPLE();
  data.calculationMode = "Manual";
  const { handlers, shown } = setup(over(data));
  await handlers.rescore({ completed: () => undefined });
  expect(shown[0].lines).toContain(officeText.recalculated);
  expect(data.calculations).toBe(1);
});

test("a long message fits the query-string limit and keeps its last line (what to do)", () => {
  const long =
    "名称“预算执行率”的引用无效（='一个很长的工作表名称'!$C$5:$C$900），请在“公式 → 名称管理器”中修正。".repeat(6);
  const m: CommandMessage = {
    ok: false,
    title: officeText.resultFailed,
    lines: [long, long, long, officeText.openPaneHint],
  };
  const q = toQuery(m);
  expect(q.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  const back = fromQuery(`?m=${q}`)!;
  expect(back.lines[back.lines.length - 1]).toBe(officeText.openPaneHint);
  expect(back.lines[0].startsWith("名称“预算执行率”")).toBe(true);
});
