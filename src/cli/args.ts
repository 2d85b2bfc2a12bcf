/**
 * Options of a verb (node:util parseArgs) with the project's conventions: every verb takes
 * -h/--help, and a bad option is a UsageError in Chinese (exit 2), never parseArgs's English.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CLI } from "../text/cli";

export class UsageError extends Error {}

/** The user asked for a verb's help (printed by main, exit 0). */
export class HelpRequested extends Error {
  constructor(readonly verb: string) {
    super(verb);
  }
}

function chinese(verb: string, e: unknown): UsageError {
  const err = e as { code?: string; message?: string };
  const opt = /'(-[^'\s]+)/.exec(err.message ?? "")?.[1] ?? "";
  const what =
    err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? CLI.unknownOption(opt)
      : err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
        ? CLI.missingValue(opt)
        : CLI.badOption(err.message ?? String(e));
  return new UsageError(`${what}\n${CLI.seeHelp(verb)}`);
}

export function parseVerbArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  verb: string,
  args: string[],
  options: O,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (e) {
    throw chinese(verb, e);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested(verb);
  return parsed;
}
