/**
 * The pane's one model of the workbook: the snapshot and what the views read from it (settings,
 * rule sets, undo record — computed once per snapshot by the scoring core), the last result, and
 * every action that writes. The views render it and call its actions; none of them reads or
 * scores on its own.
 *
 * The result shown is never stale without saying so: a rescoring shows what it wrote; an edit made
 * in 设置 or 评定 is written together with its rescoring (one plan, one undo record); a change the
 * clerk makes in Excel itself marks the result as out of date until the next rescoring.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookSnapshot, WritePlan } from "../../workbook/snapshot";
import type { RescoreOutcome } from "../../workbook/rescore";
import type { CellRef, WorkbookPort } from "../ports/port";
import { messagesOf } from "../ports/errors";
import type { Notice } from "../shared/NoticeBar";
import { paneText } from "../../text/pane";
import type { PaneCore, WorkbookModel } from "./core";
import { loadCore, loadedCore } from "./load-core";

export type Busy = "rescore" | "undo" | "detail" | "read" | "edit";

/**
 * Excel holds a batch while the clerk is editing a cell (`delayForCellEdit`): after this long
 * without an answer the pane says why it waits and what to do.
 */
export const CELL_EDIT_NOTICE_MS = 1500;

/** What the model tells its host after every write (preview mode: download and its name). */
export interface PaneState {
  errors: number;
  /** Something was written since the workbook was opened. */
  written: boolean;
  /** The last write left the scores current (a rescoring, or an edit rescored with it). */
  scored: boolean;
  /**
   * Scores the pane wrote are in the workbook (until 撤销本次评分 puts the sheet's own back): a copy
   * then must not leave while they are out of date or errors stand.
   */
  scoresWritten: boolean;
  /** The shown result is out of date (the workbook changed after it). */
  stale: boolean;
}

export interface ModelOptions {
  /** Told after every write and every rescoring. */
  onUpdate?: ((state: PaneState) => void) | undefined;
  /** Clock for the undo record's note (tests pin it). */
  now: () => Date;
}

export interface PaneModel {
  core?: PaneCore;
  /** The workbook is read: 重新评分 can act (the core, downloaded meanwhile, is waited for if need be). */
  ready: boolean;
  /** Everything views read from the workbook; undefined until the workbook and the core are loaded. */
  model?: WorkbookModel;
  outcome?: RescoreOutcome;
  /** The shown result was written to the workbook. */
  written: boolean;
  stale: boolean;
  busy?: Busy;
  /** Excel has not answered for a while (most likely a cell is being edited). */
  waiting: boolean;
  notice?: Notice;
  notify: (notice: Notice | undefined) => void;
  /** Read what 设置 and 评定 need beyond scoring (Excel: the bounded scan). */
  readFull: () => void;
  /** The actions below resolve to whether they succeeded; a failure is in `notice`. */
  rescore: () => Promise<boolean>;
  /** An edit from 设置 / 评定, written with its rescoring; rejects (a PortError) when Excel refuses. */
  edit: (plan: WritePlan) => Promise<void>;
  undo: () => Promise<boolean>;
  setDetail: (on: boolean) => Promise<boolean>;
  setUp: () => Promise<boolean>;
  locate: (ref: CellRef) => void;
}

