// Runs the compiled CLI once in this process and reports its time and peak memory on stderr as
// JSON (scripts/bench.ts spawns it per workbook). stdout of the CLI is discarded.
"use strict";
const { main } = require("../lib/cli/main.js");
console.log = () => undefined;
const t0 = process.hrtime.bigint();
main(process.argv.slice(2)).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
});
