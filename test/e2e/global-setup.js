// One production build for all browser tests (each file would otherwise build its own).
const { execFileSync } = require("child_process");
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = async () => {
  if (process.env.PE_E2E_DIST) return;
  const root = join(__dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "pe-e2e-"));
  execFileSync(
    process.execPath,
    [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `outdir=${dir}`],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
  process.env.PE_E2E_DIST = dir;
  process.env.PE_E2E_DIST_OWNED = "1";
};
