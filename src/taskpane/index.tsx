/* Entry of the task pane bundle. With the shared runtime (manifest.xml, <Runtimes>) this page also
 * loads the functions and commands bundles, and stays alive while the pane is closed. */

import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkRequirements, type RequirementCheck } from "../office/requirements";
import { App } from "./App";

function mount(host: Office.HostType | null, requirements: RequirementCheck | null): void {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} requirements={requirements} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // Office.js did not load (page opened offline or outside Office): show the pane all the same.
  mount(null, null);
} else {
  void Office.onReady((info) => {
    const host = info.host ?? null;
    // Checked once at start: the pane says plainly what this Excel lacks instead of failing later.
    const requirements = host === null ? null : checkRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
    mount(host, requirements);
  });
}
