// ESLint 9 flat config (`npm run lint` = eslint src test scripts bench).
// - JavaScript: eslint recommended. TypeScript (.ts/.tsx): typescript-eslint recommended.
// - src/ (except the Node-only src/files/ and src/cli/): the Office add-in rules of eslint-plugin-office-addins (load before read, sync before
//   read, no context.sync() in loops, ...), as its own "recommended" config sets them, without
//   that config's prettier/formatting rules.
// - `any` is allowed in src/functions/ (custom function arguments arrive untyped from Excel) and
//   in tests.

import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

export default defineConfig([
  globalIgnores(["dist/**", "node_modules/**", "coverage/**", "out/**", ".tmp/**"]),

  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js"],
    languageOptions: { sourceType: "commonjs" },
  },

  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
  },

  {
    // Office.js rules for the code that runs in the add-in. src/files/ and src/cli/ run in Node
    // with ExcelJS, whose ws.getCell() returns a plain object (no load()/sync() exists there), so
    // these rules only give false positives on them.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/files/**", "src/cli/**"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },

  {
    files: ["src/functions/**/*.ts", "test/**/*.{ts,tsx}", "**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
