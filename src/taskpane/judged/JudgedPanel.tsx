/**
 * 评定事项: the judged parts of every indicator, edited in the pane and written to the cells their
 * names point at (checklist 是/否, deduction counts, 预决算公开 levels, 政府采购政策功能 score), the
 * 个性化绩效指标 table, and 人工调整 (score + required reason, kept in 评分设置). Plans come from
 * src/workbook/judged-edit.ts and settings-edit.ts; after each write the App rescores.
 */
import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { indicatorsOf } from "../../engine";
import { createPartPlan, currentEdit, judgedModel, partEditPlan, type JudgedIndicator, type PartEdit, type PartSlot } from "../../workbook/judged-edit";
import { PANE_SETUP } from "../../text/pane-setup";
import { usePlanRunner } from "../shared/use-plan-runner";
import { usePanelStyles } from "../shared/panel-styles";
import type { JudgedViewProps } from "./JudgedView";
import { EffectTableEditor } from "./EffectTableEditor";
import { OverrideEditor } from "./OverrideEditor";

const T = PANE_SETUP.judged;

const useStyles = makeStyles({
  part: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: { fontSize: tokens.fontSizeBase200, wordBreak: "break-word" },
  where: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  problem: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1, wordBreak: "break-word" },
  spin: { width: "96px" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});


export default function JudgedPanel({ model: workbook, edit, notify }: JudgedViewProps) {
  const shared = usePanelStyles();
  const styles = useStyles();
  const { busy, run } = usePlanRunner(edit, notify, T.failed);
  const { snapshot, settings, effective } = workbook;
  const model = useMemo(() => judgedModel(snapshot, effective, settings), [snapshot, effective, settings]);
  // Any indicator may be overridden (人工调整), not only those with judged parts.
  const others = useMemo(() => {
    const listed = new Set(model.map((m) => m.def.id));
    return indicatorsOf(effective).map((e) => e.def).filter((d) => !listed.has(d.id));
  }, [model, effective]);

  // A part with no usable cell (no name, or a name gone to #REF!) gets a new row on 评分依据.
  const editPart = (ind: JudgedIndicator, slot: PartSlot, e: PartEdit) =>
    run(!slot.address ? createPartPlan(snapshot, effective, settings, ind.def.id, slot.part.key, e) : partEditPlan(snapshot, effective, settings, ind.def.id, slot.part.key, e));

  const part = (ind: JudgedIndicator, slot: PartSlot) => {
    const p = slot.part;
    const r = p.rule;
    const current = currentEdit(p, slot.value);
    const id = `pe-part-${ind.def.id}-${p.key}`;
    const label = p.key === "不符合项数" ? `${T.count}：${p.text}` : `${p.key}. ${p.text}`;
    let control: JSX.Element;
    if (r.kind === "countDeduction" || r.kind === "judgedScore") {
      const isCount = r.kind === "countDeduction";
      const value = current && (current.kind === "count" || current.kind === "score") ? current.value : null;
      control = (
        <SpinButton
          id={id}
          className={styles.spin}
          aria-label={isCount ? `${ind.def.name} ${T.count}` : `${ind.def.name} ${T.score(p.points)}`}
          min={0}
          max={isCount ? undefined : Number(p.points)}
          step={isCount ? 1 : 0.1}
          value={value}
          disabled={busy}
          onChange={(_, d) => {
            // Arrows give `value`; a typed number arrives as `displayValue` on commit.
            const v = d.value !== undefined ? d.value : d.displayValue !== undefined && d.displayValue.trim() !== "" ? Number(d.displayValue) : null;
            if (v === null || v === value || !Number.isFinite(v)) return;
            void editPart(ind, slot, isCount ? { kind: "count", value: v } : { kind: "score", value: v });
          }}
        />
      );
    } else if (r.kind === "level") {
      const value = current?.kind === "level" ? current.value : "";
      control = (
        <Dropdown
          id={id}
          aria-label={`${ind.def.name} ${p.label}`}
          placeholder={T.levelPlaceholder}
          value={value}
          selectedOptions={value ? [value] : []}
          disabled={busy}
          style={{ minWidth: 0, maxWidth: "100%" }}
          onOptionSelect={(_, d) => d.optionValue && d.optionValue !== value && void editPart(ind, slot, { kind: "level", value: d.optionValue })}
        >
          {r.levels.map((l) => (
            <Option key={l.label} value={l.label} text={l.label}>
              {`${l.label}（${l.points} 分）`}
            </Option>
          ))}
        </Dropdown>
      );
    } else {
      const value = current?.kind === "yesNo" ? (current.value ? "是" : "否") : "";
      control = (
        <RadioGroup
          layout="horizontal"
          aria-label={`${ind.def.name} ${label}`}
          value={value}
          disabled={busy}
          onChange={(_, d) => d.value !== value && void editPart(ind, slot, { kind: "yesNo", value: d.value === "是" })}
        >
          <Radio value="是" label={T.yes} />
          <Radio value="否" label={T.no} />
        </RadioGroup>
      );
    }
    return (
      <li key={p.key} className={styles.part} data-testid={`part-${ind.def.id}-${p.key}`}>
        <label htmlFor={id} className={styles.text}>
          {r.kind === "veto" ? `${p.key}. ${T.veto}` : label}
        </label>
        {(r.kind === "ratioFull" || r.kind === "ratioLinearDeduction") && <span className={styles.where}>{T.fallbackHint}</span>}
        {control}
        {!slot.address ? (
          <span>
            <Badge appearance="tint" color={slot.state === "missing" ? "danger" : "warning"}>
              {slot.state === "missing" ? T.notBound : PANE_SETUP.setup.state.invalid}
            </Badge>{" "}
            <Button size="small" disabled={busy} aria-label={T.createNameLabel(p.label)} onClick={() => void run(createPartPlan(snapshot, effective, settings, ind.def.id, p.key))}>
              {T.createName}
            </Button>
          </span>
        ) : (
          <span className={styles.where}>
            {slot.name} · {slot.sheet && slot.address ? `${slot.sheet}!${slot.address}` : "—"}
          </span>
        )}
        {slot.problem && <span className={styles.problem}>{slot.problem}</span>}
      </li>
    );
  };

  return (
    <div className={shared.root} aria-busy={busy}>
      <Text className={shared.hint}>{T.hint}</Text>
      <Accordion multiple collapsible>
        {model.map((ind) => (
          <AccordionItem key={ind.def.id} value={ind.def.id}>
            <AccordionHeader size="small">
              {ind.def.name}（{ind.def.weight} 分）
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.panel}>
                {ind.parts.length > 0 && (
                  <ul className={shared.list} aria-label={ind.def.name}>
                    {ind.parts.map((s) => part(ind, s))}
                  </ul>
                )}
                {ind.effect && <EffectTableEditor snapshot={snapshot} ruleSet={effective} settings={settings} busy={busy} run={run} />}
                <OverrideEditor snapshot={snapshot} ruleSet={effective} indicator={ind.def} busy={busy} run={run} />
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <h2 className={shared.h}>{T.othersTitle}</h2>
      <Text className={shared.hint}>{T.othersHint}</Text>
      <Accordion multiple collapsible>
        {others.map((def) => (
          <AccordionItem key={def.id} value={def.id}>
            <AccordionHeader size="small">
              {def.name}（{def.weight} 分）
            </AccordionHeader>
            <AccordionPanel>
              <OverrideEditor snapshot={snapshot} ruleSet={effective} indicator={def} busy={busy} run={run} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
