/**
 * `pe-score rules export <规则集>` prints a built-in framework file; `pe-score rules check FILE`
 * lists every problem of a framework file in Chinese (exit 1 with any); `pe-score rules schema`
 * prints the JSON Schema editors validate framework files with.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinRuleSet, builtinRuleSetNames, findRuleSetId, indicatorsOf } from "../engine";
import { frameworkText } from "../workbook/framework-sheet";
import { FRAMEWORK } from "../text/framework";
import { RULES_CLI } from "../text/cli";
import { parseVerbArgs, UsageError } from "./args";
import { problemLines, readFrameworkFile } from "./framework-file";

/** schemas/ beside src/ and lib/ alike. */
const SCHEMA = join(__dirname, "..", "..", "schemas", "framework.schema.json");

export function run(args: string[], out: (s: string) => void = console.log): number {
  const parsed = parseVerbArgs("rules", args, {});
  const [sub, arg, ...rest] = parsed.positionals;
  if (!sub) throw new UsageError(RULES_CLI.needSub);
  if (rest.length) throw new UsageError(RULES_CLI.unknownSub(rest.join(" ")));
  switch (sub) {
    case "export": {
      if (!arg) throw new UsageError(RULES_CLI.needId(builtinRuleSetNames()));
      const id = findRuleSetId(arg);
      const rs = id ? builtinRuleSet(id) : undefined;
      if (!rs) throw new UsageError(RULES_CLI.unknownId(arg, builtinRuleSetNames()));
      out(frameworkText(rs).trimEnd());
      return 0;
    }
    case "check": {
      if (!arg) throw new UsageError(RULES_CLI.needFile);
      const { check } = readFrameworkFile(arg);
      if (!check.ruleSet) {
        out(problemLines(arg, check.problems));
        return 1;
      }
      out(FRAMEWORK.summaryOk(check.ruleSet.title, indicatorsOf(check.ruleSet).length, check.ruleSet.inputs.length));
      return 0;
    }
    case "schema":
      if (arg) throw new UsageError(RULES_CLI.unknownSub(arg));
      out(readFileSync(SCHEMA, "utf8").trimEnd());
      return 0;
    default:
      throw new UsageError(RULES_CLI.unknownSub(sub));
  }
}
