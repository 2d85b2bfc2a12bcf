/**
 * 自检 in the 设置 tab: runs the probes of src/hosts/office/selfcheck.ts in this Excel, shows
 * 通过 / 失败 per probe as they finish, with the evidence and which Excel ran them, and copies the
 * whole report as text for IT. Preview mode has no Excel: it says so.
 */
import { useState } from "react";
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ProbeResult, SelfCheckReport } from "../../hosts/office/selfcheck";
import type { WorkbookPort } from "../ports/port";
import { messagesOf } from "../ports/errors";
import type { Notice } from "../shared/NoticeBar";
import { usePanelStyles } from "../shared/panel-styles";
import { SELFCHECK as T } from "../../text/selfcheck";
import { copyText } from "../shared/clipboard";

const useStyles = makeStyles({
  evidence: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function SelfCheckSection({ port, notify }: { port: WorkbookPort; notify: (n: Notice | undefined) => void }) {
  const shared = usePanelStyles();
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [probes, setProbes] = useState<ProbeResult[]>([]);
  const [done, setDone] = useState<{ report: SelfCheckReport; environment: string; when: string }>();
  const [copied, setCopied] = useState<string>();

  const run = async () => {
    if (!port.selfCheck) return;
    setRunning(true);
    setProbes([]);
    setDone(undefined);
    setCopied(undefined);
    try {
      const r = await port.selfCheck((p) => setProbes((list) => [...list, p]));
      setDone({ ...r, when: stamp(new Date()) });
    } catch (e) {
      notify({ intent: "error", title: T.failed, lines: messagesOf(e) });
    } finally {
      setRunning(false);
    }
  };

  const copy = async () => {
    if (!done) return;
    const { reportText } = await import(/* webpackChunkName: "selfcheck" */ "../../hosts/office/selfcheck");
    setCopied((await copyText(reportText(done.report, done.environment, done.when))) ? T.copied : T.copyFailed);
  };

  return (
    <section className={shared.section} aria-labelledby="pe-setup-selfcheck" data-testid="selfcheck">
      <h2 id="pe-setup-selfcheck" className={shared.h}>
        {T.title}
      </h2>
      <Text className={shared.hint}>{port.selfCheck ? T.intro : T.previewOnly}</Text>
      {port.selfCheck && (
        <div className={styles.buttons}>
          <Button
            disabled={running}
            onClick={() => void run()}
            {...(running ? { icon: <Spinner size="extra-tiny" /> } : {})}
          >
            {running ? T.running : T.run}
          </Button>
          {done && (
            <Button onClick={() => void copy()} aria-label={T.copy}>
              {T.copy}
            </Button>
          )}
          {copied && <Text size={200}>{copied}</Text>}
        </div>
      )}
      {done && (
        <Text weight="semibold" data-testid="selfcheck-summary">
          {T.summary(done.report.passed, done.report.failed)} · {done.environment}
        </Text>
      )}
      {probes.length > 0 && (
        <ul className={shared.list} aria-label={T.title}>
          {probes.map((p) => (
            <li key={p.id} className={shared.row} data-testid={`probe-${p.id}`}>
              <span className={shared.label}>{p.title}</span>
              <Badge appearance="tint" color={p.ok ? "success" : "danger"}>
                {p.ok ? T.pass : T.fail}
              </Badge>
              <span className={styles.evidence}>{p.evidence}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
