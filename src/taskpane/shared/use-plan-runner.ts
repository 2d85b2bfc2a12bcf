/**
 * Shared by the 设置 and 评定 panels: a planner's result goes to the model's `edit`, which writes it
 * together with its rescoring. One write at a time; the outcome goes to the pane's one notice channel.
 */
import { useCallback, useState } from "react";
import type { WritePlan } from "../../workbook/snapshot";
import type { Planned } from "../../workbook/planned";
import { messagesOf } from "../ports/errors";
import type { Notice } from "./NoticeBar";

export function usePlanRunner(
  edit: (plan: WritePlan) => Promise<void>,
  notify: (notice: Notice | undefined) => void,
  failed: (msg: string) => string,
) {
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (planned: Planned | undefined, success?: string): Promise<boolean> => {
      if (!planned) return false;
      if (!planned.ok) {
        notify({ intent: "error", lines: [planned.message] });
        return false;
      }
      setBusy(true);
      try {
        await edit(planned.plan);
        notify(success ? { intent: "success", lines: [success] } : undefined);
        return true;
      } catch (e) {
        notify({ intent: "error", lines: messagesOf(e).map(failed) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [edit, notify, failed],
  );

  return { busy, run };
}
