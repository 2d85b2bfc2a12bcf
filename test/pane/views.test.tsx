/** @jest-environment jsdom */
/**
 * The 评分 view's parts over real outcomes: seed 004 and bad fixtures scored by the real contract.
 */
import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { SummaryView } from "../../src/taskpane/score/SummaryView";
import { ScoreView } from "../../src/taskpane/score/ScoreView";
import { ErrorsView } from "../../src/taskpane/score/ErrorsView";
import { ProblemsView } from "../../src/taskpane/score/ProblemsView";
import { paneText } from "../../src/text/pane";
import { bad, score, SEED_004 } from "./helpers";

const ui = (node: ReactElement) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const seed004 = score(SEED_004).outcome;

test("summary: 综合评分, 评分等级, and one line of what changed (issue 11.11: not two near-duplicates)", () => {
  ui(<SummaryView outcome={seed004} written />);
  expect(screen.getByTestId("total").textContent).toBe("89.46");
  expect(screen.getByTestId("grade").textContent).toBe("良");
  expect(screen.getByTestId("summary").textContent).toBe(
    `1 项得分变化，综合评分 89.16 → 89.46，良 · ${paneText.summary.writtenAt}`,
  );
  expect(screen.queryByText(/与表中原值不同/)).toBeNull();
});

test("scores: 21 三级指标 under their groups, with kind badges and the sheet's previous value", async () => {
  const user = userEvent.setup();
  ui(<ScoreView outcome={seed004} />);
  const rows = screen.getAllByRole("button", { name: /分，/ });
  expect(rows).toHaveLength(21);
  expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(
    seed004.ruleSet.levels.map((l) => expect.stringContaining(l.name)),
  );
  const budget = screen.getByTestId("indicator-budgetExecution");
  expect(within(budget).getByText("5.96 / 6")).toBeTruthy();
  expect(within(budget).getByText("公式")).toBeTruthy();
  expect(screen.getByTestId("previous-budgetExecution").textContent).toBe("原 5.66 → 5.96（+0.30）");
  // Only the changed indicator carries a previous value.
  expect(screen.getAllByText(/^原 /)).toHaveLength(1);

  const header = within(budget).getByRole("button");
  expect(header.getAttribute("aria-expanded")).toBe("false");
  await user.click(header);
  expect(header.getAttribute("aria-expanded")).toBe("true");
  const explanation = seed004.result.indicators.find((i) => i.id === "budgetExecution")!.explanation;
  expect(within(budget).getByText(explanation)).toBeTruthy();
  // The difference note of the known misreading is shown with it.
  const note = seed004.result.differences.find((d) => d.target === "budgetExecution")?.note;
  if (note) expect(within(budget).getByText(note)).toBeTruthy();
});

test("scores: keyboard opens an indicator", async () => {
  const user = userEvent.setup();
  ui(<ScoreView outcome={seed004} />);
  const first = screen.getAllByRole("button", { name: /分，/ })[0];
  first.focus();
  await user.keyboard("{Enter}");
  expect(first.getAttribute("aria-expanded")).toBe("true");
});

test("errors: every error with what was found and expected, and 定位 selecting its cell", async () => {
  const user = userEvent.setup();
  const { outcome } = score(bad("div0"));
  expect(outcome.errors.length).toBeGreaterThan(0);
  expect(outcome.plan).toEqual({ cells: [], sheets: [] }); // nothing is written while errors stand
  const located: unknown[] = [];
  ui(<ErrorsView errors={outcome.errors} onLocate={(ref) => located.push(ref)} />);
  expect(screen.getByText(paneText.errors.title(outcome.errors.length))).toBeTruthy();
  const list = screen.getByTestId("errors");
  expect(within(list).getAllByRole("listitem")).toHaveLength(outcome.errors.length);
  const e = outcome.errors[0];
  expect(within(list).getByText(e.message)).toBeTruthy();
  // Each error says 应为 once: the message does, no second "现为…；应为…" line under it (issue 11.11).
  expect(list.textContent.split("应为").length - 1).toBe(
    outcome.errors.filter((x) => x.message.includes("应为")).length,
  );
  await user.click(
    within(list).getByRole("button", { name: paneText.errors.locateLabel(`${e.source!.sheet}!${e.source!.address}`) }),
  );
  expect(located).toEqual([{ sheet: e.source!.sheet, address: e.source!.address }]);
});

test("errors: several bad inputs are listed together", () => {
  for (const name of ["missing-name", "name-ref", "row-doubled", "no-table"]) {
    const { outcome } = score(bad(name));
    expect(outcome.errors.length).toBeGreaterThan(0);
    expect(outcome.plan.cells).toEqual([]);
    const { unmount } = ui(<ErrorsView errors={outcome.errors} onLocate={() => {}} />);
    expect(within(screen.getByTestId("errors")).getAllByRole("listitem")).toHaveLength(outcome.errors.length);
    unmount();
  }
});

test("存在的问题: drafted from the lost points, 复制 puts it on the clipboard", async () => {
  const user = userEvent.setup();
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  const problems = seed004.result.problems;
  expect(problems.length).toBeGreaterThan(0);
  ui(<ProblemsView problems={problems} />);
  expect(screen.getByTestId("problems").textContent).toBe(paneText.problems.text(problems));
  await user.click(screen.getByRole("button", { name: paneText.problems.copyLabel }));
  expect(writeText).toHaveBeenCalledWith(paneText.problems.text(problems));
  expect(screen.getByRole("button", { name: paneText.problems.copyLabel }).textContent).toBe(paneText.problems.copied);
});

test("scores: a legend explains the tags shown; a 评分细项 line names its part once (issue 11.11)", async () => {
  const user = userEvent.setup();
  ui(<ScoreView outcome={seed004} />);
  const legend = screen.getByTestId("legend");
  for (const k of new Set(seed004.result.indicators.map((i) => i.kind))) {
    expect(legend.textContent).toContain(paneText.scores.kinds[k]);
    expect(legend.textContent).toContain(paneText.scores.kindTitle[k]);
  }
  await user.click(screen.getByRole("button", { name: /^政府采购执行情况/ }));
  const item = screen.getByTestId("indicator-procurement");
  const lines = within(item)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
  expect(lines.length).toBeGreaterThan(1);
  const ind = seed004.result.indicators.find((i) => i.id === "procurement")!;
  for (const p of ind.parts) {
    const line = lines.find((l) => l.startsWith(p.label))!;
    expect(line.split(p.label).length - 1).toBe(1);
  }
});
