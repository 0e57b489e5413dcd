import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

// Names that must never be imported by the pure layers (src/engine, src/sheets).
const impureModules = [
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "office-js",
  "@microsoft/office-js",
  "exceljs",
  "node:*",
  "fs",
  "fs/*",
  "path",
  "os",
  "child_process",
  "crypto",
  "stream",
  "util",
  "buffer",
  "url",
  "zlib",
  "events",
];

export default tseslint.config(
  { ignores: ["build/", "dist/", "coverage/", "node_modules/", "bench/.work/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**/*.ts", "src/sheets/**/*.ts", "src/sample/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: impureModules,
              message: "src/engine and src/sheets are pure: no Office, DOM, React or Node imports.",
            },
            {
              group: [
                "**/excel",
                "**/excel/**",
                "**/xlsx",
                "**/xlsx/**",
                "**/taskpane",
                "**/taskpane/**",
                "**/cli",
                "**/cli/**",
              ],
              message: "Dependencies point inward: engine and sheets never import the ports or UI.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/engine and src/sheets are pure: no Office." },
        { name: "Excel", message: "src/engine and src/sheets are pure: no Excel." },
        { name: "window", message: "src/engine and src/sheets are pure: no DOM." },
        { name: "document", message: "src/engine and src/sheets are pure: no DOM." },
        { name: "process", message: "src/engine and src/sheets are pure: no Node." },
        { name: "require", message: "src/engine and src/sheets are pure: no Node." },
      ],
    },
  },
  // What each outer folder may import: cli | taskpane → workflow → (xlsx | excel) → sheets → engine.
  ...[
    {
      files: ["src/workflow/**/*.ts"],
      forbidden: ["excel", "xlsx", "taskpane", "cli"],
      extra: impureModules,
      message: "src/workflow uses engine and sheets only; a port is handed to it.",
    },
    {
      files: ["src/xlsx/**/*.ts"],
      forbidden: ["excel", "workflow", "taskpane", "cli"],
      extra: ["react", "react-dom", "@fluentui/*", "exceljs", "jszip"],
      message:
        "src/xlsx is a port: it uses engine and sheets, never the workflow, Excel or the UI; it reads and writes .xlsx packages itself (ExcelJS and JSZip are test tools, devDependencies).",
    },
    {
      files: ["src/excel/**/*.ts"],
      forbidden: ["xlsx", "workflow", "taskpane", "cli"],
      extra: ["react", "react-dom", "@fluentui/*", "exceljs", "node:*", "fs", "path"],
      message:
        "src/excel is a port: it uses engine and sheets, never the workflow, files or the UI.",
    },
    {
      files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
      forbidden: ["xlsx", "cli"],
      extra: ["exceljs", "node:*", "fs", "path"],
      message:
        "The task pane uses the workflow and the Excel port, never files or the command line.",
    },
    {
      files: ["src/cli/**/*.ts"],
      forbidden: ["excel", "taskpane"],
      extra: ["react", "react-dom", "@fluentui/*", "exceljs", "jszip"],
      message: "stp uses the workflow and the file port, never Excel or the task pane.",
    },
  ].map(({ files, forbidden, extra, message }) => ({
    files,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: extra, message },
            { group: forbidden.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message },
          ],
        },
      ],
    },
  })),
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
