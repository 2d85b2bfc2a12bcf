const { rmSync } = require("fs");

module.exports = async () => {
  if (process.env.PE_E2E_DIST_OWNED && process.env.PE_E2E_DIST)
    rmSync(process.env.PE_E2E_DIST, { recursive: true, force: true });
};
