/**
 * A framework the workbook carries (设置 → 导入评分框架, or `pe-score init --rules`), so the file
 * can be mailed and rescored anywhere: the 评分框架 sheet. Its top half is the framework in words
 * for an auditor (the tree with weights, criteria and each rule described, the inputs, the grade
 * bands); under the heading 框架文件（JSON） in column A is the file itself, in cells of at most
 * FRAMEWORK_BLOCK.chunk characters. Scoring reads only the file, through the same checks as
 * `pe-score rules check`; the words are regenerated from it on every import.
 */
import { describePart, indicatorsOf, parseFrameworkText, type RuleSet, type ScoreError } from "../engine";
import type { GridData, SheetWrite, WritePlan } from "./snapshot";
import { FRAMEWORK_BLOCK, SHEETS } from "../text/vocabulary";
import { FRAMEWORK_SHEET as T, WB } from "../text/workbook";
import { cellAddress } from "./address";
import { SheetView } from "./grid";

export interface StoredFramework {
  /** The framework, when the sheet holds a valid one. */
  ruleSet?: RuleSet;
  /** Why it cannot be used (Chinese, naming the sheet and cell). */
  errors: ScoreError[];
  /** The file's text as stored (for 导出). */
  text?: string;
}

/** The framework the 评分框架 sheet carries; undefined when the workbook has no such sheet. */
export function readStoredFramework(grid: GridData | undefined): StoredFramework | undefined {
  if (!grid) return undefined;
  const view = new SheetView(grid);
  const at = view.find(FRAMEWORK_BLOCK.heading);
  const fail = (address: string, message: string): StoredFramework => ({
    errors: [
      {
        code: "framework",
        target: "framework",
        source: { name: SHEETS.framework, sheet: grid.sheet, address },
        found: SHEETS.framework,
        expected: WB.expected.framework,
        message,
      },
    ],
  });
  if (!at) return fail("A1", WB.frameworkBlockMissing(grid.sheet));
  // The file: the text cells under the heading, down to the first empty one.
  let text = "";
  let row = at.row + 1;
  const first = cellAddress(row, at.col);
  for (; ; row++) {
    const c = view.cell(row, at.col);
    if (!c || typeof c.value !== "string" || c.value === "") break;
    text += c.value;
  }
  const check = parseFrameworkText(text);
  if (!check.ruleSet) {
    const e = fail(first, "");
    e.errors = check.problems.map((p) => ({ ...e.errors[0], message: WB.frameworkAt(grid.sheet, first, p) }));
    return { ...e, text };
  }
  return { ruleSet: check.ruleSet, errors: [], text };
}

type Row = (string | number | null)[];

/** The 评分框架 sheet for a checked framework and the text of its file. */
export function frameworkSheet(rs: RuleSet, text: string): SheetWrite {
  const rows: Row[] = [[T.title, rs.title]];
  const f = T.fields;
  if (rs.name) rows.push([f.name, rs.name]);
  rows.push([f.version, rs.version ?? ""], [f.id, rs.id]);
  if (rs.description) rows.push([f.description, rs.description]);
  rows.push([T.note], []);

  rows.push([T.tree], [...T.treeHeaders]);
  let l1Seen = "";
  let l2Seen = "";
  for (const { def, level1, level2 } of indicatorsOf(rs)) {
    const rules = def.parts.map((p) => T.partRule(p.key, p.label, describePart(p, rs))).join("\n");
    rows.push([
      level1.name === l1Seen ? null : T.group(level1.name, level1.weight),
      level2.name === l2Seen ? null : T.group(level2.name, level2.weight),
      def.name,
      Number(def.weight),
      def.criteria,
      rules,
    ]);
    l1Seen = level1.name;
    l2Seen = level2.name;
  }
  rows.push([], [T.inputs], [...T.inputHeaders]);
  for (const d of rs.inputs)
    rows.push([
      d.label,
      d.name,
      T.units[d.unit] ?? d.unit,
      d.plausibleMax ? `${Number(d.plausibleMax) * 100}%` : null,
      d.hint ?? null,
    ]);
  rows.push([], [T.grades], [...T.gradeHeaders]);
  for (const g of rs.grades) rows.push([Number(g.min), g.label]);

  rows.push([], [FRAMEWORK_BLOCK.heading, T.blockNote]);
  for (let i = 0; i < text.length; i += FRAMEWORK_BLOCK.chunk) rows.push([text.slice(i, i + FRAMEWORK_BLOCK.chunk)]);
  return { sheet: SHEETS.framework, rows, columnWidths: [24, 18, 26, 8, 48, 60] };
}

/** The plan that stores a framework in the workbook (the sheet replaced whole when it exists). */
export function frameworkPlan(rs: RuleSet, text: string): WritePlan {
  return { cells: [], sheets: [frameworkSheet(rs, text)] };
}

/** The file text a framework is stored (and exported) as: readable, stable. */
export function frameworkText(rs: RuleSet): string {
  // The built-in files point editors at the schema by a path inside this repository: not kept.
  const { $schema: _schema, ...rest } = rs as RuleSet & { $schema?: string };
  return `${JSON.stringify(rest, null, 2)}\n`;
}
