/* Entry of the task pane bundle. With the shared runtime (manifest.xml, <Runtimes>) this page also
 * loads the functions and commands bundles, and stays alive while the pane is closed. */

import { createRoot } from "react-dom/client";
import { App } from "./App";

function mount(host: Office.HostType | null): void {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(<App host={host} />);
}

if (typeof Office === "undefined") {
  // Office.js did not load (page opened offline or outside Office): show the pane all the same.
  mount(null);
} else {
  Office.onReady((info) => mount(info.host ?? null));
}
