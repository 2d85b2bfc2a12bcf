/**
 * npm run selfcheck: the 自检 probes (src/hosts/office/selfcheck.ts) against the typed fake of
 * Excel, since CI has no Excel: once as a client that accepts methods on null objects and once as
 * one that refuses them (the host then reads the documented way). One line per probe, then
 * `N passed, M failed`; exit status 0 only with none failed. In a real Excel the same probes run
 * from the pane (设置 → 自检).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runSelfCheck } from "../src/hosts/office/selfcheck";
import { fakeFromXlsx } from "../test/fakes/fromSnapshot";

const SAMPLE = join(__dirname, "../assets/samples/seed-004-city-2021.xlsx");

async function main(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const [label, strict] of [
    ["fake Excel (null-object chains accepted)", false],
    ["fake Excel (null-object chains refused)", true],
  ] as const) {
    const data = fakeFromXlsx(new Uint8Array(readFileSync(SAMPLE)));
    data.nullChainThrows = strict;
    const report = await runSelfCheck({
      run: data.delayedRun,
      grouped: data.groupedRun,
      support: (v) => Number(v.split(".")[1]) <= 20,
      eventWaitMs: 100,
    });
    console.log(`== ${label}`);
    for (const p of report.probes) console.log(`${p.ok ? "✓ pass" : "✗ FAIL"}  ${p.title}：${p.evidence}`);
    passed += report.passed;
    failed += report.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
