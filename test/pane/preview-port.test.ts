/**
 * PreviewPort (src/taskpane/ports/preview.ts): a sample opens from its snapshot without the
 * reader; a write loads the reader and the writer and reads the written bytes back; a file that is
 * not an .xlsx is refused when opened, with the reader's Chinese reason.
 */
import { readFileSync } from "fs";
import { readXlsx } from "../../src/hosts/xlsx";
import { PreviewPort } from "../../src/taskpane/ports/preview";
import { XLSX_TEXT } from "../../src/text/xlsx";
import { SEED_004 } from "./helpers";

const BYTES = new Uint8Array(readFileSync(SEED_004));

test("opened from a snapshot, the port answers with it and writes through the loaded reader", async () => {
  const snapshot = readXlsx(BYTES);
  const port = new PreviewPort(BYTES, snapshot);
  expect(port.readNow()).toBe(snapshot);
  await port.apply({
    cells: [{ sheet: "评分表", address: "I20", value: 5.96, previous: 5.66, role: "budgetExecution" }],
    sheets: [],
  });
  const after = await port.read();
  expect(after).not.toBe(snapshot);
  const i20 = after.grids.flatMap((g) => g.cells.filter((c) => c.address === "I20" && g.sheet === "评分表"));
  expect(i20[0]?.value).toBe(5.96);
});

test("a file that is not an .xlsx is refused when opened, saying why in Chinese", async () => {
  await expect(PreviewPort.open(new TextEncoder().encode("名称,金额\n"))).rejects.toThrow(XLSX_TEXT.notZip);
});
