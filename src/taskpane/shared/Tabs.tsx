/**
 * A small WAI-ARIA tab list (评分 / 设置 / 评定). Fluent's TabList costs ~23 KB gzip (motion and
 * overflow machinery) that a three-tab pane does not need; this keeps the Fluent look with tokens.
 * Keyboard: arrow keys / Home / End move between tabs (roving tabindex), as in Office.
 */
import { useRef, type KeyboardEvent } from "react";
import { makeStyles, tokens, mergeClasses } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    position: "relative",
    border: "none",
    background: "none",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: "-1px",
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface TabsProps<T extends string> {
  label: string;
  tabs: { value: T; text: string }[];
  selected: T;
  onSelect: (value: T) => void;
  className?: string;
}

export function Tabs<T extends string>({ label, tabs, selected, onSelect, className }: TabsProps<T>) {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to =
      e.key === "ArrowRight"
        ? (i + 1) % n
        : e.key === "ArrowLeft"
          ? (i - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to].value);
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={mergeClasses(styles.list, className)}>
      {tabs.map((t, i) => (
        <button
          key={t.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`pe-tab-${t.value}`}
          aria-selected={t.value === selected}
          aria-controls={`pe-tabpanel-${t.value}`}
          tabIndex={t.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.value === selected && styles.selected)}
          onClick={() => onSelect(t.value)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.text}
        </button>
      ))}
    </div>
  );
}
