#!/usr/bin/env node
// Runs the compiled CLI (lib/ is built by `npm run prepare`, which `npm ci` runs).
"use strict";
const { main } = require("../lib/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 3;
  },
);
