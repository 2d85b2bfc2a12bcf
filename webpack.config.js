/* eslint-disable no-undef */
/**
 * Build of the Excel add-in pages (taskpane, commands, dialog) and the deployable manifest.
 *
 *   webpack --mode production                      office.js from Microsoft's CDN, dev URLs
 *   webpack --mode production --env url=https://intranet.example/pe-score/
 *                                                  manifest URLs rewritten for that server
 *   webpack --mode production --env officejs=local office.js copied into dist/office/ (offline
 *                                                  intranet; not supported by Microsoft)
 *   webpack --env officejs=<url>                   any other office.js URL (tests use a missing one)
 *   webpack serve --mode development               https://localhost:3000 with dev certificates
 *
 * Differences from the `yo office` template, on purpose: no core-js / regenerator / es6-promise
 * (ExcelApi 1.13 hosts run WebView2/WKWebView/modern browsers, Fluent v9 has no IE11, and the pages
 * tell an old webview what it needs in ES5 of their own), no
 * source maps shipped in production, ts-loader transpileOnly (type-checking is `npm run typecheck`),
 * certificates read from ~/.office-addin-dev-certs directly (getHttpsServerOptions rejects when
 * the CA cannot be trusted without sudo).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const bootText = require("./src/text/boot.json");

/** Dev certificates: read them, and create them once if missing (trusting them is manual; see README "Dev certificates"). */
function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) {
    // `install` generates the files and then tries to trust the CA; that step needs admin rights
    // and may fail (it does on Linux without sudo) - the files are what we need.
    try {
      execFileSync(process.execPath, [require.resolve("office-addin-dev-certs/cli.js"), "install", "--days", "30"], {
        stdio: "inherit",
      });
    } catch {
      // fall through: checked below
    }
  }
  if (!Object.values(paths).every((p) => fs.existsSync(p))) {
    throw new Error(`No dev certificates in ${dir}. Run: npx office-addin-dev-certs install`);
  }
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

function normaliseUrl(url) {
  if (!/^https:\/\//.test(url)) throw new Error(`--env url must be https: ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = !!env.WEBPACK_SERVE;
  const prodUrl = env.url ? normaliseUrl(env.url) : DEV_URL;
  const officeJsMode = env.officejs || "cdn";
  const localOfficeJs = officeJsMode === "local";
  const officeJs = localOfficeJs ? "office/office.js" : officeJsMode === "cdn" ? CDN_OFFICE_JS : officeJsMode;

  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      officeJs,
      text: bootText,
      scriptLoading: "defer",
      minify: !dev,
    });

  const copies = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    // Preview mode (the pane in a plain browser) offers these sample workbooks.
    { from: "assets/samples/*.xlsx", to: "samples/[name][ext]" },
    { from: "src/commands/help.html", to: "help.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      // Full URLs get the deployment base; the AppDomain (an origin, no path) gets its origin.
      transform: (content) =>
        content
          .toString()
          .split(DEV_URL)
          .join(prodUrl)
          .split(DEV_URL.replace(/\/$/, ""))
          .join(new URL(prodUrl).origin),
    },
  ];
  if (localOfficeJs) {
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office",
      globOptions: { ignore: ["**/*.debug.js", "**/*-vsdoc.js"] },
      // Already minified: without this Terser re-minifies ~30 MB and the build takes minutes.
      info: { minimized: true },
    });
  }

  return {
    devtool: dev ? "eval-source-map" : false,
    entry: {
      taskpane: ["./src/taskpane/index.tsx"],
      commands: ["./src/commands/commands.ts"],
      dialog: ["./src/commands/dialog.ts"],
    },
    output: {
      // --env outdir=... lets tests build elsewhere without clobbering dist/.
      path: path.resolve(__dirname, env.outdir || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Fluent's react-context-selector imports `scheduler`, a peer dependency that npm leaves
      // nested under react-dom here (peers are omitted); use react-dom's own copy.
      alias: { scheduler: path.dirname(require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] })) },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      page("dialog", "./src/commands/dialog.html", ["dialog"]),
      page("unsupported", "./src/commands/unsupported.html", []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    // The pane runs in WebView2 / WKWebView / current browsers only (no IE11): let webpack's runtime
    // and Terser write ES2020 instead of ES5-safe code.
    target: ["web", "es2020"],
    optimization: {
      minimizeOptions: { javascript: { ecma: 2020, compress: { passes: 3, ecma: 2020 }, format: { ecma: 2020 } } },
    },
    devServer: serving
      ? {
          host: "localhost",
          port: PORT,
          hot: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: devCerts() },
          static: false,
        }
      : undefined,
  };
};
