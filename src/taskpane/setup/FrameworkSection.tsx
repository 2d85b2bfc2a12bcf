/**
 * 评分框架 in the 设置 tab: which framework scoring starts from (built-in, or the one the workbook
 * carries), 导入评分框架 (a .json file checked as `pe-score rules check` would, then stored in the
 * 评分框架 sheet with a rescoring), and 导出 / 复制 of the current framework's file.
 */
import { useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseFrameworkText } from "../../engine";
import { frameworkPlan, frameworkText } from "../../workbook/framework-sheet";
import type { Planned } from "../../workbook/planned";
import type { WorkbookModel } from "../model/core";
import type { Notice } from "../shared/NoticeBar";
import { usePanelStyles } from "../shared/panel-styles";
import { PANE_SETUP } from "../../text/pane-setup";
import { copyText } from "../shared/clipboard";

const T = PANE_SETUP.setup.framework;
/** Problems listed in the notice; the rest are counted (rules check lists them all). */
const SHOWN_PROBLEMS = 8;

const useStyles = makeStyles({
  file: { display: "none" },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
});

export interface FrameworkSectionProps {
  model: WorkbookModel;
  busy: boolean;
  run: (planned: Planned | undefined, success?: string) => Promise<boolean>;
  notify: (notice: Notice | undefined) => void;
}

export function FrameworkSection({ model, busy, run, notify }: FrameworkSectionProps) {
  const shared = usePanelStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>();
  const stored = model.storedFramework !== undefined;
  const text = useMemo(() => model.storedFramework ?? frameworkText(model.base), [model.storedFramework, model.base]);
  // A download link where the webview can make one (not in jsdom, nor where blobs are refused).
  const url = useMemo(
    () =>
      typeof URL.createObjectURL === "function"
        ? URL.createObjectURL(new Blob([text], { type: "application/json" }))
        : undefined,
    [text],
  );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    let content: string;
    try {
      content = await f.text();
    } catch (err) {
      notify({ intent: "error", lines: [T.unreadable(err instanceof Error ? err.message : String(err))] });
      return;
    }
    const check = parseFrameworkText(content);
    if (!check.ruleSet) {
      const extra = check.problems.length - SHOWN_PROBLEMS;
      notify({
        intent: "error",
        title: T.problems(check.problems.length),
        lines: [...check.problems.slice(0, SHOWN_PROBLEMS), ...(extra > 0 ? [T.more(extra)] : [])],
      });
      return;
    }
    await run(
      { ok: true, plan: frameworkPlan(check.ruleSet, frameworkText(check.ruleSet)) },
      T.imported(check.ruleSet.title),
    );
  };

  const copy = async () => {
    setCopied((await copyText(text)) ? T.copied : T.copyFailed);
  };

  return (
    <section className={shared.section} aria-labelledby="pe-setup-framework" data-testid="framework">
      <h2 id="pe-setup-framework" className={shared.h}>
        {T.title}
      </h2>
      <Text data-testid="framework-current">
        {T.current(model.base.title, model.base.version)} · {stored ? T.stored : T.builtin}
      </Text>
      <Text className={shared.hint}>{stored ? T.storedHint : T.hint}</Text>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className={styles.file}
        aria-label={T.importLabel}
        onChange={(e) => void onFile(e)}
        data-testid="framework-file"
      />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          {T.import}
        </Button>
        {url && (
          <Button as="a" href={url} download={`${model.base.name ?? model.base.id}.json`}>
            {T.export}
          </Button>
        )}
        <Button onClick={() => void copy()}>{T.copy}</Button>
        {copied && <Text size={200}>{copied}</Text>}
      </div>
    </section>
  );
}
