/**
 * The task pane's Content-Security-Policy (src/taskpane/taskpane.html) lets Office.js work on
 * every host and lets nothing else out (issue 9 item 10).
 *
 * Office.js on a web host outside its built-in list of Office domains (Office Online Server, for
 * one) opens a hidden iframe from its own CDN to ask whether the host is trusted; the page
 * stays blank if `frame-src` refuses it. The code is Microsoft's own, in @microsoft/office-js
 * (checkReceiverOriginAndRun: `getOfficeJsBasePath() + 'AgaveErrorUX/index.html#'`), and the
 * test reads it there rather than trusting a note of ours.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const html = readFileSync(join(root, "src", "taskpane", "taskpane.html"), "utf8");

function policy(): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (meta === null) throw new Error("taskpane.html has no Content-Security-Policy meta tag");
  const directives = new Map<string, string[]>();
  for (const part of meta[1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") directives.set(name, sources);
  }
  return directives;
}

/** The origin office.js is loaded from (the <script src> of taskpane.html). */
function officeJsOrigin(): string {
  const src = /<script[^>]+src="(https:\/\/[^"]*\/office\.js)"/.exec(html);
  if (src === null) throw new Error("taskpane.html does not load office.js");
  return new URL(src[1]).origin;
}

describe("taskpane.html Content-Security-Policy", () => {
  const csp = policy();
  const origin = officeJsOrigin();

  it("office.js really opens its host-trust iframe from its own base path (Microsoft's code)", () => {
    const officeWeb = readFileSync(join(root, "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.debug.js"), "utf8");
    expect(officeWeb).toContain("getOfficeJsBasePath() + 'AgaveErrorUX/index.html#'");
    expect(officeWeb).toContain('document.createElement("iframe")');
  });

  it("allows that iframe: frame-src names office.js's origin", () => {
    expect(origin).toBe("https://appsforoffice.microsoft.com");
    expect(csp.get("frame-src")).toEqual([origin]);
  });

  it("loads scripts only from the add-in and office.js's origin, never eval", () => {
    expect(csp.get("script-src")).toEqual(["'self'", origin]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("sends requests only to the add-in's own origin (no telemetry), and posts no forms", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });
});
