/**
 * The Office host's reads are bounded like Excel on the web demands: on a workbook with a big
 * data sheet, a stray far cell and more than 512 merged areas, every response stays under the
 * 5 MB limit the fake enforces, merged areas are fetched under 512 per call, a steady rescoring
 * reads the same bytes with or without the data sheet, and a pane click costs what the ribbon
 * costs (3 syncs first, 2 steady, 1 when nothing changed).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { defaultContract } from "../../../src/hosts/office/defaultContract";
import { rescoreWorkbook } from "../../../src/hosts/office/rescoreWorkbook";
import { ExcelPort } from "../../../src/taskpane/ports/excel";
import { rescoreThrough } from "../../../src/taskpane/ports/through";
import { FakeWorkbookData, LIMITS } from "../../fakes/excel";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";

const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx")));
const ROWS = 30_000;

/** The sample plus a 30,000 × 10 ledger with 600 merged pairs and a stray cell in XFD1048576. */
function withLedger(): FakeWorkbookData {
  const data = fakeFromXlsx(SAMPLE);
  const ledger = data.addSheet("明细账");
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < 10; c++)
      ledger.cells.set(`${r},${c}`, { value: c === 0 ? `凭证${r}摘要：办公用品采购及维修费用` : r * 10 + c });
  }
  for (let i = 0; i < 600; i++) ledger.merges.push(`K${i * 2 + 1}:L${i * 2 + 1}`);
  ledger.cells.set("1048575,16383", { value: 1 });
  return data;
}

function maxResponse(data: FakeWorkbookData): number {
  return Math.max(...data.payloadLog.map((p) => p.responseBytes));
}

describe("bounded Office reads", () => {
  test("first run on a workbook with a 30,000-row ledger: every response under 5 MB, 3 syncs, scores right", async () => {
    const data = withLedger();
    const out = await rescoreWorkbook(data.context(), {
      contract: defaultContract,
      support: () => true,
      now: new Date(0),
    });
    expect(out.errors).toEqual([]);
    expect(out.outcome!.result.total).toBe(89.46);
    expect(out.syncs).toBe(3);
    expect(maxResponse(data)).toBeLessThan(LIMITS.responseBytes / 5); // well under the web's 5 MB
    // The ledger was read only within its window: rows 1–300.
    const scanned = data.payloadLog[1].cells;
    expect(scanned).toBeLessThan(40_000);
  });

  test("a steady rescoring reads the same bytes with or without the ledger", async () => {
    const steady = async (data: FakeWorkbookData) => {
      await rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(0) });
      data.payloadLog = [];
      const out = await rescoreWorkbook(data.context(), {
        contract: defaultContract,
        support: () => true,
        now: new Date(1),
      });
      expect(out.syncs).toBe(1); // nothing changed since the first run
      return data.payloadLog[0];
    };
    const plain = await steady(fakeFromXlsx(SAMPLE));
    const big = await steady(withLedger());
    expect(big.cells).toBe(plain.cells);
    // Only the sheet list is longer (one more name).
    expect(big.responseBytes - plain.responseBytes).toBeLessThan(32);
  });

  test("the fake refuses what Excel on the web refuses: a 5 MB response, 512 merged areas", async () => {
    const data = withLedger();
    const ctx = data.context();
    ctx.workbook.worksheets.getItem("明细账").getRange("A1:J30000").load("values,formulas");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    ctx.workbook.worksheets.getItem("明细账").getRange("A1:L1200").getMergedAreasOrNullObject().load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("a pane click costs what the ribbon costs: first 3, steady 2, unchanged 1", async () => {
    const data = withLedger();
    const port = new ExcelPort(data.run, () => true);
    const clicks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = data.syncCount;
      if (i === 1) {
        // The clerk types over a score between clicks: the next click writes it back.
        const s = data.sheets.find((x) => x.name !== "明细账")!;
        for (const [k, c] of s.cells) if (c.value === 5.96) s.cells.set(k, { ...c, value: 5.5 });
      }
      const r = await rescoreThrough(port, { now: new Date(i) });
      expect(r.outcome.errors).toEqual([]);
      clicks.push(data.syncCount - before);
    }
    expect(clicks).toEqual([3, 2, 1]);
  });

  test("opening the pane reads batch 1 only (1 sync); the 设置 tab's full read adds the bounded scan", async () => {
    const data = withLedger();
    const port = new ExcelPort(data.run, () => true);
    await port.read();
    expect(data.syncCount).toBe(1);
    await port.read({ full: true });
    expect(data.syncCount).toBe(3);
    expect(maxResponse(data)).toBeLessThan(LIMITS.responseBytes / 5);
  });
});

test("seed 000's layout (no 综合评分 rows): the first run names the table with the rows it adds, so the second run has nothing to do", async () => {
  const data = fakeFromXlsx(
    new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-000-district-2020.xlsx"))),
  );
  const first = await rescoreWorkbook(data.context(), {
    contract: defaultContract,
    support: () => true,
    now: new Date(0),
  });
  expect(first.errors).toEqual([]);
  expect(first.written).toBe(true);
  const name = data.names.find((n) => n.name === "评分表")!.reference;
  const second = await rescoreWorkbook(data.context(), {
    contract: defaultContract,
    support: () => true,
    now: new Date(1),
  });
  expect(second.errors).toEqual([]);
  expect(second.written).toBe(false);
  expect(second.syncs).toBe(1);
  expect(data.names.find((n) => n.name === "评分表")!.reference).toBe(name);
});
