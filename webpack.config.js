/* Build of the Practice Ledger Excel add-in (yo office "Excel Custom Functions using a Shared
 * Runtime" layout). Output in dist/:
 *   taskpane.html   the one page of the shared runtime: loads Office.js, then the taskpane,
 *                   functions and commands bundles (manifest.xml names it Taskpane.Url for the
 *                   runtime, the custom functions Page, the FunctionFile and the ribbon button)
 *   functions.js    custom functions (+ CustomFunctions.associate calls added by the plugin)
 *   functions.json  custom functions metadata generated from the JSDoc of src/functions/functions.ts
 *   help.html, assets/icon-*.png, manifest.xml
 * Type checking is not done here (esbuild-loader transpiles only): `npm run typecheck` does it. */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const { FunctionsJsonOptionsPlugin } = require("./scripts/functionsJsonOptions");

/**
 * The oldest engines the supported Office builds host the add-in in (README, "Supported Excel"):
 * - Excel on Mac (16.35 and later): Safari's WKWebView, which is the macOS's own Safari. Office
 *   for Mac supports the three latest macOS versions (Safari 16 and later); Safari 14.1 (macOS
 *   10.14 and later, once updated) is kept as a margin, and is also the oldest Safari esbuild
 *   lowers destructuring for;
 * - Excel on Windows with a <Runtimes> element (our shared runtime): WebView2 (Chromium based,
 *   evergreen), never EdgeHTML, and Trident (IE 11) only where SharedRuntime 1.1 is missing anyway;
 * - Excel on the web: the user's browser.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * test/skeleton/bundleSyntax.test.ts parses the built bundles at ES2020 (no class fields, no
 * `static {}` blocks, no `??=`), which Safari 14.1 parses.
 */
const BROWSER_TARGETS = ["es2020", "safari14.1", "chrome80", "edge80", "firefox78"];

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Dev certificates made by office-addin-dev-certs (scripts/start.mjs makes them), or null. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return null;
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

function devServerTransport() {
  const certs = devCertificates();
  if (certs !== null) return { type: "https", options: certs };
  console.warn(
    "[practice-ledger] No dev certificates in ~/.office-addin-dev-certs: serving HTTPS with " +
      "webpack-dev-server's own self-signed certificate, which Excel will not trust. " +
      "Run `npx office-addin-dev-certs install` (or `npm start`) to create them.",
  );
  return "https";
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  // A production deployment replaces the dev URL in the copied manifest when ADDIN_PUBLIC_URL
  // is set (for example https://addin.example.org/); otherwise the manifest is copied as is.
  const publicUrl = process.env.ADDIN_PUBLIC_URL;

  const config = {
    mode: dev ? "development" : "production",
    // No eval-based devtool: the Content-Security-Policy of taskpane.html forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (the panels after the first, the handout writer): named by what
      // they hold, with a content hash so a cached chunk of an earlier version is never paired
      // with a newer taskpane.js. "auto": loaded from where taskpane.js itself came from (the
      // add-in's own origin, the only one the Content-Security-Policy of taskpane.html allows,
      // on the dev server and wherever dist/ is deployed), as <script> tags, never eval.
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        // Our TypeScript and every JavaScript module from node_modules are lowered to the oldest
        // engine the supported Office builds run add-ins in (BROWSER_TARGETS): node_modules ship
        // ES2022 (class `static {}` blocks, `??=`, class fields) that Safari 13's WKWebView cannot
        // parse, which leaves a blank pane. Type checking is `npm run typecheck`'s job.
        { test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { loader: "tsx", target: BROWSER_TARGETS } },
        { test: /\.m?js$/, loader: "esbuild-loader", options: { loader: "js", target: BROWSER_TARGETS } },
        // src/core (pure functions, README "Architecture") and src/office (functions over Office.js)
        // run nothing when imported: only what a bundle uses of them is bundled, also through the
        // `export *` of src/taskpane/operations.ts. Without this, importing one operation from
        // that barrel brought every operation and its core (ERA posting, templates, ...) into
        // the pane's first load.
        { test: /[\\/]src[\\/](core|office)[\\/]/, sideEffects: false },
      ],
    },
    // The minifier must not raise the syntax level again.
    optimization: { minimizer: [new EsbuildPlugin({ target: BROWSER_TARGETS })] },
    plugins: [
      // Fails the build (compilation error) when the JSDoc of a function is not valid metadata.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      // Adds allowErrorForDataTypeAny, which the generator does not write (scripts/functionsJsonOptions.js).
      new FunctionsJsonOptionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev || !publicUrl) return content;
              const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
              return content.toString().split(DEV_URL).join(base);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
  };

  if (dev) {
    config.devServer = {
      host: "localhost",
      port: DEV_PORT,
      server: devServerTransport(),
      static: false, // everything is served from the compilation (dist/ in memory)
      // Excel (another origin) fetches functions.json and functions.js.
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
