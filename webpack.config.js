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
 *   webpack --mode production --env shell          only the bench's pages (never shipped): a bare React +
 *                                                  Fluent page (shell.html), the yardstick of
 *                                                  scripts/bench-pane.ts, and its scripted Excel
 *   webpack --env sourcemap                        source maps, to see what the bundles are made of
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

/**
 * What the pane needs next is fetched while taskpane.js is still being evaluated, not after it. An
 * ES5 inline script finds from the URL what that is: inside Office, the Office host's chunk and, at
 * low priority after the pane's own script, the scoring core (and what it shares with other
 * chunks); outside it, preview mode's chunk and the first sample with its snapshot.
 */
class PreloadPaneChunks {
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadPaneChunks", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PreloadPaneChunks", (data) => {
        if (data.outputName !== "taskpane.html") return data;
        const filesOf = (name) =>
          (compilation.namedChunkGroups.get(name)?.chunks ?? [])
            .flatMap((c) => [...c.files])
            .filter((f) => f.endsWith(".js"));
        const core = filesOf("core");
        const preview = filesOf("preview").filter((f) => !core.includes(f));
        const excel = filesOf("excel").filter((f) => !core.includes(f));
        // The URLs of src/taskpane/preview/sample.ts (sampleUrls); a browser test checks they agree.
        const sample = `samples/${encodeURIComponent(bootText.samples[0].file)}`;
        // Chromium fetches a deferred script at low priority and a preload at high: without this the
        // core's preloads (several times the size of taskpane.js) would be served before it.
        for (const tag of data.headTags) {
          if (tag.tagName === "script" && tag.attributes.src) tag.attributes.fetchpriority = "high";
        }
        const modeScript =
          `(function(){var h=document.head,o=/[?&]_host_Info=/i.test(location.search),f=o?${JSON.stringify(excel)}:${JSON.stringify(preview)},c=${JSON.stringify(core)},i,l;` +
          `function p(u,a,r){l=document.createElement("link");l.rel="preload";l.as=a;l.href=u;if(r)l.setAttribute("fetchpriority",r);if(a==="fetch")l.crossOrigin="anonymous";h.appendChild(l);}` +
          // The mode's chunks run as soon as they arrive (webpack finds them installed when the pane asks).
          `for(i=0;i<f.length;i++){l=document.createElement("script");l.src=f[i];l.async=true;h.appendChild(l);}` +
          // Inside Office reading the workbook needs the core at once: it comes right after the pane's
          // own files. Preview mode's first view needs no core: the pane fetches it after first paint.
          `if(o)for(i=0;i<c.length;i++)p(c[i],"script","low");else{p(${JSON.stringify(sample)},"fetch");p(${JSON.stringify(sample + ".snapshot.json")},"fetch");}})();`;
        data.headTags.push({
          tagName: "script",
          voidTag: false,
          meta: { plugin: "PreloadPaneChunks" },
          innerHTML: modeScript,
          attributes: {},
        });
        return data;
      });
    });
  }
}

/**
 * Preview mode's samples ship with their snapshot (src/taskpane/preview/sample.ts): each
 * assets/samples/*.xlsx is read by the pane's own reader (scripts/sample-snapshots.ts, in a child
 * process so webpack's cache sees no TypeScript among the config's dependencies) and emitted as
 * samples/<file>.snapshot.json, in every build.
 */
class SampleSnapshots {
  apply(compiler) {
    const dir = path.join(__dirname, "assets/samples");
    compiler.hooks.thisCompilation.tap("SampleSnapshots", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SampleSnapshots", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const out = execFileSync(
            process.execPath,
            ["--import", "tsx", path.join(__dirname, "scripts/sample-snapshots.ts"), dir],
            { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
          );
          for (const [file, json] of Object.entries(JSON.parse(out.toString("utf8")))) {
            compilation.fileDependencies.add(path.join(dir, file));
            compilation.emitAsset(`samples/${file}.snapshot.json`, new compiler.webpack.sources.RawSource(json));
          }
        },
      );
    });
  }
}

/** A short, file-safe name for the build variant (the settings that change the output). */
function variantName(mode, env) {
  const settings = JSON.stringify([
    mode || "production",
    env.url || "",
    env.officejs || "cdn",
    !!env.sourcemap,
    !!env.shell,
  ]);
  return `${mode || "production"}-${require("crypto").createHash("sha256").update(settings).digest("hex").slice(0, 12)}`;
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
        content.toString().split(DEV_URL).join(prodUrl).split(DEV_URL.replace(/\/$/, "")).join(new URL(prodUrl).origin),
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

  // The bench's pages are a build of their own: had they entries in the add-in's build, webpack
  // would mangle shared modules' exports differently, and the pane timed would not be the one shipped.
  const entry = env.shell
    ? {
        shell: ["./scripts/bench-shell/shell.tsx"],
        // The bench's scripted Excel (stands in for office.js inside "Office"), no page of its own.
        "excel-host": ["./scripts/bench-shell/excel-host.ts"],
      }
    : {
        taskpane: ["./src/taskpane/index.tsx"],
        commands: ["./src/commands/commands.ts"],
        dialog: ["./src/commands/dialog.ts"],
      };
  const pages = env.shell
    ? [page("shell", "./scripts/bench-shell/shell.html", ["shell"])]
    : [
        page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
        page("commands", "./src/commands/commands.html", ["commands"]),
        page("dialog", "./src/commands/dialog.html", ["dialog"]),
        page("unsupported", "./src/commands/unsupported.html", []),
      ];

  return {
    devtool: dev ? "eval-source-map" : env.sourcemap ? "source-map" : false,
    entry,
    output: {
      // --env outdir=... lets tests build elsewhere without clobbering dist/.
      path: path.resolve(__dirname, env.outdir || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Griffel's ahead-of-time transform (on ts-loader's output): makeStyles() calls become
            // precomputed class names and CSS, so the pane compiles no styles when it starts.
            { loader: "@griffel/webpack-loader" },
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
          ],
        },
      ],
    },
    // The bench's build is its pages alone: no samples, snapshots, manifest or icons to make.
    plugins: env.shell
      ? pages
      : [...pages, new PreloadPaneChunks(), new SampleSnapshots(), new CopyWebpackPlugin({ patterns: copies })],
    performance: { hints: false },
    // The pane runs in WebView2 / WKWebView / current browsers only (no IE11): let webpack's runtime
    // and Terser write ES2020 instead of ES5-safe code.
    target: ["web", "es2020"],
    // One filesystem cache per build variant (mode and --env settings), so the variants the tests
    // build (default, intranet, shell) do not evict each other; an unchanged rebuild then reuses
    // every module instead of compiling again.
    cache: serving
      ? { type: "memory" }
      : {
          type: "filesystem",
          name: variantName(options.mode, env),
          buildDependencies: { config: [__filename] },
        },
    optimization: {
      // Terser passes measured (README "Benchmarks"): 2 saves 240 bytes of taskpane.js gzip over 1;
      // 3 saves 6 more. Build time does not differ beyond noise.
      minimizeOptions: { javascript: { ecma: 2020, compress: { passes: 2, ecma: 2020 }, format: { ecma: 2020 } } },
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
