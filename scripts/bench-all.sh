#!/usr/bin/env bash
# npm run bench: every measured quality in one run (see README "Benchmarks").
#   batch throughput (read → rescore → patch, in-process and through the CLI),
#   Office round trips per rescoring on the fake + gzip size of what taskpane.html loads,
#   time to an interactive pane in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== build (production) =="
npx webpack --mode production >/dev/null
npm run --silent prepare
echo "== batch =="
npx tsx scripts/bench.ts --n "${BENCH_N:-200}" --cli
echo "== office =="
npx tsx scripts/bench-office.ts
echo "== pane =="
PE_E2E_DIST="$PWD/dist" npx tsx scripts/bench-pane.ts
