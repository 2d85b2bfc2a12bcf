/**
 * 自检: probes of every Office.js behaviour the host relies on, run in the clerk's own Excel on a
 * scratch sheet that is deleted afterwards (with the probes' names), the user's selection put
 * back, so the workbook's sheets, names and cells are as they were. Each probe drives the host's
 * own functions (readFirst, readScan, writePlan, selectCell, watchChanges) where there is one, so a
 * pass proves the host, not a separate imitation of it. The same probes run against the typed fake
 * in CI (`npm run selfcheck`).
 *
 * Never throws: a probe that fails records the Office error as its evidence.
 */
import type { WritePlan } from "../../workbook/snapshot";
import { SELFCHECK as T } from "../../text/selfcheck";
import { isOfficeError } from "./errors";
import type { ApiSupport, ExcelRunner } from "./excelApi";
import { selectCell, selectedCell, watchChanges } from "./index";
import { toSnapshot, type ReadState } from "./read";
import { nameFormula } from "./write";
import type { OfficeRunner } from "./rescoreWorkbook";
import { readFirst, readScan, Syncs, writePlan } from "./session";
import { REQUIRED_EXCEL_API } from "./support";

export interface ProbeResult {
  id: keyof typeof T.probe;
  title: string;
  ok: boolean;
  evidence: string;
}

export interface SelfCheckReport {
  probes: ProbeResult[];
  passed: number;
  failed: number;
}

export interface SelfCheckOptions {
  /** Plain Excel.run (with delayForCellEdit). */
  run: ExcelRunner;
  /** The production runner (an undo group where ExcelApi 1.20 exists), for the undo-group probe. */
  grouped?: OfficeRunner;
  support: ApiSupport;
  /** Told after each probe (the pane shows progress). */
  onProbe?: (r: ProbeResult) => void;
  /** How long the events probe waits for Excel's change notification. */
  eventWaitMs?: number;
}

/** Texts that Excel would turn into numbers, dates, booleans or formulas if written unquoted. */
const TRICKY = ["2024", "2026-11-30 10:00", "1,234.5", "5%", "TRUE", "=1+1", "+cmd|' /C calc'!A0", "0012"];

const describe = (e: unknown): string =>
  isOfficeError(e) ? T.evidence.error(e.code, e.message) : e instanceof Error ? e.message : String(e);

interface Before {
  sheets: string[];
  names: string[];
  selection?: { sheet: string; address: string };
}

async function inventory(run: ExcelRunner): Promise<Before> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    await context.sync();
    return { sheets: sheets.items.map((s) => s.name), names: names.items.map((n) => n.name) };
  });
}

/** A name nobody has: the scratch prefix and a number the workbook does not use yet. */
function freshName(base: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const n = `${base}${i}`;
    if (!taken.includes(n)) return n;
  }
}

