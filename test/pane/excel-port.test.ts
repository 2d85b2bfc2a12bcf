/**
 * The pane's 重新评分 in Excel goes through the ribbon's own rescoring: 3 syncs on a workbook's
 * first run, 2 once the 评分表 is known — not read + re-read + write.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ExcelPort } from "../../src/taskpane/ports/excel";
import { rescoreThrough } from "../../src/taskpane/ports/through";
import { PortError } from "../../src/taskpane/ports/errors";
import { fakeFromXlsx } from "../fakes/fromSnapshot";

const SAMPLE = join(__dirname, "../../assets/samples/seed-004-city-2021.xlsx");

function portOver(bytes: Uint8Array) {
  const data = fakeFromXlsx(bytes);
  const port = new ExcelPort(
    data.run,
    () => true,
    async () => undefined as never,
  );
  return { data, port };
}

test("rescoring from the pane costs the ribbon's syncs and writes the scores", async () => {
  const { data, port } = portOver(new Uint8Array(readFileSync(SAMPLE)));
  const first = (await rescoreThrough(port, { now: new Date(0) })).outcome;
  expect(first.errors).toEqual([]);
  expect(first.result.total).toBe(89.46);
  expect(data.syncCount).toBe(3); // read, scan (no 评分表 name yet), write

  const t = first.table!;
  const row = [...Array(40).keys()]
    .map((i) => `${t.scoreColumn}${i + 1}`)
    .find((a) => data.cell(t.sheet, a)?.value === 5.96)!;
  data.cell(t.sheet, row)!.value = 5.5; // someone edits the score; the next rescoring puts it right
  const before = data.syncCount;
  const second = (await rescoreThrough(port, { now: new Date(1) })).outcome;
  expect(second.result.differences.map((d) => [d.name, d.previous, d.current, d.delta])).toEqual([
    ["预算执行率", 5.5, 5.96, 0.46],
  ]);
  expect(data.syncCount - before).toBe(2); // one read, one write
  expect(data.cell(t.sheet, row)!.value).toBe(5.96);
});

test("an Excel error during the write reaches the pane as a PortError, not as a success", async () => {
  const { data, port } = portOver(new Uint8Array(readFileSync(SAMPLE)));
  data.cellEditMode = true;
  await expect(rescoreThrough(port, { now: new Date(0) })).rejects.toBeInstanceOf(PortError);
});
