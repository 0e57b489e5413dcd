// Builds the task pane into dist/: taskpane.html (the add-in Excel opens) and test-host.html (the
// same pane over an in-memory workbook, for browser tests; never referenced by the manifest).
// `webpack --mode production` builds; `webpack serve --mode development` serves https://localhost:3000
// with the Office development certificate (office-addin-dev-certs), and office.js from the
// @microsoft/office-js package (the build loads it from Microsoft's CDN).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_PORT = 3000;
/** Where the built add-in loads office.js: Microsoft's CDN, as the store requires. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The @microsoft/office-js package's files, which the dev server serves under /office-js. */
const OFFICE_JS_PACKAGE = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist",
);

/** HTTPS options for the dev server: the Office development certificate, made on first use. */
async function devServerHttps() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      "test-host": "./src/taskpane/testHost.tsx",
      // The planning worker (src/taskpane/state/planning.worker.ts), started by the page by its
      // fixed name (see startPlanningWorker): one file, no chunks to load beside it.
      "planning-worker": "./src/taskpane/state/planning.worker.ts",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: (pathData) =>
        pathData.chunk?.name === "planning-worker"
          ? "planning-worker.js"
          : production
            ? "[name].[contenthash:8].js"
            : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // Sources name a lazily loaded TypeScript module by its ".js" output path.
      extensionAlias: { ".js": [".tsx", ".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Types are checked by `npm run typecheck`; the bundle only needs JavaScript, as ES
              // modules so that webpack can split the lazily loaded parts into their own files.
              transpileOnly: true,
              configFile: path.join(__dirname, "tsconfig.json"),
              compilerOptions: {
                module: "esnext",
                moduleResolution: "bundler",
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The dev server serves office.js from the package; the build loads it from the CDN.
        officeJs: serving ? "office-js/office.js" : OFFICE_JS_CDN,
      }),
      new HtmlWebpackPlugin({
        filename: "test-host.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["test-host"],
        officeJs: false,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }],
      }),
    ],
    optimization: {
      // The page loads only what its first paint needs (React, Fluent's provider, theme and
      // spinner: the "vendor" file, and the entry); the pane itself, its later steps and the chart
      // are imported when needed, and their libraries (Fluent's controls, zod) are split off with
      // them by the default groups.
      splitChunks: {
        // The worker's file holds all it needs: a worker cannot load the page's chunks.
        chunks: (chunk) => chunk.name !== "planning-worker",
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.canBeInitial() && chunk.name !== "planning-worker",
            priority: 10,
          },
          common: {
            name: "common",
            minChunks: 2,
            chunks: (chunk) => chunk.canBeInitial() && chunk.name !== "planning-worker",
            priority: 5,
          },
        },
      },
    },
    performance: {
      // The first load is React and Fluent's core (about 290 KB, 90 KB gzip); the pane's largest
      // lazily loaded file is about 320 KB. `npm run bench` measures the first load gzipped.
      maxEntrypointSize: 500_000,
      maxAssetSize: 500_000,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devServerHttps() },
          static: [
            { directory: path.join(__dirname, "assets"), publicPath: "/assets" },
            { directory: OFFICE_JS_PACKAGE, publicPath: "/office-js", watch: false },
          ],
        }
      : undefined,
  };
};
