/**
 * Microsoft's own custom functions runtime (custom-functions-runtime.debug.js from
 * @microsoft/office-js), loaded in a Node vm sandbox with the few browser globals its start-up
 * reads, so tests can run the functions' results through its `CustomFunctions.Error` class
 * (CustomFunctionError: `toJSON` is what the runtime sends to Excel for a returned error, with
 * `errorType` and, for #VALUE! and #N/A only, `message`). Nothing is fetched: the sandbox's timers do
 * nothing, so the runtime never goes on to load Office.js.
 */
import * as fs from "node:fs";
import * as vm from "node:vm";

export interface MicrosoftRuntime {
  Error: new (code: string, message?: string) => { code: string; message: string; toJSON(): Record<string, unknown> };
  ErrorCode: Record<string, string>;
}

let loaded: MicrosoftRuntime | null = null;

export function microsoftCustomFunctionsRuntime(): MicrosoftRuntime {
  if (loaded !== null) return loaded;
  const file = require.resolve("@microsoft/office-js/dist/custom-functions-runtime.debug.js");
  const source = fs.readFileSync(file, "utf8");
  // The runtime finds its own <script> tag to know where it was loaded from.
  const script = { src: "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.debug.js", getAttribute: () => null };
  const noop = (): number => 0;
  const sandbox: Record<string, unknown> = {
    name: "",
    location: { href: "https://localhost:3000/taskpane.html", search: "", hash: "" },
    navigator: { userAgent: "node" },
    history: { replaceState: noop, pushState: noop },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout: noop,
    clearTimeout: noop,
    setInterval: noop,
    clearInterval: noop,
    console: { log: noop, warn: noop, error: noop, info: noop },
    document: {
      readyState: "loading",
      addEventListener: noop,
      createElement: () => ({ setAttribute: noop, style: {} }),
      getElementsByTagName: (tag: string) => (tag === "script" ? [script] : [{ appendChild: noop }]),
      querySelector: () => null,
    },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.top = sandbox;
  vm.runInContext(source, vm.createContext(sandbox), { filename: "custom-functions-runtime.debug.js" });
  const cf = sandbox.CustomFunctions as Partial<MicrosoftRuntime> | undefined;
  if (cf === undefined || typeof cf.Error !== "function" || cf.ErrorCode === undefined) {
    throw new Error("custom-functions-runtime.debug.js did not define CustomFunctions.Error");
  }
  loaded = cf as MicrosoftRuntime;
  return loaded;
}

/** What the runtime sends to Excel for a returned value: JSON of it (errors through their toJSON). */
export function asSentToExcel(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
