// @ts-check
/**
 * Lint: typescript-eslint with type information, React hooks, Microsoft's Office add-in rules on
 * the only code that talks to Excel, and the project's layers as import zones (CONTRIBUTING.md):
 *
 *   text ← engine ← workbook ← hosts ← pane / CLI / ribbon
 *
 * The engine imports nothing but the text and decimal.js; the workbook contract never imports a
 * host or the pane; only src/hosts/office/ touches Excel's object model.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";

/** Imports a layer may not make (globs over the specifier). */
const zone = (files, patterns, message, allowTypeImports = false) => ({
  files,
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: [{ group: patterns, message, allowTypeImports }] },
    ],
  },
});

const UI = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const NODE = ["node:*", "fs", "path", "os", "child_process", "zlib"];

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Text written to a cell never becomes a formula, and no code is ever built from text.
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "off",
      "@typescript-eslint/no-implied-eval": "error",
    },
  },
  {
    files: ["**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Microsoft's rules for code that queues Office.js loads and syncs.
    files: ["src/hosts/office/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  zone(
    ["src/text/**"],
    [
      "**/engine/**",
      "**/workbook/**",
      "**/hosts/**",
      "**/taskpane/**",
      "**/cli/**",
      "**/commands/**",
      ...UI,
      ...NODE,
      "decimal.js",
    ],
    "src/text holds words only (it may name the engine's types).",
    true,
  ),
  zone(
    ["src/engine/**"],
    ["**/workbook/**", "**/hosts/**", "**/taskpane/**", "**/cli/**", "**/commands/**", ...UI, ...NODE, "fflate"],
    "The scoring core imports only src/text and decimal.js (it is pure).",
  ),
  zone(
    ["src/workbook/**"],
    ["**/hosts/**", "**/taskpane/**", "**/cli/**", "**/commands/**", ...UI, ...NODE, "fflate"],
    "The workbook contract is pure: no host, no pane, no I/O.",
  ),
  zone(
    ["src/hosts/**"],
    ["**/taskpane/**", "**/cli/**", "**/commands/**", ...UI],
    "A host serves the pane, the CLI and the ribbon; it imports none of them.",
  ),
  {
    // Only the Office host touches Excel's object model.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/hosts/office/**"],
    rules: { "no-restricted-globals": ["error", { name: "Excel", message: "Only src/hosts/office/ talks to Excel." }] },
  },
  {
    // Tests and scripts drive the code with fakes and fixtures: the strictest type rules on
    // untyped test data add noise, not safety.
    files: ["test/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/require-await": "off",
      // Tests load a module afresh (jest.isolateModules) and fakes alias `this` in property getters.
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-this-alias": "off",
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
  {
    // Request builders (read.ts) queue loads and return a finisher that reads them after the
    // batch's sync, which runRequests does: the order the rules check is not the order things run.
    files: ["src/hosts/office/read.ts"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/call-sync-after-load": "off" },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: null },
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        window: "readonly",
        document: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
);
