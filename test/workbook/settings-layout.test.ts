/**
 * The 评分设置 sheet as a clerk fills it in (issue 11.4): the template's own rows are enough for
 * every table, sections are found by their headings (blank rows never end a table, a table never
 * swallows the next section), and every settings error names its cell.
 */
import { rescore } from "../../src/workbook/rescore";
import { readSettings } from "../../src/workbook/settings";
import { rowOf, SAMPLE_004, setCell, snapshotOf } from "./helpers";

const NOW = new Date(2026, 10, 30, 9, 0);

function settingsOf() {
  const snap = snapshotOf(SAMPLE_004);
  return { snap, grid: snap.settings! };
}

test("filling both weight rows the template shows and all four grade bands scores without a settings error", () => {
  const { snap, grid } = settingsOf();
  const w = rowOf(grid, "权重调整");
  setCell(grid, w + 2, 1, "预算编制合理性");
  setCell(grid, w + 2, 2, 6);
  setCell(grid, w + 3, 1, "预算编制规范性");
  setCell(grid, w + 3, 2, 4);
  const g = rowOf(grid, "评分等级分档");
  [
    [90, "优秀"],
    [80, "良好"],
    [60, "合格"],
    [0, "不合格"],
  ].forEach(([min, label], i) => {
    setCell(grid, g + 2 + i, 1, min);
    setCell(grid, g + 2 + i, 2, label);
  });
  const s = readSettings(snap);
  expect(s.errors).toEqual([]);
  expect(s.weights.map((x) => x.value.name)).toEqual(["预算编制合理性", "预算编制规范性"]);
  expect(s.grades.map((x) => x.value.label)).toEqual(["优秀", "良好", "合格", "不合格"]);
  const out = rescore(snap, { now: NOW });
  expect(out.errors).toEqual([]);
  expect(out.result.grade).toBe("良好");
});

test("a blank row inside a table does not end it; the next heading does", () => {
  const { snap, grid } = settingsOf();
  const w = rowOf(grid, "权重调整");
  setCell(grid, w + 2, 1, "预算编制合理性");
  setCell(grid, w + 2, 2, 6);
  setCell(grid, w + 5, 1, "预算编制规范性");
  setCell(grid, w + 5, 2, 4);
  expect(readSettings(snap).weights.map((x) => [x.value.name, x.value.weight.value])).toEqual([
    ["预算编制合理性", 6],
    ["预算编制规范性", 4],
  ]);
});

test("a weight row naming no indicator names its cell", () => {
  const { snap, grid } = settingsOf();
  const w = rowOf(grid, "权重调整");
  setCell(grid, w + 2, 1, "不存在的指标");
  setCell(grid, w + 2, 2, 3);
  const e = rescore(snap, { now: NOW }).errors.find((x) => x.message.includes("不存在的指标"))!;
  expect(e.message).toContain(`评分设置（评分设置!B${w + 2}）`);
  expect(e.source).toMatchObject({ sheet: "评分设置", address: `B${w + 2}` });
});

test("grade bands not from high to low name the first band's cell", () => {
  const { snap, grid } = settingsOf();
  const g = rowOf(grid, "评分等级分档");
  setCell(grid, g + 2, 1, 60);
  setCell(grid, g + 2, 2, "中");
  setCell(grid, g + 3, 1, 90);
  setCell(grid, g + 3, 2, "优");
  const errors = rescore(snap, { now: NOW }).errors;
  const e = errors.find((x) => x.message.includes("评分等级分档"))!;
  expect(e.message).toContain(`评分设置（评分设置!A${g + 2}）`);
});

test("a weight sum that does not add up names a row of the group", () => {
  const { snap, grid } = settingsOf();
  const w = rowOf(grid, "权重调整");
  setCell(grid, w + 2, 1, "预算编制合理性");
  setCell(grid, w + 2, 2, 7);
  const e = rescore(snap, { now: NOW }).errors.find((x) => x.code === "weights")!;
  expect(e.message).toMatch(/^评分设置（评分设置!B\d+）：权重不一致/);
});

test("a 名称映射 to a name the workbook lacks names the mapping's cell", () => {
  const { snap, grid } = settingsOf();
  const m = rowOf(grid, "名称映射");
  setCell(grid, m + 2, 1, "核定编制数");
  setCell(grid, m + 2, 2, "编制人数合计");
  const errors = rescore(snap, { now: NOW }).errors;
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toBe(
    `评分设置（评分设置!B${m + 2}）的名称映射把“核定编制数”对应到“编制人数合计”，但工作簿中没有名为“编制人数合计”的定义名称：请检查拼写，或在“公式 → 名称管理器”中定义它。`,
  );
});
