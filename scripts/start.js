#!/usr/bin/env node
/**
 * npm start: sideload into desktop Excel where office-addin-debugging can (Windows, macOS),
 * otherwise say so and just run the https dev server (Excel on the web can then upload
 * manifest.xml; outside Office the pane opens in its preview mode).
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (p) => path.join(root, "node_modules", p);
const canSideload = process.platform === "win32" || process.platform === "darwin";

function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

if (canSideload && !process.argv.includes("--server-only")) {
  // Starts the dev server itself (package.json config / dev-server script) and sideloads manifest.xml.
  run([bin("office-addin-debugging/cli.js"), "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  console.log(
    [
      "本机无法自动旁加载到桌面版 Excel（仅支持 Windows 和 macOS），现在只启动开发服务器 https://localhost:3000/。",
      "可在网页版 Excel 中通过“开始 → 加载项 → 更多设置 → 上传我的加载项”上传 manifest.xml；",
      "直接用浏览器打开 https://localhost:3000/taskpane.html 时面板以预览模式运行。",
      "",
      "Cannot sideload into desktop Excel on this platform (only Windows and macOS); starting the dev server only",
      "at https://localhost:3000/. Upload manifest.xml in Excel on the web (Home > Add-ins > More Settings >",
      "Upload My Add-in), or open https://localhost:3000/taskpane.html in a browser for the preview mode.",
    ].join("\n"),
  );
  run([bin("webpack/bin/webpack.js"), "serve", "--mode", "development"]);
}
