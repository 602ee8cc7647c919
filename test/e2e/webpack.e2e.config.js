/* Build of the e2e page of the task pane (dist-e2e/ by default, or E2E_OUT_DIR): the same React
 * app as dist/taskpane.html (src/taskpane/index.tsx) preceded by test/e2e/shim.ts, which stands in
 * for Office.js over the simulated Excel host, in a page without the office.js <script>.
 * The page runs the real src/office/operations against the simulated host. */

const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.resolve(__dirname, "..", "..");
module.exports = (env = {}) => {
  const outDir = env.outDir || process.env.E2E_OUT_DIR || path.join(ROOT, "dist-e2e");
  const plugins = [
    new HtmlWebpackPlugin({ filename: "index.html", template: path.join(__dirname, "e2e.html"), chunks: ["taskpane"] }),
  ];
  return {
    mode: "production",
    context: ROOT,
    devtool: false,
    entry: { taskpane: [path.join(__dirname, "shim.ts"), path.join(ROOT, "src", "taskpane", "index.tsx")] },
    // Panels after the first are chunks loaded on first opening (src/taskpane/lazyPanel.tsx), named
    // panel-<id>.js here so the test can hold one back.
    output: { path: outDir, filename: "[name].js", chunkFilename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        // As in webpack.config.js: src/core and src/office run nothing when imported, so the page is
        // built with the same module pruning the shipped pane has.
        { test: /[\\/]src[\\/](core|office)[\\/]/, sideEffects: false },
      ],
    },
    plugins,
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