export async function runSelfCheck(options: SelfCheckOptions): Promise<SelfCheckReport> {
  const { run, support } = options;
  const probes: ProbeResult[] = [];
  const record = (id: ProbeResult["id"], ok: boolean, evidence: string) => {
    const r = { id, title: T.probe[id], ok, evidence };
    probes.push(r);
    options.onProbe?.(r);
  };
  /** Runs one probe; an exception is its failure, with Excel's error as evidence. */
  const probe = async (id: ProbeResult["id"], body: () => Promise<[boolean, string]>) => {
    try {
      const [ok, evidence] = await body();
      record(id, ok, evidence);
    } catch (e) {
      record(id, false, describe(e));
    }
  };

  const supported = support(REQUIRED_EXCEL_API);
  await probe("requirement", () =>
    Promise.resolve([
      supported,
      supported ? T.evidence.supported(REQUIRED_EXCEL_API) : T.evidence.unsupported(REQUIRED_EXCEL_API),
    ]),
  );

  let before: Before;
  try {
    before = await inventory(run);
    const selection = await selectedCell(run).catch(() => undefined);
    if (selection) before.selection = selection;
  } catch (e) {
    record("restored", false, describe(e));
    return summary(probes);
  }
  const sheet = freshName(T.scratchSheet, before.sheets);
  const [nameA, nameB, nameC] = [1, 2, 3].map((i) => freshName(`${T.scratchName}${i}_`, before.names));
  const read = (names: string[]) =>
    run(async (context) => {
      const syncs = new Syncs(context);
      const state = await readFirst(context, syncs, names);
      return { state, syncs: syncs.count };
    });
  const write = (plan: WritePlan, names: string[] = [], runner: ExcelRunner = run) =>
    runner(async (context) => {
      const syncs = new Syncs(context);
      const state = await readFirst(context, syncs, names);
      return writePlan(context, syncs, plan, state, { support });
    });
  const nameIn = (state: ReadState, name: string) => toSnapshot(state).names.find((n) => n.name === name);
  const cellOf = (state: ReadState, name: string) => nameIn(state, name)?.cells?.[0];

  try {
    // 1. A new sheet and a name pointing at it, in one write batch (sheets go first).
    await probe("sheetAndName", async () => {
      const plan: WritePlan = {
        cells: [],
        sheets: [{ sheet, rows: [[T.title, "2024"]] }],
        names: [{ name: nameA, sheet, address: "B1" }],
      };
      const w = await write(plan);
      if (!w.written) return [false, w.errors.map((e) => e.message).join("；")];
      const { state } = await read([nameA]);
      const n = nameIn(state, nameA);
      const v = cellOf(state, nameA)?.value;
      const ok = n?.sheet === sheet && n.address === "B1" && v === "2024";
      return [
        ok,
        ok
          ? T.evidence.nameResolves(nameA, `${sheet}!B1`, String(v))
          : T.evidence.nameBroken(nameA, n?.reference ?? "—"),
      ];
    });

    // 2. The host's first read: every wanted name in one batch, a missing one among them.
    await probe("read", async () => {
      const missing = freshName(T.missingNamePrefix, before.names);
      const { state, syncs } = await read([nameA, missing]);
      const found = nameIn(state, missing);
      if (found) return [false, T.evidence.missingNotReported(found.reference)];
      const ok = cellOf(state, nameA)?.value === "2024";
      return [ok, `${T.evidence.readMode(state.mode, syncs)}；${T.evidence.missingReported}`];
    });

    // 3. Text that looks like a number, date, boolean or formula, through the host's write path.
    await probe("textStaysText", async () => {
      const cells = TRICKY.map((value, i) => ({ sheet, address: `A${3 + i}`, value, previous: null, role: "label" }));
      const w = await write({ cells, sheets: [] });
      if (!w.written) return [false, w.errors.map((e) => e.message).join("；")];
      const back = await run(async (context) => {
        const r = context.workbook.worksheets
          .getItem(sheet)
          .getRange(`A3:A${2 + TRICKY.length}`)
          .load(["values", "valueTypes", "formulas"]);
        await context.sync();
        return r;
      });
      const wrong = TRICKY.filter((t, i) => back.values[i][0] !== t || String(back.valueTypes[i][0]) !== "String").map(
        (t, i) => `“${t}”→${JSON.stringify(back.values[i][0])}`,
      );
      return [wrong.length === 0, wrong.length === 0 ? T.evidence.allText(TRICKY.length) : T.evidence.converted(wrong)];
    });

    // 4. A clerk's '=A1 (text by Excel's quote) read back through the host as text (office-js#6687).
    await probe("quotedEquals", async () => {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.getRange("C3").values = [["'=A1"]];
        context.workbook.names.add(nameB, nameFormula({ sheet, address: "C3" }));
        await context.sync();
      });
      const { state } = await read([nameB]);
      const c = cellOf(state, nameB);
      const ok = !!c && c.formula === undefined && c.value === "=A1";
      return [ok, ok ? T.evidence.quoted("=A1") : T.evidence.quotedAsFormula(c?.formula ?? String(c?.value))];
    });

    // 5. Merged areas, as the host reads them for a 评分表.
    await probe("merges", async () => {
      const areas = await run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRange("D1:E2");
        range.merge(false);
        const found = context.workbook.worksheets
          .getItem(sheet)
          .getRange("D1:F3")
          .getMergedAreasOrNullObject()
          .load("address");
        await context.sync();
        return found.isNullObject ? "" : found.address;
      });
      const ok = /D1:E2/.test(areas.replace(/\$/g, ""));
      return [ok, ok ? T.evidence.mergesRead("D1:E2") : T.evidence.mergesMissing(areas)];
    });

    // 6. A protected sheet: the host checks the cells it writes, not the sheet.
    await probe("protection", async () => {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.getRange("B10").format.protection.locked = false;
        ws.protection.protect();
        await context.sync();
      });
      try {
        const free = await write({
          cells: [{ sheet, address: "B10", value: 1, previous: null, role: "label" }],
          sheets: [],
        });
        const locked = await write({
          cells: [{ sheet, address: "C10", value: 1, previous: null, role: "label" }],
          sheets: [],
        });
        const ok = free.written && !locked.written && locked.errors.length === 1;
        return [ok, ok ? T.evidence.protection : T.evidence.protectionWrong(free.written, locked.written)];
      } finally {
        await run(async (context) => {
          context.workbook.worksheets.getItem(sheet).protection.unprotect();
          await context.sync();
        });
      }
    });

    // 7. Calculation mode (formula totals over the scores recalculate in manual mode).
    await probe("calculation", async () => {
      const mode = await run(async (context) => {
        const app = context.workbook.application.load("calculationMode");
        await context.sync();
        return String(app.calculationMode);
      });
      return [true, T.evidence.calculation(mode)];
    });

    // 8. The undo group: a write through the production runner, retried without it when refused.
    await probe("undoGroup", async () => {
      if (!support("1.20") || !options.grouped?.undoGroup) return [true, T.evidence.undoGroupUnsupported];
      const plan: WritePlan = {
        cells: [{ sheet, address: "B12", value: T.undoGroupLabel, previous: null, role: "label" }],
        sheets: [],
      };
      const first = await write(plan, [], options.grouped);
      if (first.written) return [true, T.evidence.undoGroup];
      if (!first.retryWithoutUndoGroup || !options.grouped.withoutUndoGroup)
        return [false, first.errors.map((e) => e.message).join("；")];
      const again = await write(plan, [], options.grouped.withoutUndoGroup);
      return [
        again.written,
        again.written ? T.evidence.undoGroupRetried : again.errors.map((e) => e.message).join("；"),
      ];
    });

    // 9. The bounded scan: a far cell of the scratch sheet is not read.
    await probe("boundedScan", async () => {
      const far = "A5000";
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(far).values = [["'" + T.farText]];
        await context.sync();
      });
      const state = await run(async (context) => {
        const syncs = new Syncs(context);
        return readScan(context, syncs, await readFirst(context, syncs, []), []);
      });
      const grid = state.grids.find((g) => g.sheet === sheet);
      const cells = state.grids.reduce((n, g) => n + g.cells.length, 0);
      const sawFar = !!grid?.cells.some((c) => c.address === far);
      return [
        !!grid && !sawFar,
        sawFar || !grid ? T.evidence.unbounded(far) : T.evidence.bounded(cells, `${sheet}!${far}`),
      ];
    });

    // 10. 定位: select a cell and read the selection back (then put the user's selection back).
    await probe("select", async () => {
      await selectCell(run, { sheet, address: "B2" });
      const got = await selectedCell(run);
      const ok = got?.sheet === sheet && got.address === "B2";
      return [
        ok,
        ok
          ? T.evidence.selected(`${sheet}!B2`)
          : T.evidence.selectedWrong(`${sheet}!B2`, got ? `${got.sheet}!${got.address}` : "—"),
      ];
    });

    // 11. Re-pointing a name keeps its comment (the host sets NamedItem.formula).
    await probe("repoint", async () => {
      await run(async (context) => {
        context.workbook.names.add(nameC, nameFormula({ sheet, address: "A1" }), T.commentText);
        await context.sync();
      });
      const w = await write({ cells: [], sheets: [], names: [{ name: nameC, sheet, address: "A2" }] }, [nameC]);
      if (!w.written) return [false, w.errors.map((e) => e.message).join("；")];
      const comment = await run(async (context) => {
        const n = context.workbook.names.getItem(nameC).load("comment");
        await context.sync();
        return String(n.comment ?? "");
      });
      const ok = comment === T.commentText;
      return [ok, ok ? T.evidence.commentKept(comment) : T.evidence.commentLost(comment)];
    });

    // 12. Worksheet change events: registered, heard, removed through the adding context.
    await probe("events", async () => {
      let heard = false;
      const stop = await watchChanges(run, () => {
        heard = true;
      });
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("B14").values = [[1]];
        await context.sync();
      });
      const until = Date.now() + (options.eventWaitMs ?? 2000);
      while (!heard && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      stop();
      return [true, heard ? T.evidence.eventsHeard : T.evidence.eventsRegistered];
    });

    // 13. delayForCellEdit: the runner's option is accepted (the wait itself needs a person typing).
    await probe("cellEditDelay", async () => {
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheet).load("name");
        await context.sync();
      });
      return [true, T.evidence.cellEditDelay];
    });
  } finally {
    // Clean up whatever the probes left, then compare with the inventory.
    await run(async (context) => {
      for (const n of [nameA, nameB, nameC]) context.workbook.names.getItemOrNullObject(n).delete();
      await context.sync();
    }).catch(() => undefined);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (!ws.isNullObject) {
        ws.protection.unprotect();
        ws.delete();
        await context.sync();
      }
    }).catch(() => undefined);
    if (before.selection) await selectCell(run, before.selection).catch(() => undefined);
  }

  await probe("restored", async () => {
    const after = await inventory(run);
    const diff = {
      extraSheets: after.sheets.filter((s) => !before.sheets.includes(s)),
      lostSheets: before.sheets.filter((s) => !after.sheets.includes(s)),
      extraNames: after.names.filter((s) => !before.names.includes(s)),
      lostNames: before.names.filter((s) => !after.names.includes(s)),
    };
    const same = Object.values(diff).every((list) => list.length === 0);
    return [same, same ? T.evidence.restored(after.sheets.length, after.names.length) : T.evidence.notRestored(diff)];
  });
  return summary(probes);
}

function summary(probes: ProbeResult[]): SelfCheckReport {
  const passed = probes.filter((p) => p.ok).length;
  return { probes, passed, failed: probes.length - passed };
}

/** Which Excel this is, from Office.context.diagnostics (empty parts when unknown). */
export function officeEnvironment(): string {
  try {
    const d = Office.context.diagnostics;
    return T.environment(String(d?.host ?? ""), String(d?.version ?? ""), String(d?.platform ?? ""));
  } catch {
    return T.environment("", "", "");
  }
}

/** The report as plain text for IT (one line per probe). */
export function reportText(report: SelfCheckReport, environment: string, when: string): string {
  return [
    T.reportHeader(when, environment),
    ...report.probes.map((p) => T.reportLine(p.ok, p.title, p.evidence)),
    T.summary(report.passed, report.failed),
  ].join("\n");
}
