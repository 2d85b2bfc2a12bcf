/** Framework files given on the command line (`--rules`, `rules check`): read and checked. */
import { parseFrameworkText, type FrameworkCheck } from "../engine";
import { RULES_CLI } from "../text/cli";
import { readText } from "./files";

/** The file's text; a file that cannot be read is a usage error in Chinese. */
export function readFrameworkFile(path: string): { text: string; check: FrameworkCheck } {
  const text = readText(path);
  return { text, check: parseFrameworkText(text) };
}

/** The problems of a framework file as the CLI prints them: a header, then one numbered line each. */
export function problemLines(path: string, problems: string[]): string {
  return [RULES_CLI.problems(path, problems.length), ...problems.map((p, i) => `  ${i + 1}. ${p}`)].join("\n");
}
