/**
 * The built bundles parse in the oldest webview the supported Office builds use (issue 9 item 12).
 *
 * Excel on Mac hosts add-ins in Safari's WKWebView, the macOS's own Safari; Excel on Windows with
 * a shared runtime (<Runtimes> in the manifest) uses WebView2, never EdgeHTML:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * webpack.config.js lowers everything (our code and node_modules) to BROWSER_TARGETS, Safari
 * 14.1 at the oldest; Safari 14.1 parses ES2020 but not class fields, `static {}` blocks
 * (Safari 16.4) or `??=` (ES2021), and no regular-expression lookbehind (Safari 16.4): one such
 * token anywhere in a bundle is a SyntaxError for the whole script, so the pane stays blank.
 * The bundles are parsed with acorn at ecmaVersion 2020, as a classic script (the <script> tags
 * of taskpane.html are not modules).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const root = join(__dirname, "..", "..");
const entries = ["taskpane.js", "functions.js", "commands.js"].map((f) => join(root, "dist", f));
const built = entries.every((f) => existsSync(f));
// And every chunk loaded on demand (the panels after the first, the handout writer): each is a
// classic <script> the pane adds when a panel is first opened, parsed by the same webview.
const bundles = built ? [...entries, ...readdirSync(join(root, "dist")).filter((f) => f.endsWith(".js") && !entries.includes(join(root, "dist", f))).sort().map((f) => join(root, "dist", f))] : entries;

/** Parses as Safari 14.1 would: ES2020, classic script. Returns null or the error with context. */
function parseError(source: string): string | null {
  try {
    parse(source, { ecmaVersion: 2020, sourceType: "script" });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 40), pos + 40))}`;
  }
}

describe("the ES2020 parse check itself", () => {
  it("refuses what Safari 14.1 cannot parse, accepts what it can", () => {
    expect(parseError("class A { static { this.x = 1; } }")).not.toBeNull();
    expect(parseError("class A { x = 1; }")).not.toBeNull();
    expect(parseError("a ??= b;")).not.toBeNull();
    expect(parseError("const v = a?.b ?? c; for (const [k, w] of m) f(k, w);")).toBeNull();
  });
});

// In CI (`npm test` builds before jest) a missing bundle is a failure, not a skip.
const describeIfBuilt = built || process.env.CI !== undefined ? describe : describe.skip;

describeIfBuilt("dist/*.js (after npm run build)", () => {
  it.each(bundles)("%s parses at ES2020 (Safari 14.1), with no regex lookbehind", (file) => {
    expect(existsSync(file)).toBe(true);
    const source = readFileSync(file, "utf8");
    expect(parseError(source)).toBeNull();
    // Lookbehind groups: valid ES2018 for acorn, a SyntaxError in Safari before 16.4.
    expect(source).not.toMatch(/\(\?<[=!]/);
  });
});
