/** @jest-environment jsdom */
/**
 * 设置 → 评分框架: importing a framework file stores it in the workbook (评分框架) and rescoring
 * uses it; a bad file is refused with its Chinese problems and nothing written; the current
 * framework's file can be copied.
 */
import "../setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "fs";
import { join } from "path";
import { SetupView } from "../../../src/taskpane/setup/SetupView";
import { readXlsx } from "../../../src/hosts/xlsx";
import { readStoredFramework } from "../../../src/workbook/framework-sheet";
import { PANE_SETUP } from "../../../src/text/pane-setup";
import { bytesOf, SEED_004 } from "../helpers";
import { Host, XlsxPort } from "./harness";

const T = PANE_SETUP.setup.framework;
const EXAMPLE = readFileSync(join(__dirname, "../../../examples/frameworks/example-local.json"), "utf8");
const file = (text: string, name = "框架.json") => new File([text], name, { type: "application/json" });

test("import: the file is checked, stored in 评分框架, shown as the current framework", async () => {
  const user = userEvent.setup();
  const port = new XlsxPort(bytesOf(SEED_004));
  render(<Host port={port} View={SetupView} />);
  const section = await screen.findByTestId("framework", {}, { timeout: 10000 });
  expect(within(section).getByTestId("framework-current").textContent).toContain(T.builtin);
  await user.upload(within(section).getByTestId("framework-file"), file(EXAMPLE));
  await waitFor(() => expect(port.applied).toHaveLength(1));
  const stored = readStoredFramework(readXlsx(port.data).framework)!;
  expect(stored.ruleSet!.id).toBe("example-local");
  await waitFor(() => expect(screen.getByTestId("framework-current").textContent).toContain(T.stored));
  expect(screen.getByTestId("framework-current").textContent).toContain("示例：部门整体支出绩效评价指标");
  expect(screen.getByText(T.imported(stored.ruleSet!.title))).toBeTruthy();
  // The rule set drop-down no longer decides: it says why.
  expect(screen.getByText(T.storedHint)).toBeTruthy();
  expect(screen.getByText(T.ruleSetFixed)).toBeTruthy();
});

test("a bad file: its Chinese problems, nothing written", async () => {
  const user = userEvent.setup();
  const port = new XlsxPort(bytesOf(SEED_004));
  render(<Host port={port} View={SetupView} />);
  const section = await screen.findByTestId("framework", {}, { timeout: 10000 });
  const bad = JSON.parse(EXAMPLE);
  bad.levels[0].weight = "30";
  await user.upload(within(section).getByTestId("framework-file"), file(JSON.stringify(bad)));
  const notice = await screen.findByText(T.problems(2));
  expect(notice.closest("[data-testid=notice]")!.textContent).toContain(
    "权重不一致：一级指标“投入”的分值为 30，但其二级指标分值合计为 20。",
  );
  expect(notice.closest("[data-testid=notice]")!.textContent).toContain(
    "权重不一致：一级指标分值合计为 110，应为 100。",
  );
  await user.upload(within(section).getByTestId("framework-file"), file("不是 JSON"));
  await screen.findByText(/不是有效的 JSON 文件/);
  expect(port.applied).toHaveLength(0);
});

test("复制框架文件 copies the current framework's file (the built-in one here)", async () => {
  const user = userEvent.setup();
  const port = new XlsxPort(bytesOf(SEED_004));
  render(<Host port={port} View={SetupView} />);
  const section = await screen.findByTestId("framework", {}, { timeout: 10000 });
  await user.click(within(section).getByRole("button", { name: T.copy }));
  await screen.findByText(T.copied);
  expect(JSON.parse(await navigator.clipboard.readText()).id).toBe("city-2021");
});

test("复制框架文件 falls back to the textarea copy where the webview refuses the Clipboard API", async () => {
  const user = userEvent.setup();
  // Office webviews without clipboard-write permission reject writeText; copying must still work.
  Object.defineProperty(navigator, "clipboard", {
    value: { writeText: jest.fn().mockRejectedValue(new DOMException("denied", "NotAllowedError")) },
    configurable: true,
  });
  let copied = "";
  const execCommand = jest.fn((cmd: string) => {
    copied = document.querySelector<HTMLTextAreaElement>("textarea[readonly]")?.value ?? "";
    return cmd === "copy";
  });
  Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
  const port = new XlsxPort(bytesOf(SEED_004));
  render(<Host port={port} View={SetupView} />);
  const section = await screen.findByTestId("framework", {}, { timeout: 10000 });
  await user.click(within(section).getByRole("button", { name: T.copy }));
  await screen.findByText(T.copied);
  expect(execCommand).toHaveBeenCalledWith("copy");
  expect(JSON.parse(copied).id).toBe("city-2021");
});
