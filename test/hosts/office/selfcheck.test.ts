/**
 * 自检 against the typed fake: every probe passes on an Excel that behaves as documented, in both
 * read modes, and the workbook is exactly as before; a probe fails, with Excel's evidence, when
 * Excel does not behave as the host relies on; nothing throws.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { reportText, runSelfCheck, type SelfCheckOptions } from "../../../src/hosts/office/selfcheck";
import { SELFCHECK } from "../../../src/text/selfcheck";
import { FakeWorkbookData } from "../../fakes/excel";
import { fakeFromXlsx } from "../../fakes/fromSnapshot";

const SAMPLE = () =>
  fakeFromXlsx(new Uint8Array(readFileSync(join(__dirname, "../../../assets/samples/seed-004-city-2021.xlsx"))));
const options = (data: FakeWorkbookData, over: Partial<SelfCheckOptions> = {}): SelfCheckOptions => ({
  run: data.delayedRun,
  grouped: data.groupedRun,
  support: (v) => Number(v.split(".")[1]) <= 20,
  eventWaitMs: 100,
  ...over,
});

test.each([false, true])(
  "every probe passes and the workbook is as before (null-object chains refused: %s)",
  async (strict) => {
    const data = SAMPLE();
    data.nullChainThrows = strict;
    data.selection = { sheet: "评分表", address: "C7" };
    const before = JSON.stringify(data.dump());
    const seen: string[] = [];
    const report = await runSelfCheck(options(data, { onProbe: (p) => seen.push(p.id) }));
    expect(report.probes.filter((p) => !p.ok)).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(12);
    expect(seen).toEqual(report.probes.map((p) => p.id));
    expect(JSON.stringify(data.dump())).toBe(before);
    expect(data.selection).toEqual({ sheet: "评分表", address: "C7" });
    expect(report.probes.find((p) => p.id === "read")!.evidence).toContain(strict ? "分步读取" : "一批读取");
  },
);

test("an Excel that converts quoted text fails the text probe and names what it converted", async () => {
  const data = SAMPLE();
  data.quotePrefixIgnored = true;
  const report = await runSelfCheck(options(data));
  const text = report.probes.find((p) => p.id === "textStaysText")!;
  expect(text.ok).toBe(false);
  expect(text.evidence).toContain("“2024”→2024");
  expect(report.probes.find((p) => p.id === "restored")!.ok).toBe(true);
});

test("an undo group Excel refuses: the write is rolled back and redone without it (the probe says so)", async () => {
  const data = SAMPLE();
  data.undoGroupRefuses = (op) => op === "values";
  const report = await runSelfCheck(options(data));
  const undo = report.probes.find((p) => p.id === "undoGroup")!;
  expect(undo).toMatchObject({ ok: true, evidence: SELFCHECK.evidence.undoGroupRetried });
});

test("without ExcelApi 1.20 the undo-group probe says what that means instead of failing", async () => {
  const data = SAMPLE();
  const report = await runSelfCheck(options(data, { support: (v) => Number(v.split(".")[1]) <= 13 }));
  expect(report.probes.find((p) => p.id === "undoGroup")).toMatchObject({
    ok: true,
    evidence: SELFCHECK.evidence.undoGroupUnsupported,
  });
});

test("Excel refusing every batch (cell-edit mode, no waiting): probes fail with Excel's error, nothing throws", async () => {
  const data = SAMPLE();
  data.cellEditMode = true;
  const report = await runSelfCheck(options(data, { run: data.run }));
  expect(report.failed).toBeGreaterThan(0);
  expect(report.probes.find((p) => !p.ok)!.evidence).toContain("InvalidOperationInCellEditMode");
});

test("the report for IT: a header with the Excel, one line per probe, the summary", async () => {
  const data = SAMPLE();
  const report = await runSelfCheck(options(data));
  const text = reportText(report, SELFCHECK.environment("Excel", "16.0.17928", "PC"), "2026-11-30 10:00").split("\n");
  expect(text[0]).toContain("2026-11-30 10:00");
  expect(text[1]).toContain("16.0.17928");
  expect(text).toHaveLength(2 + report.probes.length + 1);
  expect(text[text.length - 1]).toBe(SELFCHECK.summary(report.passed, 0));
});
