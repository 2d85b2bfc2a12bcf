/** The CLI run in-process with its output captured (as the user sees it), for the CLI tests. */
import { main } from "../../src/cli/main";

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
  const error = jest.spyOn(console, "error").mockImplementation((s: unknown) => void err.push(String(s)));
  try {
    const code = await main(argv);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
