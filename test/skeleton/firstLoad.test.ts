/**
 * The task pane's first load stays small (issue: "the task pane's first load under 300 KB
 * gzipped"): every script dist/taskpane.html loads, gzipped at level 9, under 300 KB, and the code
 * of the panels after the first is not in it but in chunks of its own, loaded the first time the
 * panel is opened (src/taskpane/panelList.tsx), from where taskpane.js itself came from.
 * Read from the build (`npm test` builds before jest); skipped with no build outside CI.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = join(__dirname, "..", "..", "dist");
const built = ["taskpane.html", "taskpane.js", "functions.js"].every((f) => existsSync(join(dist, f)));
const describeIfBuilt = built || process.env.CI !== undefined ? describe : describe.skip;

/** The add-in's own scripts of dist/taskpane.html, in order (office.js comes from Microsoft's CDN). */
function pageScripts(): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
}

/** The source files a built script holds, from its source map (webpack:// paths, under src/). */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(join(dist, `${file}.map`), "utf8")) as { sources: string[] };
  return map.sources.map((s) => s.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, ""));
}

describeIfBuilt("the task pane's first load (dist/, after npm run build)", () => {
  it("loads taskpane.js, functions.js and commands.js only, under 300 KB gzipped in all", () => {
    const scripts = pageScripts();
    expect(scripts).toEqual(["taskpane.js", "functions.js", "commands.js"]);
    const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it.each([
    ["setup", "src/taskpane/panels/SetUpPanel.tsx"],
    ["convert", "src/taskpane/panels/ConvertPanel.tsx"],
    ["report", "src/taskpane/panels/ReportPanel.tsx"],
    ["fees", "src/taskpane/panels/FeeCheckPanel.tsx"],
    ["era", "src/taskpane/panels/PostRemittancePanel.tsx"],
  ])("the %s panel is a chunk of its own (panel-%s.<hash>.js), not in taskpane.js", (id, source) => {
    const chunk = readdirSync(dist).filter((f) => new RegExp(`^panel-${id}\\.[0-9a-f]{8}\\.js$`).test(f));
    expect(chunk).toHaveLength(1);
    expect(sourcesOf(chunk[0])).toContain(source);
    expect(sourcesOf("taskpane.js")).not.toContain(source);
  });

  it("keeps what only later panels use out of the first load (ERA posting, templates, the register import)", () => {
    const first = sourcesOf("taskpane.js");
    for (const folder of ["src/core/era/", "src/core/templates/", "src/office/operations/postRemittance", "src/office/operations/conversion"]) {
      expect(first.filter((s) => s.startsWith(folder))).toEqual([]);
    }
    expect(first).toContain("src/taskpane/panels/WorkbookPanel.tsx"); // the first panel shows without a wait
  });

  it("loads chunks relative to taskpane.js itself (webpack's automatic publicPath), never from another origin", () => {
    const runtime = readFileSync(join(dist, "taskpane.js"), "utf8");
    // webpack's "auto" publicPath runtime: the chunk base is the URL of the running script.
    expect(runtime).toContain("Automatic publicPath is not supported in this browser");
    expect(runtime).not.toMatch(/https?:\/\/[^"'\s]*\/panel-/);
  });
});
