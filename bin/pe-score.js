#!/usr/bin/env node
// Runs the compiled CLI (lib/ is built by `npm run prepare`, which `npm ci` runs).
"use strict";
require("../lib/cli/main.js").runProcess(process.argv.slice(2));
