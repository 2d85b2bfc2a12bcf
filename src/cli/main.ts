/** Entry of the `pe-score` command: dispatches verbs; exit 0 scored, 1 input errors, 2 bad usage. */
import { CLI } from "../text/cli";
import { run as runCase, UsageError } from "./case";

type Verb = (args: string[]) => Promise<number>;

const VERBS: Record<string, () => Promise<Verb>> = {
  case: async () => runCase,
  score: async () => (await import("./score")).run,
  init: async () => (await import("./init")).run,
};

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === "help" || verb === "--help" || verb === "-h") {
    console.log(CLI.usage);
    return verb ? 0 : 2;
  }
  const load = VERBS[verb];
  if (!load) {
    console.error(`${CLI.unknownVerb(verb)}\n\n${CLI.usage}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 3;
    },
  );
}
