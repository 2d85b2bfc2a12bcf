/**
 * The Office host over the shipped sample workbooks with the real contract: the snapshot the
 * fake yields equals the .xlsx reader's on the same file, and the sync counts hold.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../../src/hosts/xlsx";
import { defaultContract } from "../../../src/hosts/office/defaultContract";
import { rescoreWorkbook } from "../../../src/hosts/office/rescoreWorkbook";
import type { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import type { RescoreOutcome } from "../../../src/workbook/rescore";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";
import { undoPlan } from "../../../src/workbook/undo";

const DIR = join(__dirname, "..", "..", "..", "assets", "samples");
const FILES = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
  : [];

function nonEmpty(s: WorkbookSnapshot) {
  const cells = (
    list: { address: string; value: unknown; formula?: string; error?: string; numberFormat?: string }[],
  ) =>
    list
      .filter((c) => c.value !== null || c.formula || c.error)
      .map((c) => [c.address, c.value, c.formula, c.error, c.numberFormat]);
  return {
    sheets: s.sheets,
    names: s.names
      .filter((n) => n.cells)
      .map((n) => [n.name, n.scope, n.sheet, n.address, cells(n.cells!)])
      .sort(),
    // The Office host reads the contract's own sheets in batch 1 (评分设置) or not at all.
    // Grids carry no number formats in Excel (the contract reads formats of named inputs only).
    grids: s.grids
      .filter((g) => !["评分设置", "评分依据", "评分明细"].includes(g.sheet))
      .map((g) => [
        g.sheet,
        cells(g.cells)
          .map((c) => c.slice(0, 4))
          .sort(),
        [...g.merges].sort(),
      ]),
    settings:
      s.settings &&
      cells(s.settings.cells)
        .map((c) => c.slice(0, 4))
        .sort(),
  };
}

(FILES.length ? describe : describe.skip)("Office host over assets/samples", () => {
  test.each(FILES)("%s: snapshot equals the .xlsx reader's; 3 syncs first, then 2", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, file)));
    const data = fakeFromXlsx(bytes);
    const seen: WorkbookSnapshot[] = [];
    const contract = {
      ...defaultContract,
      rescore: (s: WorkbookSnapshot, o?: { now?: Date }) => (seen.push(s), defaultContract.rescore(s, o)),
    };
    const run = () => rescoreWorkbook(data.context(), { contract, support: () => true, now: new Date(0) });

    const first = await run();
    expect(first.errors).toEqual([]);
    expect(first.syncs).toBe(3);
    expect(first.recordedTable).toBe(true);
    expect(nonEmpty(seen[0])).toEqual(nonEmpty(readXlsx(bytes)));
    expect(data.names.some((n) => n.name === "评分表" && n.scope === null)).toBe(true);

    await run(); // settles a table that grew (total rows added on the first run)
    const t = first.outcome!.table!;
    const top = Number(/\d+/.exec(t.address.split(":")[0])![0]);
    const bottom = Number(/\d+/.exec(t.address.split(":")[1])![0]);
    let spoiled = false;
    for (let r = top; r <= bottom && !spoiled; r++) {
      const c = data.cell(t.sheet, `${t.scoreColumn}${r}`);
      if (c && typeof c.value === "number" && !c.formula) {
        c.value += 1;
        spoiled = true;
      }
    }
    const known = await run();
    expect(known.errors).toEqual([]);
    expect(known.written).toBe(true);
    expect(known.syncs).toBe(2);
    const again = await run();
    expect(again.syncs).toBe(1); // nothing changed, nothing to write
  });
});

describe("ribbon rescoring records undo", () => {
  test("after the ribbon button, the pane's 撤销本次评分 restores the sheet's previous scores", async () => {
    const file = join(DIR, "seed-004-city-2021.xlsx");
    const data = fakeFromXlsx(new Uint8Array(readFileSync(file)));
    const run = () =>
      rescoreWorkbook(data.context(), { contract: defaultContract, support: () => true, now: new Date(0) });
    const first = await run();
    expect(first.errors).toEqual([]);
    expect(first.written).toBe(true);
    const t = first.outcome!.table!;
    const execRow = (first.outcome as RescoreOutcome).result.differences.find((d) => d.name === "预算执行率");
    expect(execRow).toEqual(expect.objectContaining({ previous: 5.66, current: 5.96 }));

    const second = await run(); // nothing left to change: read only, and it hands back the snapshot
    expect(second.written).toBe(false);
    const undo = undoPlan(second.snapshot!, new Date(1));
    if (!undo.ok) throw new Error(undo.message);
    const restored = undo.plan.cells.filter((c) => c.sheet === t.sheet).map((c) => c.value);
    expect(restored).toEqual(expect.arrayContaining([5.66, 89.16]));
  });
});
