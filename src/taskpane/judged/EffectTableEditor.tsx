/**
 * The 个性化绩效指标 table of 效果性: rows of 名称, 分值, 性质 (正向/反向/定性), 目标值, 实际值 or 等级,
 * 不适用; rows added and removed in the pane, 分值 checked live against the indicator's 分值, the
 * whole table written at once (judged-edit.ts effectTablePlan).
 */
import { EFFECT } from "../../text/engine";
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { indicatorsOf, type RuleSet } from "../../engine";
import { Dec } from "../../engine/decimal";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import type { WorkbookSettings } from "../../workbook/settings";
import {
  effectProblems,
  effectTablePlan,
  readEffectRows,
  type EffectRowEdit,
  type Nature,
} from "../../workbook/judged-edit";
import { PANE_SETUP } from "../../text/pane-setup";
import type { Planned } from "../../workbook/planned";
import { usePanelStyles } from "../shared/panel-styles";

const T = PANE_SETUP.judged.effect;

// The box, list and hint are the panels' own (shared/panel-styles); only the two-column row is this editor's.
const useStyles = makeStyles({
  h: { fontWeight: tokens.fontWeightSemibold },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  cell: { minWidth: 0 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface Props {
  snapshot: WorkbookSnapshot;
  ruleSet: RuleSet;
  settings: WorkbookSettings;
  busy: boolean;
  run: (planned: Planned | undefined, success?: string) => Promise<boolean>;
}

/** Row as typed: numbers stay text until saved so a half-typed "1." is not lost. */
interface Draft {
  name: string;
  weight: string;
  nature: Nature;
  target: string;
  actual: string;
  notApplicable: boolean;
}

const toDraft = (r: EffectRowEdit): Draft => ({
  name: r.name,
  weight: r.weight === null ? "" : String(r.weight),
  nature: r.nature,
  target: r.target === null ? "" : String(r.target),
  actual: r.actual === null ? "" : String(r.actual),
  notApplicable: r.notApplicable,
});

const num = (t: string): number | null => (/^\s*-?\d+(\.\d+)?\s*$/.test(t) ? Number(t) : null);

const toRow = (d: Draft): EffectRowEdit => ({
  name: d.name,
  weight: num(d.weight),
  nature: d.nature,
  target: d.nature === EFFECT.qualitative ? null : num(d.target),
  actual: d.nature === EFFECT.qualitative ? d.actual.trim() || null : (num(d.actual) ?? (d.actual.trim() || null)),
  notApplicable: d.notApplicable,
});

export function EffectTableEditor({ snapshot, ruleSet, settings, busy, run }: Props) {
  const styles = useStyles();
  const shared = usePanelStyles();
  const stored = useMemo(() => readEffectRows(snapshot, settings), [snapshot, settings]);
  const signature = JSON.stringify(stored.rows);
  const [rows, setRows] = useState<Draft[]>(() => stored.rows.map(toDraft));
  useEffect(() => setRows(stored.rows.map(toDraft)), [signature]); // eslint-disable-line react-hooks/exhaustive-deps

  const def = indicatorsOf(ruleSet).find(({ def }) => def.parts.some((p) => p.rule.kind === "effectTable"))?.def;
  const grades =
    def?.parts.flatMap((p) => (p.rule.kind === "effectTable" ? p.rule.qualitative.map((q) => q.label) : [])) ?? [];
  const edits = rows.map(toRow);
  const problems = effectProblems(ruleSet, edits);
  const sum = edits.reduce((a, r) => (r.weight !== null ? a.plus(r.weight) : a), new Dec(0));
  const dirty = JSON.stringify(edits) !== signature;
  const set = (i: number, patch: Partial<Draft>) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  return (
    <div className={shared.section} data-testid="effect-table">
      <Text className={styles.h}>{T.title}</Text>
      {stored.state !== "found" && <Text className={shared.hint}>{T.noTable}</Text>}
      <ul className={shared.list} aria-label={T.title}>
        {rows.map((r, i) => {
          const n = i + 1;
          const label = (col: string) => T.rowLabel(n, col);
          return (
            <li key={i} className={styles.row}>
              <Input
                className={styles.wide}
                aria-label={label(T.headers.name)}
                placeholder={T.headers.name}
                value={r.name}
                onChange={(_, d) => set(i, { name: d.value })}
              />
              <Input
                className={styles.cell}
                aria-label={label(T.headers.weight)}
                placeholder={T.headers.weight}
                inputMode="decimal"
                value={r.weight}
                onChange={(_, d) => set(i, { weight: d.value })}
              />
              <Dropdown
                className={styles.cell}
                style={{ minWidth: 0 }}
                aria-label={label(T.headers.nature)}
                placeholder={T.headers.nature}
                value={r.nature}
                selectedOptions={r.nature ? [r.nature] : []}
                onOptionSelect={(_, d) => set(i, { nature: d.optionValue ?? "" })}
              >
                {T.natures.map((x) => (
                  <Option key={x} value={x}>
                    {x}
                  </Option>
                ))}
              </Dropdown>
              {r.nature !== EFFECT.qualitative && (
                <Input
                  className={styles.cell}
                  aria-label={label(T.headers.target)}
                  placeholder={T.headers.target}
                  inputMode="decimal"
                  value={r.target}
                  onChange={(_, d) => set(i, { target: d.value })}
                />
              )}
              {r.nature === EFFECT.qualitative ? (
                <Dropdown
                  className={styles.cell}
                  style={{ minWidth: 0 }}
                  aria-label={label(T.headers.actual)}
                  placeholder={T.headers.actual}
                  value={r.actual}
                  selectedOptions={r.actual ? [r.actual] : []}
                  onOptionSelect={(_, d) => set(i, { actual: d.optionValue ?? "" })}
                >
                  {grades.map((g) => (
                    <Option key={g} value={g}>
                      {g}
                    </Option>
                  ))}
                </Dropdown>
              ) : (
                <Input
                  className={styles.cell}
                  aria-label={label(T.headers.actual)}
                  placeholder={T.headers.actual}
                  inputMode="decimal"
                  value={r.actual}
                  onChange={(_, d) => set(i, { actual: d.value })}
                />
              )}
              <Checkbox
                className={styles.cell}
                label={T.headers.na}
                aria-label={label(T.headers.na)}
                checked={r.notApplicable}
                onChange={(_, d) => set(i, { notApplicable: d.checked === true })}
              />
              <Button
                className={styles.cell}
                size="small"
                aria-label={T.remove(n)}
                onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}
              >
                {T.remove(n)}
              </Button>
            </li>
          );
        })}
      </ul>
      <Text aria-live="polite" data-testid="effect-sum">
        {edits.length === 0 ? T.empty : T.sum(sum.toString(), def?.weight ?? "")}
      </Text>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {problems.map((p, i) => (
              <div key={i}>{p}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button
          onClick={() =>
            setRows((rs) => [
              ...rs,
              { name: "", weight: "", nature: EFFECT.positive, target: "", actual: "", notApplicable: false },
            ])
          }
        >
          {T.add}
        </Button>
        <Button
          appearance="primary"
          disabled={busy || !dirty || problems.length > 0}
          onClick={() => void run(effectTablePlan(snapshot, settings, edits), PANE_SETUP.judged.saved)}
        >
          {T.save}
        </Button>
      </div>
    </div>
  );
}
