/** 存在的问题 drafted from the lost-point reasons, with a 复制 button for pasting into the Word report. */
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { paneText } from "../../text/pane";
import { copyText } from "../shared/clipboard";

const useStyles = makeStyles({
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXS}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** `disabled`: the result is out of date, so it must not be copied into a report. */
export function ProblemsView({ problems, disabled = false }: { problems: string[]; disabled?: boolean }) {
  const styles = useStyles();
  const t = paneText.problems;
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const text = problems.length ? t.text(problems) : t.none;
  return (
    <section aria-labelledby="pe-problems-title">
      <div className={styles.head}>
        <h3 id="pe-problems-title" className={styles.title}>
          {t.title}
        </h3>
        <Button
          size="small"
          aria-label={t.copyLabel}
          disabled={problems.length === 0 || disabled}
          onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}
        >
          {state === "copied" ? t.copied : t.copy}
        </Button>
      </div>
      <p className={styles.text} data-testid="problems">
        {text}
      </p>
      {state === "failed" && <div role="status">{t.copyFailed}</div>}
    </section>
  );
}
