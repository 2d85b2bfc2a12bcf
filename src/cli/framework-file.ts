/** Framework files given on the command line (`--rules`, `rules check`): read and checked. */
import { readFileSync } from "node:fs";
import { parseFrameworkText, type FrameworkCheck } from "../engine";
import { CLI, FILE_ERRORS, RULES_CLI } from "../text/cli";
import { UsageError } from "./args";

/** The file's text; a file that cannot be read is a usage error in Chinese. */
export function readFrameworkFile(path: string): { text: string; check: FrameworkCheck } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new UsageError(FILE_ERRORS[code]?.(path) ?? CLI.cannotRead(path, code || String(e)));
  }
  return { text, check: parseFrameworkText(text) };
}

/** The problems of a framework file as the CLI prints them: a header, then one numbered line each. */
export function problemLines(path: string, problems: string[]): string {
  return [RULES_CLI.problems(path, problems.length), ...problems.map((p, i) => `  ${i + 1}. ${p}`)].join("\n");
}
