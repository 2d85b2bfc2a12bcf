import type { InputDef, InputId } from "./types";

/**
 * Every named input of workbook-contract.md, with its default defined name. Plausible ranges of
 * percents (scoring-rules.md, "Plausible values"): cumulative 支出进度 up to 150% (spending beyond
 * half as much again as the annual budget is not a progress figure), 调整调剂比例 and 满意度 up
 * to 100% (shares of a whole).
 */
export const INPUTS: readonly InputDef[] = [
  { id: "procurement.planned", name: "政府采购计划金额", unit: "amount", label: "政府采购计划金额" },
  { id: "procurement.actual", name: "政府采购实际金额", unit: "amount", label: "政府采购实际金额" },
  { id: "sanGong.budget", name: "三公经费预算数", unit: "amount", label: "“三公”经费预算安排数" },
  { id: "sanGong.actual", name: "三公经费实际支出数", unit: "amount", label: "“三公”经费实际支出数" },
  { id: "dailyPublic.budget", name: "日常公用经费调整预算数", unit: "amount", label: "日常公用经费调整预算数" },
  { id: "dailyPublic.actual", name: "日常公用经费决算数", unit: "amount", label: "日常公用经费决算数" },
  { id: "budget.total", name: "部门预算总额", unit: "amount", label: "部门预算总额（全年调整后）" },
  { id: "budget.adjusted", name: "调整调剂资金", unit: "amount", label: "调整、调剂资金累计金额" },
  // A share of the budget: at most 100%.
  { id: "budget.adjustedRatio", name: "调整调剂比例", unit: "percent", label: "调整、调剂资金占预算总规模比例", plausibleMax: "1" },
  { id: "execution.q1", name: "一季度累计支出", unit: "amount", label: "一季度末累计支出" },
  { id: "execution.q2", name: "二季度累计支出", unit: "amount", label: "二季度末累计支出" },
  { id: "execution.q3", name: "三季度累计支出", unit: "amount", label: "三季度末累计支出" },
  { id: "execution.q4", name: "四季度累计支出", unit: "amount", label: "四季度末累计支出" },
  { id: "progress.q1", name: "一季度支出进度", unit: "percent", label: "一季度末累计支出进度", plausibleMax: "1.5" },
  { id: "progress.q2", name: "二季度支出进度", unit: "percent", label: "二季度末累计支出进度", plausibleMax: "1.5" },
  { id: "progress.q3", name: "三季度支出进度", unit: "percent", label: "三季度末累计支出进度", plausibleMax: "1.5" },
  { id: "progress.q4", name: "四季度支出进度", unit: "percent", label: "四季度末累计支出进度", plausibleMax: "1.5" },
  { id: "assets.inUse", name: "在用固定资产原值", unit: "amount", label: "实际在用固定资产总额" },
  { id: "assets.total", name: "固定资产原值总额", unit: "amount", label: "所有固定资产总额" },
  { id: "staff.authorized", name: "核定编制数", unit: "count", label: "核定编制数（含工勤）" },
  { id: "staff.onPayroll", name: "在编人数", unit: "count", label: "在编人数（含工勤）" },
  { id: "staff.contract", name: "编外人员数", unit: "count", label: "编外人员数（劳务派遣+直接聘用）" },
  { id: "projects.planned", name: "计划完成项目数", unit: "count", label: "计划完成项目总数" },
  { id: "projects.onTime", name: "按时完成项目数", unit: "count", label: "按计划时间完成项目数" },
  { id: "keyTasks.unfinished", name: "未完成重点工作数", unit: "count", label: "未完成重点工作数" },
  { id: "satisfaction", name: "满意度", unit: "percent", label: "公众或服务对象满意度", plausibleMax: "1" },
  { id: "petitions.total", name: "信访件数", unit: "count", label: "群众信访件数" },
  { id: "petitions.answered", name: "信访已回复数", unit: "count", label: "信访已办理回复数" },
  { id: "petitions.onTime", name: "信访按期回复数", unit: "count", label: "信访按期办理回复数" },
];

const BY_ID = new Map<string, InputDef>(INPUTS.map((d) => [d.id, d]));

export function inputDef(id: InputId): InputDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown input id ${id}`);
  return def;
}

export function isInputId(id: string): id is InputId {
  return BY_ID.has(id);
}

/** Defined name of a judged part: `<三级指标>_<key>` (workbook-contract.md). */
export function partName(indicatorName: string, partKey: string): string {
  return `${indicatorName}_${partKey}`;
}

/** Defined name of the 个性化绩效指标 table. */
export const EFFECT_TABLE_NAME = "效果性指标表";
