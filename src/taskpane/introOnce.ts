/* The pane's introduction is shown the first time the pane opens, then not again. Remembered in
 * localStorage under Office.context.partitionKey when the host partitions storage (Microsoft,
 * "Persist add-in state and settings", Browser storage and Storage partitioning:
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings;
 * partitionKey is undefined where storage is not partitioned). That page warns that storage may be
 * blocked: then the intro shows each time rather than never. */
import { useState } from "react";

export const INTRO_SEEN_KEY = "practiceLedger.introSeen";

function storageKey(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  const partition = office?.context?.partitionKey;
  return typeof partition === "string" && partition !== "" ? `${partition}${INTRO_SEEN_KEY}` : INTRO_SEEN_KEY;
}

/** Whether to show the intro now; marks it seen for the next time. */
export function useIntroOnce(): boolean {
  const [show] = useState(() => {
    try {
      const key = storageKey();
      const seen = window.localStorage.getItem(key) === "1";
      if (!seen) window.localStorage.setItem(key, "1");
      return !seen;
    } catch {
      return true;
    }
  });
  return show;
}
