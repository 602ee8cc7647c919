/* The pane's introduction is shown the first time the pane opens, then not again (remembered in the
 * pane's localStorage, which Office keeps per add-in origin; when storage is unavailable, e.g.
 * blocked by policy, it is shown each time rather than never). */
import { useState } from "react";

export const INTRO_SEEN_KEY = "practiceLedger.introSeen";

/** Whether to show the intro now; marks it seen for the next time. */
export function useIntroOnce(): boolean {
  const [show] = useState(() => {
    try {
      const seen = window.localStorage.getItem(INTRO_SEEN_KEY) === "1";
      if (!seen) window.localStorage.setItem(INTRO_SEEN_KEY, "1");
      return !seen;
    } catch {
      return true;
    }
  });
  return show;
}
