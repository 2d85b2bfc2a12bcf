/**
 * Entry of the `pe-score` command: dispatches verbs. Exit 0 scored, 1 problems in the workbooks
 * or data (all listed), 2 bad usage, 3 an internal error (a Chinese message; the stack only with
 * PE_DEBUG=1).
 */
import { CLI } from "../text/cli";
import { HelpRequested, UsageError } from "./args";

type Verb = (args: string[]) => number | Promise<number>;

const VERBS: Record<string, () => Promise<Verb>> = {
  case: async () => (await import("./case")).run,
  score: async () => (await import("./score")).run,
  init: async () => (await import("./init")).run,
  rules: async () => (await import("./rules")).run,
};

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === "--help" || verb === "-h") {
    console.log(CLI.usage);
    return verb ? 0 : 2;
  }
  if (verb === "help") {
    console.log(CLI.help[rest[0] ?? ""] ?? CLI.usage);
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    console.error(`${CLI.unknownVerb(verb)}\n\n${CLI.usage}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest);
  } catch (e) {
    if (e instanceof HelpRequested) {
      console.log(CLI.help[e.verb] ?? CLI.usage);
      return 0;
    }
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

/** Runs main for a process: an unexpected error is exit 3 with a Chinese message. */
export function runProcess(argv: string[]): void {
  main(argv).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(CLI.internal(e instanceof Error ? e.message : String(e)));
      if (process.env.PE_DEBUG) console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) runProcess(process.argv.slice(2));
