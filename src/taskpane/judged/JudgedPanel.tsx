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
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { indicatorsOf } from "../../engine";
import {
  createPartPlan,
  judgedModel,
  partEditPlan,
  type JudgedIndicator,
  type PartEdit,
  type PartSlot,
} from "../../workbook/judged-edit";
import { PANE_SETUP } from "../../text/pane-setup";
import { usePlanRunner } from "../shared/use-plan-runner";
import { usePanelStyles } from "../shared/panel-styles";
import type { JudgedViewProps } from "./JudgedView";
import { EffectTableEditor } from "./EffectTableEditor";
import { PartRow } from "./PartRow";
import { OverrideEditor } from "./OverrideEditor";

const T = PANE_SETUP.judged;

const useStyles = makeStyles({
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
    return indicatorsOf(effective)
      .map((e) => e.def)
      .filter((d) => !listed.has(d.id));
  }, [model, effective]);

  // A part with no usable cell (no name, or a name gone to #REF!) gets a new row on 评分依据.
  const editPart = (ind: JudgedIndicator, slot: PartSlot, e?: PartEdit) =>
    run(
      !slot.address
        ? createPartPlan(snapshot, effective, settings, ind.def.id, slot.part.key, e)
        : e
          ? partEditPlan(snapshot, effective, settings, ind.def.id, slot.part.key, e)
          : undefined,
    );

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
                    {ind.parts.map((slot) => (
                      <PartRow
                        key={slot.part.key}
                        indicator={ind.def}
                        slot={slot}
                        busy={busy}
                        onEdit={(e) => void editPart(ind, slot, e)}
                      />
                    ))}
                  </ul>
                )}
                {ind.effect && (
                  <EffectTableEditor
                    snapshot={snapshot}
                    ruleSet={effective}
                    settings={settings}
                    busy={busy}
                    run={run}
                  />
                )}
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
