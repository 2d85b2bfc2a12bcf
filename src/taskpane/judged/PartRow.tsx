/**
 * One judged part in the 评定 tab: its 评分标准 text, the control for what a clerk enters (是/否,
 * a count, a score, a level — the rule kind says which), where its cell is, and the action that
 * creates its name when it has none.
 */
import {
  Badge,
  Button,
  Dropdown,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { judgedValueOf, kindOf, type IndicatorDef } from "../../engine";
import { currentEdit, type PartEdit, type PartSlot } from "../../workbook/judged-edit";
import { PANE_SETUP } from "../../text/pane-setup";
import { YES_NO } from "../../text/vocabulary";

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
  dropdown: { minWidth: 0, maxWidth: "100%" },
});

export interface PartRowProps {
  indicator: IndicatorDef;
  slot: PartSlot;
  busy: boolean;
  /** An edit of the value; without one, create the part's name (a new row on 评分依据). */
  onEdit: (edit?: PartEdit) => void;
}

export function PartRow({ indicator, slot, busy, onEdit }: PartRowProps) {
  const styles = useStyles();
  const p = slot.part;
  const r = p.rule;
  const judged = judgedValueOf(p);
  const current = currentEdit(p, slot.value);
  const id = `pe-part-${indicator.id}-${p.key}`;
  const label = judged === "count" ? `${T.count}：${p.text}` : `${p.key}. ${p.text}`;
  // A part scored from inputs that a clerk may judge instead when they are not filled.
  const fallback = judged === "yesNo" && kindOf(r).inputs(r).length > 0;

  let control: JSX.Element;
  if (judged === "count" || judged === "score") {
    const isCount = judged === "count";
    const value = current && (current.kind === "count" || current.kind === "score") ? current.value : null;
    control = (
      <SpinButton
        id={id}
        className={styles.spin}
        aria-label={isCount ? `${indicator.name} ${T.count}` : `${indicator.name} ${T.score(p.points)}`}
        min={0}
        {...(isCount ? {} : { max: Number(p.points) })}
        step={isCount ? 1 : 0.1}
        value={value}
        disabled={busy}
        onChange={(_, d) => {
          // Arrows give `value`; a typed number arrives as `displayValue` on commit.
          const v =
            d.value !== undefined
              ? d.value
              : d.displayValue !== undefined && d.displayValue.trim() !== ""
                ? Number(d.displayValue)
                : null;
          if (v === null || v === value || !Number.isFinite(v)) return;
          onEdit(isCount ? { kind: "count", value: v } : { kind: "score", value: v });
        }}
      />
    );
  } else if (judged === "level" && r.kind === "level") {
    const value = current?.kind === "level" ? current.value : "";
    control = (
      <Dropdown
        id={id}
        aria-label={`${indicator.name} ${p.label}`}
        placeholder={T.levelPlaceholder}
        value={value}
        selectedOptions={value ? [value] : []}
        disabled={busy}
        className={styles.dropdown}
        onOptionSelect={(_, d) =>
          d.optionValue && d.optionValue !== value && onEdit({ kind: "level", value: d.optionValue })
        }
      >
        {r.levels.map((l) => (
          <Option key={l.label} value={l.label} text={l.label}>
            {T.levelOption(l.label, l.points)}
          </Option>
        ))}
      </Dropdown>
    );
  } else {
    const value = current?.kind === "yesNo" ? (current.value ? YES_NO[0] : YES_NO[1]) : "";
    control = (
      <RadioGroup
        layout="horizontal"
        aria-label={`${indicator.name} ${label}`}
        value={value}
        disabled={busy}
        onChange={(_, d) => d.value !== value && onEdit({ kind: "yesNo", value: d.value === YES_NO[0] })}
      >
        <Radio value={YES_NO[0]} label={T.yes} />
        <Radio value={YES_NO[1]} label={T.no} />
      </RadioGroup>
    );
  }

  return (
    <li className={styles.part} data-testid={`part-${indicator.id}-${p.key}`}>
      <label htmlFor={id} className={styles.text}>
        {judged === "veto" ? `${p.key}. ${T.veto}` : label}
      </label>
      {fallback && <span className={styles.where}>{T.fallbackHint}</span>}
      {control}
      {!slot.address ? (
        <span>
          <Badge appearance="tint" color={slot.state === "missing" ? "danger" : "warning"}>
            {slot.state === "missing" ? T.notBound : PANE_SETUP.setup.state.invalid}
          </Badge>{" "}
          <Button size="small" disabled={busy} aria-label={T.createNameLabel(p.label)} onClick={() => onEdit()}>
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
}