export function useWorkbookModel(port: WorkbookPort, { onUpdate, now }: ModelOptions): PaneModel {
  // Known at once when they can be (a workbook held in memory, the core already loaded): then the
  // first render is ready to score.
  const [core, setCore] = useState<PaneCore | undefined>(loadedCore);
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | undefined>(() => port.readNow?.());
  const [full, setFull] = useState(false);
  const [outcome, setOutcome] = useState<RescoreOutcome>();
  const [written, setWritten] = useState(false);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<Busy | undefined>(snapshot ? undefined : "read");
  const [waiting, setWaiting] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const state = useRef<PaneState>({ errors: 0, written: false, scored: false, scoresWritten: false, stale: false });
  const update = useRef(onUpdate);
  update.current = onUpdate;
  const tell = useCallback((next: Partial<PaneState>) => {
    state.current = { ...state.current, ...next };
    update.current?.(state.current);
  }, []);

  /** Runs a port operation as `what`; in Excel, says after a while that Excel is waiting. */
  const track = useCallback(
    async <T>(what: Busy, body: () => Promise<T>): Promise<T> => {
      setBusy(what);
      const timer = port.mode === "excel" ? setTimeout(() => setWaiting(true), CELL_EDIT_NOTICE_MS) : undefined;
      try {
        return await body();
      } finally {
        clearTimeout(timer);
        setWaiting(false);
        setBusy(undefined);
      }
    },
    [port],
  );

  // The core loads after the first paint (this effect runs after it; taskpane.html preloaded the
  // files, so this evaluates what is already downloaded), in parallel with the read.
  useEffect(() => {
    if (core) return;
    let live = true;
    loadCore().then(
      (c) => live && setCore(() => c),
      () => live && setNotice({ intent: "error", title: paneText.coreFailed.title, lines: [paneText.coreFailed.body] }),
    );
    return () => {
      live = false;
    };
    // Loaded once: a core that arrived needs nothing more.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let live = true;
    setOutcome(undefined);
    setFull(false);
    const now = port.readNow?.();
    if (now) setSnapshot(now);
    else {
      setSnapshot(undefined);
      track("read", () => port.read()).then(
        (snap) => live && setSnapshot(snap),
        (e: unknown) => live && setNotice({ intent: "error", title: paneText.readFailed, lines: messagesOf(e) }),
      );
    }
    let unwatch: (() => void) | undefined;
    void port
      .watch?.(() => {
        setStale(true);
        tell({ stale: true });
      })
      .then((f) => (live ? (unwatch = f) : f()));
    return () => {
      live = false;
      unwatch?.();
    };
  }, [port, track, tell]);

  const readFull = useCallback(() => {
    if (full) return;
    setFull(true);
    port
      .read({ full: true })
      .then(setSnapshot, (e: unknown) =>
        setNotice({ intent: "error", title: paneText.readFailed, lines: messagesOf(e) }),
      );
  }, [full, port]);

  const model = useMemo(() => (core && snapshot ? core.modelOf(snapshot) : undefined), [core, snapshot]);
  const detail = model?.detail ?? false;

  /** The core, waiting for it if a click came first (its files are downloaded by then). */
  const needCore = async (): Promise<PaneCore> => {
    if (core) return core;
    try {
      return await loadCore();
    } catch {
      throw new Error(paneText.coreFailed.body);
    }
  };

  /** A pane action: one at a time, its failure in the notice channel. True when it succeeded. */
  const guarded = async (
    what: Busy,
    failTitle: string,
    body: (c: PaneCore, m: WorkbookModel) => Promise<void>,
  ): Promise<boolean> => {
    if (!snapshot) return false;
    setNotice(undefined);
    try {
      await track(what, async () => {
        const c = await needCore();
        await body(c, model ?? c.modelOf(snapshot));
      });
      return true;
    } catch (e) {
      setNotice({ intent: "error", title: failTitle, lines: messagesOf(e) });
      return false;
    }
  };

  const shown = (out: RescoreOutcome, snap: WorkbookSnapshot, wrote: boolean) => {
    setOutcome(out);
    setWritten(wrote);
    setSnapshot(snap);
    setStale(false);
    if (out.warnings.length) setNotice({ intent: "warning", title: paneText.warningsTitle, lines: out.warnings });
  };

  const rescore = () =>
    guarded("rescore", paneText.writeFailed, async (c) => {
      const r = await c.rescoreThrough(port, { detailSheet: detail, now: now() });
      const ok = r.outcome.errors.length === 0;
      shown(r.outcome, r.snapshot, ok);
      if (r.recalculated) setNotice({ intent: "info", title: paneText.recalculated, lines: [] });
      tell({
        errors: r.outcome.errors.length,
        written: state.current.written || ok,
        scored: ok,
        scoresWritten: state.current.scoresWritten || ok,
        stale: false,
      });
    });

  /** Writes an edit with its rescoring (one plan, one undo record) and shows the rescoring. */
  const writeEdit = async (c: PaneCore, plan: WritePlan, detailSheet: boolean) => {
    const r = await c.editThrough(port, plan, { detailSheet, now: now() });
    shown(r.outcome, r.snapshot, r.rescored);
    tell({
      errors: r.outcome.errors.length,
      written: true,
      scored: r.rescored,
      scoresWritten: state.current.scoresWritten || r.rescored,
      stale: false,
    });
  };

  const edit = async (plan: WritePlan) => {
    if (!core) return;
    await track("edit", () => writeEdit(core, plan, detail));
  };

  const undo = () =>
    guarded("undo", paneText.writeFailed, async (c) => {
      const snap = await port.read();
      const u = c.undoPlan(snap, now());
      if (!u.ok) {
        setSnapshot(snap);
        setNotice({ intent: "warning", title: paneText.undo.refused, lines: [u.message] });
        return;
      }
      await port.apply(u.plan);
      setOutcome(undefined);
      setWritten(false);
      const lines = [paneText.undo.done(u.restored)];
      if (u.formulaCells.length) lines.push(paneText.undo.formula(u.formulaCells));
      setNotice({ intent: "success", title: paneText.undo.button, lines });
      tell({ errors: 0, written: true, scored: false, scoresWritten: false, stale: false });
      setSnapshot(await port.read());
    });

  const setDetail = (on: boolean) =>
    guarded("detail", paneText.writeFailed, (c, m) => writeEdit(c, c.detailOptionPlan(m.snapshot, on), on));

  const setUp = () =>
    guarded("edit", paneText.writeFailed, async (c, m) => {
      const plan = c.setUpPlan(m);
      if (!plan) return;
      await writeEdit(c, plan, detail);
      setNotice({ intent: "success", title: paneText.setUp.done, lines: [paneText.setUp.next] });
    });

  const locate = (ref: CellRef) => {
    port
      .select(ref)
      .catch((e: unknown) => setNotice({ intent: "error", title: paneText.errors.locate, lines: messagesOf(e) }));
  };

  return {
    ...(core ? { core } : {}),
    ready: !!snapshot,
    ...(model ? { model } : {}),
    ...(outcome ? { outcome } : {}),
    written,
    stale,
    ...(busy ? { busy } : {}),
    waiting,
    ...(notice ? { notice } : {}),
    notify: setNotice,
    readFull,
    rescore,
    edit,
    undo,
    setDetail,
    setUp,
    locate,
  };
}
