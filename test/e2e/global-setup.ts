/** One production build for all browser tests (each file would otherwise build its own). */
import { buildInto } from "./helpers";

export default function globalSetup(): void {
  if (process.env.PE_E2E_DIST) return;
  process.env.PE_E2E_DIST = buildInto("pe-e2e-");
  process.env.PE_E2E_DIST_OWNED = "1";
}
