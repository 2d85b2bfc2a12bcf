/**
 * 分值调整 and 评分等级分档: every 一级/二级/三级 weight and the grade bands, checked as the user
 * types with the engine's applyOverrides/checkWeights (each mismatch names its group). Saving
 * stores only the weights that differ from the rule set's own, in 评分设置.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RuleSet } from "../../engine";
import {
  changedWeights,
  checkDraft,
  ruleSetWeights,
  type GradeRow,
  type SettingsDraft,
  type WeightRow,
} from "../../workbook/settings-edit";
import { PANE_SETUP, SETTINGS_EDIT_TEXT } from "../../text/pane-setup";
import { usePanelStyles } from "../shared/panel-styles";

const T = PANE_SETUP.setup;

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 72px",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  l1: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  l2: { paddingLeft: tokens.spacingHorizontalM, wordBreak: "break-word" },
  l3: { paddingLeft: tokens.spacingHorizontalXXL, fontSize: tokens.fontSizeBase200, wordBreak: "break-word" },
  num: { width: "72px", minWidth: 0 },
  grades: {
    display: "grid",
    gridTemplateColumns: "72px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface Props {
  base: RuleSet;
  effective: RuleSet;
  busy: boolean;
  onSave: (draft: SettingsDraft) => Promise<boolean>;
}

const parse = (t: string): number => (/^\s*\d+(\.\d+)?\s*$/.test(t) ? Number(t) : NaN);

export function WeightsEditor({ base, effective, busy, onSave }: Props) {
  const styles = useStyles();
  const shared = usePanelStyles();
  const start = useMemo(() => ruleSetWeights(effective), [effective]);
  const signature = JSON.stringify([...start]) + JSON.stringify(effective.grades);
  const [weights, setWeights] = useState(start);
  const [grades, setGrades] = useState(() => effective.grades.map((g) => ({ min: g.min, label: g.label })));
  const [gradesDirty, setGradesDirty] = useState(false);
  useEffect(() => {
    setWeights(ruleSetWeights(effective));
    setGrades(effective.grades.map((g) => ({ min: g.min, label: g.label })));
    setGradesDirty(false);
    // Reset only when the stored weights change, not on every re-read of the workbook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  const rows: WeightRow[] = [...weights].map(([name, t]) => ({ name, weight: parse(t) }));
  const gradeRows: GradeRow[] = grades.map((g) => ({ min: parse(g.min), label: g.label.trim() }));
  const problems = [
    ...rows
      .filter((r) => !Number.isFinite(r.weight))
      .map((r) => SETTINGS_EDIT_TEXT.weightNumber(r.name, weights.get(r.name) ?? "")),
    ...gradeRows
      .filter((g) => !Number.isFinite(g.min))
      .map((g) =>
        SETTINGS_EDIT_TEXT.gradeNumber(g.label, String(grades.find((x) => x.label.trim() === g.label)?.min ?? "")),
      ),
  ];
  const numeric = rows.filter((r) => Number.isFinite(r.weight));
  const engine = problems.length
    ? []
    : checkDraft(base, numeric, gradesDirty ? gradeRows : undefined).map((e) => e.message);
  const all = [...problems, ...engine];
  const dirty = signature !== JSON.stringify([...weights]) + JSON.stringify(effective.grades) || gradesDirty;

  const setWeight = (name: string, t: string) => setWeights((m) => new Map(m).set(name, t));
  const field = (name: string, cls: string) => (
    <>
      <span className={cls}>{name}</span>
      <Input
        className={styles.num}
        size="small"
        inputMode="decimal"
        aria-label={T.weightLabel(name)}
        value={weights.get(name) ?? ""}
        onChange={(_, d) => setWeight(name, d.value)}
      />
    </>
  );

  const save = () => {
    const draft: SettingsDraft = { weights: changedWeights(base, numeric) };
    if (gradesDirty) draft.grades = gradeRows;
    void onSave(draft);
  };

  return (
    <section className={shared.section} aria-labelledby="pe-setup-weights">
      <h2 id="pe-setup-weights" className={shared.h}>
        {T.weightsTitle}
      </h2>
      <Text className={shared.hint}>{T.weightsHint}</Text>
      <div aria-live="polite" data-testid="weight-check">
        {all.length ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <ul className={shared.list}>
                {all.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Text className={shared.hint}>{T.weightsOk}</Text>
        )}
      </div>
      <Accordion multiple collapsible>
        {effective.levels.map((l1) => (
          <AccordionItem key={l1.name} value={l1.name}>
            <AccordionHeader size="small">
              {l1.name} {weights.get(l1.name)}
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.grid}>
                {field(l1.name, styles.l1)}
                {l1.groups.map((l2) => (
                  <FragmentRows key={l2.name}>
                    {field(l2.name, styles.l2)}
                    {l2.indicators.map((i) => (
                      <FragmentRows key={i.name}>{field(i.name, styles.l3)}</FragmentRows>
                    ))}
                  </FragmentRows>
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
        <AccordionItem value="grades">
          <AccordionHeader size="small">{T.gradesTitle}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.grades}>
              {grades.map((g, i) => (
                <FragmentRows key={i}>
                  <Input
                    size="small"
                    inputMode="decimal"
                    aria-label={T.gradeMin(g.label || String(i + 1))}
                    value={g.min}
                    onChange={(_, d) => {
                      setGrades((gs) => gs.map((x, k) => (k === i ? { ...x, min: d.value } : x)));
                      setGradesDirty(true);
                    }}
                  />
                  <Input
                    size="small"
                    aria-label={T.gradeLabel(i + 1)}
                    value={g.label}
                    onChange={(_, d) => {
                      setGrades((gs) => gs.map((x, k) => (k === i ? { ...x, label: d.value } : x)));
                      setGradesDirty(true);
                    }}
                  />
                </FragmentRows>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || !dirty || all.length > 0} onClick={save}>
          {T.save}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setWeights(ruleSetWeights(base));
            setGrades(base.grades.map((g) => ({ min: g.min, label: g.label })));
            setGradesDirty(true);
          }}
        >
          {T.reset}
        </Button>
      </div>
    </section>
  );
}

function FragmentRows({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}
