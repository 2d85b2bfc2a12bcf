/**
 * Shared by the setup and judged views: a planner's result goes to the App's `edit`, which writes
 * it together with its rescoring. One write at a time; the outcome is shown as a notice.
 */
import { useCallback, useState } from "react";
import type { WritePlan } from "../../workbook/snapshot";
import { messagesOf } from "../ports/errors";

export type Planned = { ok: true; plan: WritePlan } | { ok: false; message: string };

export interface Notice {
  intent: "success" | "error" | "warning";
  lines: string[];
}

export function usePlanRunner(edit: (plan: WritePlan) => Promise<void>, failed: (msg: string) => string) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const run = useCallback(
    async (planned: Planned | undefined, success?: string): Promise<boolean> => {
      if (!planned) return false;
      if (!planned.ok) {
        setNotice({ intent: "error", lines: [planned.message] });
        return false;
      }
      setBusy(true);
      try {
        await edit(planned.plan);
        setNotice(success ? { intent: "success", lines: [success] } : undefined);
        return true;
      } catch (e) {
        setNotice({ intent: "error", lines: messagesOf(e).map(failed) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [edit, failed],
  );

  return { busy, notice, setNotice, run };
}
