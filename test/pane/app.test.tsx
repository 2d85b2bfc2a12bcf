/** @jest-environment jsdom */
/**
 * The whole 评分 view over a PreviewPort holding real .xlsx bytes (seed 004 and bad fixtures):
 * rescoring writes scores and the undo record in ONE apply, errors write nothing, 撤销本次评分
 * restores the previous values (and refuses after an edit), the 评分明细 switch persists.
 */
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PreviewPort } from "../../src/taskpane/ports/preview";
import { readXlsx } from "../../src/hosts/xlsx";
import { readSettings } from "../../src/workbook/settings";
import { readUndoRecord } from "../../src/workbook/undo";
import { paneText } from "../../src/text/pane";
import { UNDO } from "../../src/text/undo";
import { bad, bytesOf, NOW, SEED_004, valueAt } from "./helpers";

function setup(path: string) {
  const selected: unknown[] = [];
  const bytes = bytesOf(path);
  const port = new PreviewPort(bytes, readXlsx(bytes), {
    onSelect: (r) => selected.push(r),
    selected: () => undefined,
  });
  const apply = jest.spyOn(port, "apply");
  const updates: { errors: number; written: boolean }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} now={() => NOW} onUpdate={(s) => updates.push(s)} />
    </FluentProvider>,
  );
  return { port, apply, selected, updates, user: userEvent.setup() };
}

const enabled = (el: HTMLElement) => !(el as HTMLButtonElement).disabled && el.getAttribute("aria-disabled") !== "true";
const rescoreButton = () => screen.getByRole("button", { name: paneText.rescore });
const undoButton = () => screen.getByRole("button", { name: paneText.undo.label });

test("seed 004: 重新评分 shows 89.46 / 良 and 5.66 → 5.96, writing scores and undo record in one plan", async () => {
  const { port, apply, user, updates } = setup(SEED_004);
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  expect(enabled(undoButton())).toBe(false); // nothing recorded yet
  await user.click(rescoreButton());
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("89.46"));
  expect(screen.getByTestId("grade").textContent).toBe("良");
  expect(screen.getByTestId("previous-budgetExecution").textContent).toBe("原 5.66 → 5.96（+0.30）");
  expect(screen.queryByTestId("errors")).toBeNull();

  expect(apply).toHaveBeenCalledTimes(1);
  const plan = apply.mock.calls[0][0];
  expect(plan.cells.some((c) => c.role === "budgetExecution")).toBe(true);
  expect(plan.cells.some((c) => c.role === "undo")).toBe(true);
  expect(valueAt(port.bytes(), "评分表", "I20")).toBe(5.96);
  expect(readUndoRecord(readXlsx(port.bytes()))!.entries.map((e) => e.role)).toEqual(["预算执行率", "综合评分"]);
  expect(updates).toContainEqual({ errors: 0, written: true, scored: true, scoresWritten: true, stale: false });

  // The record survives in the workbook, so the undo button is now live.
  await waitFor(() => expect(enabled(undoButton())).toBe(true));
  expect(screen.getByText(UNDO.note("2026-11-23 17:05"))).toBeTruthy();
});

test("撤销本次评分 restores the previous values and cannot be repeated", async () => {
  const { port, user } = setup(SEED_004);
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  await user.click(rescoreButton());
  await waitFor(() => expect(enabled(undoButton())).toBe(true));
  await user.click(undoButton());
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(paneText.undo.done(2)));
  expect(valueAt(port.bytes(), "评分表", "I20")).toBe(5.66);
  expect(valueAt(port.bytes(), "评分表", "I26")).toBe(89.16);
  await waitFor(() => expect(enabled(undoButton())).toBe(false));
});

test("undo refuses, naming the cell, after the clerk edited a written score", async () => {
  const { port, user, apply } = setup(SEED_004);
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  await user.click(rescoreButton());
  await waitFor(() => expect(enabled(undoButton())).toBe(true));
  await port.apply({
    cells: [{ sheet: "评分表", address: "I20", value: 6, previous: 5.96, role: "edit" }],
    sheets: [],
  });
  const calls = apply.mock.calls.length;
  await user.click(undoButton());
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("评分表!I20"));
  expect(screen.getByTestId("notice").textContent).toContain(paneText.undo.refused);
  expect(apply.mock.calls.length).toBe(calls); // nothing written
  expect(valueAt(port.bytes(), "评分表", "I20")).toBe(6);
});

test("a bad workbook: errors listed above, 定位 selects the cell, nothing is written", async () => {
  const { port, apply, selected, user, updates } = setup(bad("div0"));
  const before = port.bytes();
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  await user.click(rescoreButton());
  const list = await screen.findByTestId("errors");
  expect(within(list).getAllByRole("listitem").length).toBeGreaterThan(0);
  expect(apply).not.toHaveBeenCalled();
  expect(port.bytes()).toBe(before);
  expect(updates).toContainEqual({ errors: 1, written: false, scored: false, scoresWritten: false, stale: false });
  await user.click(within(list).getAllByRole("button", { name: /定位到/ })[0]);
  expect(selected).toEqual([{ sheet: "评分依据", address: "C6" }]);
});

test("评分明细 switch: persisted in 评分设置 and used by the next rescoring", async () => {
  const { port, user } = setup(SEED_004);
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  const sw = screen.getByRole("switch", { name: paneText.detail.label });
  expect((sw as HTMLInputElement).checked).toBe(false);
  await user.click(sw);
  await waitFor(() => expect(readSettings(readXlsx(port.bytes())).detailSheet).toBe(true));
  await waitFor(() =>
    expect(screen.getByRole<HTMLInputElement>("switch", { name: paneText.detail.label }).checked).toBe(true),
  );
  await user.click(rescoreButton());
  await waitFor(() => expect(readXlsx(port.bytes()).sheets).toContain("评分明细"));
});

test("tabs: 评分 / 设置 / 评定 switch with the keyboard", async () => {
  const { user } = setup(SEED_004);
  await waitFor(() => expect(enabled(rescoreButton())).toBe(true));
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((t) => t.textContent)).toEqual([paneText.tabs.score, paneText.tabs.setup, paneText.tabs.judged]);
  tabs[0].focus();
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: paneText.tabs.setup }).getAttribute("aria-selected")).toBe("true");
  expect(screen.queryByRole("button", { name: paneText.rescore })).toBeNull();
  await user.keyboard("{End}");
  expect(screen.getByRole("tab", { name: paneText.tabs.judged }).getAttribute("aria-selected")).toBe("true");
  await user.keyboard("{Home}");
  expect(rescoreButton()).toBeTruthy();
});
