/**
 * 设置与绑定: the rule set, every name it reads with its state and cell (绑定 points a name at the
 * selected cell), 添加评分依据表, and weight / grade-band overrides with live sum checks. All
 * decisions are in src/workbook/ (binding.ts, input-sheet.ts, settings-edit.ts); this view
 * renders their results and applies their plans through the port.
 */
import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  Option,
  Switch,
  Text,
} from "@fluentui/react-components";
import { BUILTIN_RULE_SET_IDS, findRuleSetId } from "../../engine";
import { bindingRows, bindPlan, type BindingRow } from "../../workbook/binding";
import { inputSheetPlan } from "../../workbook/input-sheet";
import { settingsPlan } from "../../workbook/settings-edit";
import { SHEETS } from "../../text/vocabulary";
import { PANE_SETUP } from "../../text/pane-setup";
import { usePlanRunner } from "../shared/use-plan-runner";
import { usePanelStyles } from "../shared/panel-styles";
import type { SetupViewProps } from "./SetupView";
import { WeightsEditor } from "./WeightsEditor";
import { SelfCheckSection } from "./SelfCheckSection";
import { FrameworkSection } from "./FrameworkSection";

const T = PANE_SETUP.setup;

const BADGE: Record<string, "success" | "danger" | "warning" | "informative"> = {
  found: "success",
  empty: "informative",
  missing: "danger",
  invalid: "warning",
};

export default function SetupPanel({ port, model, edit, notify }: SetupViewProps) {
  const styles = usePanelStyles();
  const { busy, run } = usePlanRunner(edit, notify, T.failed);
  const { snapshot, settings, effective, base } = model;
  const rows = useMemo(() => bindingRows(snapshot, effective, settings), [snapshot, effective, settings]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const hasInputSheet = snapshot.sheets.some((s) => s.toLowerCase() === SHEETS.inputs.toLowerCase());

  const groups = useMemo(() => {
    const out = new Map<string, BindingRow[]>();
    for (const r of rows) {
      if (onlyProblems && (r.state === "found" || (r.state === "empty" && r.alternative))) continue;
      const list = out.get(r.group) ?? [];
      list.push(r);
      out.set(r.group, list);
    }
    return [...out];
  }, [rows, onlyProblems]);
  const count = (s: string) => rows.filter((r) => r.state === s).length;
  // Open the groups with something to do: a name to bind or fix, or a value still to fill.
  const todo = (r: BindingRow) =>
    r.state === "missing" || r.state === "invalid" || (r.state === "empty" && !r.alternative && r.kind === "input");
  const openGroups = groups.filter(([, list]) => list.some(todo)).map(([g]) => g);

  const bind = async (row: BindingRow) => {
    let selected;
    try {
      selected = await port.selectedCell();
    } catch {
      selected = undefined;
    }
    const planned = bindPlan(row, selected);
    const where = planned.ok ? `${planned.plan.names![0].sheet}!${planned.plan.names![0].address}` : "";
    await run(planned, T.bound(row.name, where));
  };

  const addSheet = async () => {
    const plan = inputSheetPlan(snapshot, effective, settings);
    await run(
      plan ? { ok: true, plan } : { ok: false, message: T.inputSheetExists },
      plan ? T.inputSheetAdded(plan.names?.length ?? 0) : undefined,
    );
  };

  const currentId = findRuleSetId(settings.ruleSetId?.value ?? "") ?? effective.id;

  return (
    <div className={styles.root} aria-busy={busy}>
      <section className={styles.section} aria-labelledby="pe-setup-ruleset">
        <h2 id="pe-setup-ruleset" className={styles.h}>
          {T.ruleSet}
        </h2>
        <Field label={T.ruleSet} hint={model.storedFramework !== undefined ? T.framework.ruleSetFixed : T.ruleSetHint}>
          <Dropdown
            className={styles.dropdown}
            value={
              model.storedFramework !== undefined
                ? (effective.name ?? effective.title)
                : (T.ruleSetTitles[currentId] ?? currentId)
            }
            selectedOptions={[currentId]}
            disabled={busy || model.storedFramework !== undefined}
            onOptionSelect={(_, d) => {
              if (d.optionValue && d.optionValue !== currentId)
                void run(settingsPlan(snapshot, { ruleSetId: d.optionValue }), PANE_SETUP.setup.saved);
            }}
          >
            {BUILTIN_RULE_SET_IDS.map((id) => (
              <Option key={id} value={id} text={T.ruleSetTitles[id] ?? id}>
                {T.ruleSetTitles[id] ?? id}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="pe-setup-inputs">
        <h2 id="pe-setup-inputs" className={styles.h}>
          {T.inputsTitle}
        </h2>
        <Text className={styles.hint}>{T.inputsHint}</Text>
        <Text data-testid="binding-counts">
          {T.counts(count("found"), count("empty"), count("missing"), count("invalid"))}
        </Text>
        <Switch label={T.filter} checked={onlyProblems} onChange={(_, d) => setOnlyProblems(d.checked)} />
        <div>
          <Button appearance="primary" disabled={busy || hasInputSheet} onClick={() => void addSheet()}>
            {T.addInputSheet}
          </Button>
          <div className={styles.hint}>{hasInputSheet ? T.inputSheetExists : T.addInputSheetHint}</div>
        </div>
        <Accordion multiple collapsible defaultOpenItems={openGroups}>
          {groups.map(([group, list]) => (
            <AccordionItem key={group} value={group}>
              <AccordionHeader size="small">
                {T.groupCount(group, list.filter((r) => r.state === "found").length, list.length)}
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} aria-label={group}>
                  {list.map((r) => (
                    <li key={r.key} className={styles.row} data-testid={`binding-${r.key}`}>
                      <span className={styles.label}>{r.label}</span>
                      <Badge appearance="tint" color={BADGE[r.state]}>
                        {T.state[r.state]}
                      </Badge>
                      <span className={styles.meta}>
                        {r.name} · {T.cell(r.sheet, r.address)}
                        {r.value ? ` · ${r.value}` : ""}
                      </span>
                      {r.problem && <span className={styles.problem}>{r.problem}</span>}
                      {r.alternative && r.state === "missing" && <span className={styles.meta}>{r.alternative}</span>}
                      <span className={styles.buttons}>
                        <Button
                          size="small"
                          appearance="primary"
                          disabled={busy}
                          aria-label={T.bindLabel(r.label)}
                          onClick={() => void bind(r)}
                        >
                          {T.bind}
                        </Button>
                        {r.sheet && r.address && (
                          <Button
                            size="small"
                            aria-label={T.locateLabel(r.label)}
                            onClick={() =>
                              void port
                                .select({ sheet: r.sheet!, address: r.address!.split(":")[0] })
                                .catch(() => undefined)
                            }
                          >
                            {T.locate}
                          </Button>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </section>

      <WeightsEditor
        base={base}
        effective={effective}
        busy={busy}
        onSave={(draft) => run(settingsPlan(snapshot, draft), T.saved)}
      />

      <FrameworkSection model={model} busy={busy} run={run} notify={notify} />

      <SelfCheckSection port={port} notify={notify} />
    </div>
  );
}
