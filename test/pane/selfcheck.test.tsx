/** @jest-environment jsdom */
/**
 * 自检 from the pane (设置 tab): in Excel it runs every probe, lists 通过 per probe with its
 * evidence, leaves the workbook as it was, and copies the report for IT; preview mode says it needs Excel.
 */
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readFileSync } from "fs";
import { App } from "../../src/taskpane/App";
import type { WorkbookPort } from "../../src/taskpane/ports/port";
import { ExcelPort } from "../../src/taskpane/ports/excel";
import { PreviewPort } from "../../src/taskpane/ports/preview";
import { paneText } from "../../src/text/pane";
import { SELFCHECK } from "../../src/text/selfcheck";
import { fakeFromXlsx } from "../fakes/fromSnapshot";
import { NOW, SEED_004 } from "./helpers";

const ui = (port: WorkbookPort) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} now={() => NOW} />
    </FluentProvider>,
  );

test("in Excel: 运行自检 lists every probe as 通过, the workbook is unchanged, 复制结果 copies the report", async () => {
  const data = fakeFromXlsx(new Uint8Array(readFileSync(SEED_004)));
  const before = JSON.stringify(data.dump());
  const user = userEvent.setup(); // gives navigator a clipboard to read back
  ui(new ExcelPort(data.delayedRun, (v) => Number(v.split(".")[1]) <= 20, data.delayedRun));
  await user.click(screen.getByRole("tab", { name: paneText.tabs.setup }));
  const section = await screen.findByTestId("selfcheck", {}, { timeout: 10000 });
  await user.click(within(section).getByRole("button", { name: SELFCHECK.run }));
  const summary = await within(section).findByTestId("selfcheck-summary", {}, { timeout: 10000 });
  expect(summary.textContent).toMatch(/^全部 1\d 项通过/);
  for (const id of ["sheetAndName", "textStaysText", "protection", "restored"]) {
    expect(within(screen.getByTestId(`probe-${id}`)).getByText(SELFCHECK.pass)).toBeTruthy();
  }
  expect(JSON.stringify(data.dump())).toBe(before);
  // The scratch sheet's writes are the self-check's own: the result is not marked stale.
  expect(screen.queryByTestId("stale")).toBeNull();
  await user.click(within(section).getByRole("button", { name: SELFCHECK.copy }));
  await waitFor(() => expect(within(section).getByText(SELFCHECK.copied)).toBeTruthy());
  const copied = await navigator.clipboard.readText();
  expect(copied.split("\n").filter((l) => l.startsWith("✓ 通过")).length).toBeGreaterThanOrEqual(12);
});

test("preview mode: the section says 自检 needs Excel and offers no button", async () => {
  const user = userEvent.setup();
  ui(await PreviewPort.open(new Uint8Array(readFileSync(SEED_004))));
  await user.click(screen.getByRole("tab", { name: paneText.tabs.setup }));
  const section = await screen.findByTestId("selfcheck", {}, { timeout: 10000 });
  expect(section.textContent).toContain(SELFCHECK.previewOnly);
  expect(within(section).queryByRole("button", { name: SELFCHECK.run })).toBeNull();
});
