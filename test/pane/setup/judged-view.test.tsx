/** @jest-environment jsdom */
import "../setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JudgedView } from "../../../src/taskpane/judged/JudgedView";
import { readXlsx } from "../../../src/hosts/xlsx";
import { readSettings } from "../../../src/workbook/settings";
import { rescore } from "../../../src/workbook/rescore";
import { bytesOf, SEED_000, SEED_004, valueAt } from "../helpers";
import { Host, XlsxPort } from "./harness";

async function open(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(screen.getByRole("button", { name }));
}

describe("JudgedView", () => {
  test("toggling a checklist item writes 是/否 to the named cell, with its rescoring in the same write", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_004));
    const changed = jest.fn();
    render(<Host port={port} View={JudgedView} edited={changed} />);
    await screen.findByText(/在此填写的内容/);
    await open(user, /^预算编制合理性/);
    const item = screen.getByTestId("part-budgetReasonableness-4");
    expect(item.textContent).toContain("功能分类和经济分类编制准确");
    expect(item.textContent).toContain("评分依据!C38");
    const yes = within(item).getByRole<HTMLInputElement>("radio", { name: "是" });
    const no = within(item).getByRole<HTMLInputElement>("radio", { name: "否" });
    expect(no.checked).toBe(true);
    await user.click(yes);
    await waitFor(() => expect(port.applied).toHaveLength(1));
    expect(port.applied[0].cells).toContainEqual({
      sheet: "评分依据",
      address: "C38",
      value: "是",
      previous: "否",
      role: "budgetReasonableness.4",
    });
    expect(valueAt(port.data, "评分依据", "C38")).toBe("是");
    // The edit never leaves the scores behind (issue 11.1): 预算编制合理性 is 5/5 in the same write.
    const score = rescore(readXlsx(port.data)).result.indicators.find((i) => i.id === "budgetReasonableness")!.score;
    expect(score).toBe(5);
    expect(port.applied[0].cells.find((c) => c.role === "budgetReasonableness")).toMatchObject({
      value: 5,
      previous: 4,
    });
    expect(rescore(readXlsx(port.data)).result.differences.filter((d) => d.target === "budgetReasonableness")).toEqual(
      [],
    );
    expect(changed).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(
        within(screen.getByTestId("part-budgetReasonableness-4")).getByRole<HTMLInputElement>("radio", { name: "是" })
          .checked,
      ).toBe(true),
    );
    // And back: 否 is written the same way.
    await user.click(within(screen.getByTestId("part-budgetReasonableness-4")).getByRole("radio", { name: "否" }));
    await waitFor(() => expect(valueAt(port.data, "评分依据", "C38")).toBe("否"));
  });

  test("an override without a reason cannot be saved; with one it is stored and rescoring shows it", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_004));
    render(<Host port={port} View={JudgedView} />);
    await screen.findByText(/在此填写的内容/);
    await open(user, /^公众或服务对象满意度/);
    const box = screen.getByTestId("override-satisfaction");
    const save = within(box).getByRole<HTMLButtonElement>("button", { name: "保存调整" });
    expect(save.disabled).toBe(true);
    await user.type(within(box).getByRole("textbox", { name: /调整后得分/ }), "7");
    // Above the maximum: refused, and the pane says why (issue 11.11).
    expect(save.disabled).toBe(true);
    expect(box.textContent).toContain("调整分数不能超过该指标的分值 6 分");
    await user.clear(within(box).getByRole("textbox", { name: /调整后得分/ }));
    await user.type(within(box).getByRole("textbox", { name: /调整后得分/ }), "4");
    expect(save.disabled).toBe(true);
    expect(box.textContent).toContain("请填写调整理由后再保存");
    await user.click(save);
    expect(port.applied).toEqual([]);
    await user.type(within(box).getByRole("textbox", { name: /调整理由/ }), "   ");
    expect(save.disabled).toBe(true);
    await user.type(within(box).getByRole("textbox", { name: /调整理由/ }), "按信访反馈评定");
    expect(save.disabled).toBe(false);
    await user.click(save);
    await waitFor(() => expect(port.applied).toHaveLength(1));
    const snap = readXlsx(port.data);
    expect(
      readSettings(snap).overrides.map((o) => [o.value.indicator, o.value.score.value, o.value.reason]),
    ).toContainEqual(["公众或服务对象满意度", 4, "按信访反馈评定"]);
    const ind = rescore(snap).result.indicators.find((i) => i.id === "satisfaction")!;
    expect(ind).toMatchObject({ kind: "override", score: 4, overrideReason: "按信访反馈评定" });
  });

  test("disclosure levels come from the rule and are written as chosen", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={JudgedView} />);
    await screen.findByText(/在此填写的内容/);
    await open(user, /^预决算信息公开/);
    const item = screen.getByTestId("part-disclosure-1");
    await user.click(within(item).getByRole("combobox"));
    await user.click(screen.getByRole("option", { name: /未公开/ }));
    await waitFor(() => expect(valueAt(port.data, "评分依据", "C52")).toBe("未公开"));
  });

  test("a deduction count is a spin button that writes a whole number", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={JudgedView} />);
    await screen.findByText(/在此填写的内容/);
    await open(user, /^预算编制规范性/);
    const spin = within(screen.getByTestId("part-budgetCompliance-不符合项数")).getByRole("spinbutton");
    await user.click(spin);
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(valueAt(port.data, "评分依据", "C40")).toBe(1));
  });

  test("effect table: the 分值 sum is checked as typed; a consistent table is saved", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={JudgedView} />);
    await screen.findByText(/在此填写的内容/);
    await open(user, /^社会效益/);
    const table = screen.getByTestId("effect-table");
    // No row yet: the editor says 效果性 is scored by hand meanwhile, not "0 / 20" beside a 20-point score.
    expect(within(table).getByTestId("effect-sum").textContent).toContain("人工评分");
    await user.click(within(table).getByRole("button", { name: "添加一行" }));
    await user.type(within(table).getByRole("textbox", { name: "第 1 行 名称" }), "服务对象覆盖率");
    await user.type(within(table).getByRole("textbox", { name: "第 1 行 分值" }), "15");
    await user.type(within(table).getByRole("textbox", { name: "第 1 行 目标值" }), "100");
    await user.type(within(table).getByRole("textbox", { name: "第 1 行 实际值 / 等级" }), "90");
    expect(within(table).getByTestId("effect-sum").textContent).toBe("各行分值合计 15，应等于效果性分值 20");
    expect(table.textContent).toContain("应等于");
    const save = within(table).getByRole<HTMLButtonElement>("button", { name: "保存指标表" });
    expect(save.disabled).toBe(true);
    const w = within(table).getByRole("textbox", { name: "第 1 行 分值" });
    await user.clear(w);
    await user.type(w, "20");
    expect(save.disabled).toBe(false);
    await user.click(save);
    await waitFor(() => expect(valueAt(port.data, "评分依据", "B69")).toBe("服务对象覆盖率"));
    expect(rescore(readXlsx(port.data)).result.indicators.find((i) => i.id === "effectiveness")!.score).toBe(18);
  });
});
