/** @jest-environment jsdom */
/**
 * The clerk's journey in the pane (issue 11): a result is never shown as final when the workbook
 * changed after it; a workbook with nothing bound yet gets one message with one action; after that
 * action the setup view shows what is still to fill.
 */
import "./setup";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { App } from "../../src/taskpane/App";
import type { WorkbookPort } from "../../src/taskpane/ports/port";
import { PreviewPort } from "../../src/taskpane/ports/preview";
import { ExcelPort } from "../../src/taskpane/ports/excel";
import { readXlsx } from "../../src/hosts/xlsx";
import { paneText } from "../../src/text/pane";
import { fakeFromXlsx } from "../fakes/fromSnapshot";
import { NOW, SEED_004 } from "./helpers";

const ui = (port: WorkbookPort) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} now={() => NOW} />
    </FluentProvider>,
  );
const enabled = (el: HTMLElement) => !(el as HTMLButtonElement).disabled && el.getAttribute("aria-disabled") !== "true";

test("in Excel, a change the clerk types after a rescoring marks the result out of date until the next one", async () => {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(SEED_004)));
  let t = 0;
  const port = new ExcelPort(
    data.run,
    () => true,
    data.run,
    () => t,
  );
  const user = userEvent.setup();
  ui(port);
  const rescore = () => screen.getAllByRole("button", { name: paneText.rescore })[0];
  await waitFor(() => expect(enabled(rescore())).toBe(true));
  await user.click(rescore());
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("89.46"));
  // Our own write raised change events: they do not count.
  await data.fireChanged("评分表", "I20");
  expect(screen.queryByTestId("stale")).toBeNull();
  t = 10_000; // later, the clerk edits an input cell in Excel
  await data.fireChanged("评分依据", "C12");
  await waitFor(() => expect(screen.getByTestId("stale").textContent).toContain(paneText.stale.title));
  expect(enabled(screen.getByRole("button", { name: paneText.problems.copyLabel }))).toBe(false);
  await user.click(within(screen.getByTestId("stale")).getByRole("button", { name: paneText.rescore }));
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  expect(enabled(screen.getByRole("button", { name: paneText.problems.copyLabel }))).toBe(true);
});

/** A workbook with the seed's 评分表 copied over and no defined names at all. */
async function unnamed(): Promise<Uint8Array> {
  const src = readXlsx(new Uint8Array(readFileSync(SEED_004)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  for (const g of src.grids.filter((x) => x.sheet === "评分表"))
    for (const c of g.cells) if (c.formula === undefined) ws.getCell(c.address).value = c.value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("a workbook without defined names: one message with one action; after it, 设置 shows what is still to fill", async () => {
  const port = await PreviewPort.open(await unnamed());
  const user = userEvent.setup();
  ui(port);
  const rescore = () => screen.getAllByRole("button", { name: paneText.rescore })[0];
  await waitFor(() => expect(enabled(rescore())).toBe(true));
  await user.click(rescore());
  const list = await screen.findByTestId("errors");
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(1);
  expect(items[0].textContent).toContain("添加评分依据表");
  // No 定位 to point at: the hint above does not mention one.
  expect(within(items[0]).queryByRole("button", { name: /定位到/ })).toBeNull();
  expect(screen.getByText(paneText.errors.hintNoCells)).toBeTruthy();
  expect(screen.queryByText(paneText.errors.hint)).toBeNull();
  await user.click(within(items[0]).getByTestId("set-up"));
  await waitFor(() => expect(screen.getByRole("tab", { name: paneText.tabs.setup, selected: true })).toBeTruthy());
  const counts = await screen.findByTestId("binding-counts");
  expect(counts.textContent).toMatch(/^已填写 0，待填写 \d+，未绑定 0，需修改 0$/);
  const snap = readXlsx(port.bytes());
  expect(snap.sheets).toEqual(expect.arrayContaining(["评分依据", "评分设置"]));
});

test("in Excel, a rescoring held by cell-edit mode says after a moment to finish the edit, then completes", async () => {
  jest.useFakeTimers();
  try {
    const data = fakeFromXlsx(new Uint8Array(readFileSync(SEED_004)));
    const port = new ExcelPort(data.delayedRun, () => true, data.delayedRun);
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    ui(port);
    const rescore = () => screen.getAllByRole("button", { name: paneText.rescore })[0];
    await waitFor(() => expect(enabled(rescore())).toBe(true));
    data.cellEditMode = true; // the clerk is typing in a cell
    await user.click(rescore());
    act(() => void jest.advanceTimersByTime(1000));
    expect(screen.queryByTestId("excel-waiting")).toBeNull();
    act(() => void jest.advanceTimersByTime(1000));
    expect(screen.getByTestId("excel-waiting").textContent).toContain(paneText.excelWaiting.body);
    expect(data.cell("评分表", "I20")?.value).not.toBe(5.96);
    act(() => data.leaveCellEdit()); // Enter: Excel runs the held batch
    await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("89.46"));
    expect(screen.queryByTestId("excel-waiting")).toBeNull();
  } finally {
    jest.useRealTimers();
  }
});
