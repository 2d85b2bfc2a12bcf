/** @jest-environment jsdom */
/**
 * The ribbon's dialog page: shows the message from the query string, or the ones its parent sends
 * with messageChild (after it said "ready", once its handler is registered), as text, never HTML.
 */
import { serialize, toQuery, type CommandMessage } from "../../../src/commands/message";
import { officeText } from "../../../src/text/office";

const PAGE = '<h1 id="title"></h1><ul id="lines"></ul><button id="close" type="button"></button>';

function load(search: string, office?: unknown): void {
  document.body.innerHTML = PAGE;
  window.history.replaceState({}, "", `/dialog.html${search}`);
  const g = globalThis as Record<string, unknown>;
  if (office) g.Office = office;
  else delete g.Office;
  jest.isolateModules(() => {
    require("../../../src/commands/dialog");
  });
}

const lines = () => Array.from(document.querySelectorAll("#lines li")).map((li) => li.textContent);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test("a message in the query string is shown, markup in it stays text", () => {
  const m: CommandMessage = {
    ok: false,
    title: officeText.resultFailed,
    lines: ["<b>名称“评分表”</b>的引用无效", officeText.openPaneHint],
  };
  load(`?m=${toQuery(m)}`);
  expect(document.getElementById("title")!.textContent).toBe(officeText.resultFailed);
  expect(document.getElementById("title")!.className).toBe("fail");
  expect(lines()).toEqual(m.lines);
  expect(document.querySelector("#lines b")).toBeNull();
});

test("with messageChild: ready is said after the handler is registered; each message replaces the last; 关闭 tells the parent", async () => {
  const told: string[] = [];
  let handler: ((arg: { message: string }) => void) | undefined;
  const office = {
    onReady: (f: () => void) => Promise.resolve().then(f),
    EventType: { DialogParentMessageReceived: "parent" },
    context: {
      ui: {
        messageParent: (t: string) => told.push(t),
        addHandlerAsync: (_t: string, h: (arg: { message: string }) => void, done: () => void) => {
          handler = h;
          setTimeout(done, 0);
        },
      },
    },
  };
  load("", office);
  expect(document.getElementById("title")!.textContent).toBe(officeText.dialogTitle);
  await new Promise((r) => setTimeout(r, 5));
  expect(told).toEqual(["ready"]);
  handler!({
    message: serialize({
      ok: true,
      waiting: true,
      title: officeText.waitingTitle,
      lines: [officeText.waitingCellEdit],
    }),
  });
  expect(lines()).toEqual([officeText.waitingCellEdit]);
  handler!({
    message: serialize({ ok: true, title: officeText.resultOk, lines: ["3 项得分变化，综合评分 89.16 → 89.46，良"] }),
  });
  expect(document.getElementById("title")!.className).toBe("ok");
  expect(lines()).toEqual(["3 项得分变化，综合评分 89.16 → 89.46，良"]);
  handler!({ message: "not json" });
  expect(lines()).toHaveLength(1);
  (document.getElementById("close") as HTMLButtonElement).click();
  expect(told).toEqual(["ready", "close"]);
});
