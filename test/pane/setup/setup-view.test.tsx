/** @jest-environment jsdom */
import "../setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SetupView } from "../../../src/taskpane/setup/SetupView";
import { readSettings } from "../../../src/workbook/settings";
import { bytesOf, SEED_000 } from "../helpers";
import { editEntries } from "../../hosts/xlsx/helpers";
import { Host, XlsxPort } from "./harness";

/** The sample without the defined name `name` (a workbook that never bound that input). */
function withoutName(name: string): Uint8Array {
  return editEntries(bytesOf(SEED_000), {
    "xl/workbook.xml": (xml) => xml.replace(new RegExp(`<definedName name="${name}"[^>]*>[^<]*</definedName>`), ""),
  });
}

describe("SetupView", () => {
  test("binding a missing input to the selected cell creates the name", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(withoutName("满意度"));
    expect((await port.read()).names.some((n) => n.name === "满意度")).toBe(false);
    render(<Host port={port} View={SetupView} />);
    await screen.findByTestId("binding-counts");
    const row = screen.getByTestId("binding-satisfaction");
    expect(within(row).getByText("未绑定")).toBeTruthy();
    port.selection = { sheet: "评分依据", address: "H29" };
    await user.click(within(row).getByRole("button", { name: "把“公众或服务对象满意度”绑定到选中的单元格" }));
    await waitFor(() => expect(port.applied).toHaveLength(1));
    expect(port.applied[0].names).toEqual([{ name: "满意度", sheet: "评分依据", address: "H29" }]);
    const after = await port.read();
    expect(after.names.find((n) => n.name === "满意度")).toMatchObject({
      scope: null,
      sheet: "评分依据",
      address: "H29",
    });
    await waitFor(() =>
      expect(within(screen.getByTestId("binding-satisfaction")).getByText(/已填写|待填写/)).toBeTruthy(),
    );
    expect(screen.getByTestId("binding-satisfaction").textContent).toContain("评分依据!H29");
  });

  test("without a selection nothing is written and the user is told why", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={SetupView} />);
    await screen.findByTestId("binding-counts");
    // Every name is found, so the groups start closed: open 基础数据.
    await user.click(screen.getByRole("button", { name: /^基础数据/ }));
    await user.click(
      within(screen.getByTestId("binding-staff.authorized")).getByRole("button", { name: /绑定到选中的单元格/ }),
    );
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(port.applied).toEqual([]);
  });

  test("a weight typed out of line names the group at once; save stays off until it adds up", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={SetupView} />);
    await screen.findByTestId("binding-counts");
    await user.click(screen.getByRole("button", { name: /^部门决策/ }));
    const box = screen.getByRole("textbox", { name: "绩效目标完整性 的分值" });
    await user.clear(box);
    await user.type(box, "6");
    expect(screen.getByTestId("weight-check").textContent).toContain("二级指标“目标设置”");
    const save = screen.getByRole("button", { name: "保存到评分设置" });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const indicator = screen.getByRole("textbox", { name: "绩效指标明确性 的分值" });
    await user.clear(indicator);
    await user.type(indicator, "9");
    expect(screen.getByTestId("weight-check").textContent).toBe("分值合计一致。");
    await user.click(save);
    await waitFor(() => expect(port.applied).toHaveLength(1));
    const weights = readSettings(await port.read()).weights.map((w) => [w.value.name, w.value.weight.value]);
    expect(weights).toEqual([
      ["绩效目标完整性", 6],
      ["绩效指标明确性", 9],
    ]);
  });

  test("the rule-set picker stores the choice in 评分设置", async () => {
    const user = userEvent.setup();
    const port = new XlsxPort(bytesOf(SEED_000));
    render(<Host port={port} View={SetupView} />);
    await screen.findByTestId("binding-counts");
    await user.click(screen.getByRole("combobox", { name: /规则集/ }));
    await user.click(screen.getByRole("option", { name: /市级 2021/ }));
    await waitFor(() => expect(readSettings(readAfter(port)).ruleSetId?.value).toBe("市级 2021"));
  });
});

function readAfter(port: XlsxPort) {
  // Synchronous re-read of the current bytes.
  return (require("../../../src/hosts/xlsx") as typeof import("../../../src/hosts/xlsx")).readXlsx(port.data);
}
