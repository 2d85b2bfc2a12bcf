/**
 * Band edges and special cases of every indicator family, hand-checked. Each case starts from a
 * golden case (seed 000 district-2020 unless said) and overrides a few inputs; the arithmetic is
 * written beside each expectation.
 */
import { caseFileFrom, errorSummary, ind, load, scoreFrom, SEED000, SEED004, type Patch } from "./helpers";
import { scoreCase } from "../../src/engine";
import type { ScoreResult } from "../../src/engine";

/** Score of one indicator; the whole case must be error-free. */
function ok(patch: Patch, name: string, file = SEED000): { score: number | null; explanation: string; r: ScoreResult } {
  const r = scoreFrom(file, patch);
  expect(errorSummary(r)).toBe("");
  const i = ind(r, name);
  return { score: i.score, explanation: i.explanation, r };
}

/** A case that must fail with exactly one error of this code and target. */
function fails(patch: Patch, name: string, code: string, target: string, file = SEED000) {
  const r = scoreFrom(file, patch);
  expect(r.total).toBeNull();
  expect(r.grade).toBeNull();
  expect(ind(r, name).score).toBeNull();
  expect(r.errors.map((e) => [e.code, e.target])).toEqual([[code, target]]);
  return r.errors[0];
}

describe("编外人员控制率: <5% → 1; 5% ≤ r ≤ 10% → 0.5; >10% → 0", () => {
  const staff = (onPayroll: number, contract: number) => ({
    inputs: { "staff.onPayroll": onPayroll, "staff.contract": contract, "staff.authorized": 100 },
  });
  test.each([
    // [在编, 编外, score, ratio text, band]
    [19, 1, 0.5, "1 / (19 + 1) = 5.00%", "5%≤比率≤10%"], // exactly 5%
    [9, 1, 0.5, "1 / (9 + 1) = 10.00%", "5%≤比率≤10%"], // exactly 10%
    [20, 1, 1, "1 / (20 + 1) = 4.76%", "<5%"], // just under 5%
    [1999, 101, 1, "101 / (1999 + 101) = 4.81%", "<5%"],
    [899, 101, 0, "101 / (899 + 101) = 10.10%", ">10%"], // 10.1%: just over 10%
    [8999, 1001, 0, "1001 / (8999 + 1001) = 10.01%", ">10%"],
    [52, 0, 1, "0 / (52 + 0) = 0.00%", "<5%"],
  ])("在编 %i, 编外 %i → %d", (onPayroll, contract, score, ratio, band) => {
    const x = ok(staff(onPayroll, contract), "编外人员控制率");
    expect(x.score).toBe(score);
    expect(x.explanation).toContain(ratio);
    expect(x.explanation).toContain(`“${band}”`);
  });
  test("在编 0 and 编外 0 → zero denominator error", () => {
    const e = fails(staff(0, 0), "编外人员控制率", "zeroDenominator", "contractStaffControl.1");
    expect(e.message).toContain("编外人员数");
  });
});

describe("固定资产利用率: ≥90% → 1; [75%, 90%) → 0.7; [60%, 75%) → 0.4; <60% → 0", () => {
  const assets = (inUse: number | string, total: number | string) => ({
    inputs: { "assets.inUse": inUse, "assets.total": total },
  });
  test.each([
    [90, 100, 1, "90.00%", "≥90%"],
    [8999, 10000, 0.7, "89.99%", "75%≤利用率<90%"],
    [75, 100, 0.7, "75.00%", "75%≤利用率<90%"],
    [7499, 10000, 0.4, "74.99%", "60%≤利用率<75%"],
    [60, 100, 0.4, "60.00%", "60%≤利用率<75%"],
    [5999, 10000, 0, "59.99%", "<60%"],
    // 89.999% shows as 90.00% but is compared unrounded: still the 0.7 band.
    [89999, 100000, 0.7, "90.00%", "75%≤利用率<90%"],
  ])("%d / %d → %d", (inUse, total, score, pct, band) => {
    const x = ok(assets(inUse, total), "固定资产利用率");
    expect(x.score).toBe(score);
    expect(x.explanation).toContain(`${inUse} / ${total} = ${pct}`);
    expect(x.explanation).toContain(`“${band}”`);
  });
  test("total 0 & inUse 0: not applicable → 1, said in the explanation", () => {
    const x = ok(assets(0, 0), "固定资产利用率");
    expect(x.score).toBe(1);
    expect(x.explanation).toContain("不适用");
    expect(ind(x.r, "固定资产利用率").parts[0].notApplicable).toBe(true);
  });
  test("total 0 & inUse > 0 → zero-denominator error (rule set policy)", () => {
    const e = fails(assets(5, 0), "固定资产利用率", "zeroDenominator", "assetUtilization.1");
    expect(e.message).toContain("固定资产原值总额");
  });
});

describe("公用经费控制率: each part <90% → 3; 90%–100% → 2; >100% → 0", () => {
  // 日常公用 stays at seed 000's 150/153 = 98.04% → 2, so the indicator = 三公 part + 2.
  const sanGong = (actual: number, budget: number) => ({
    inputs: { "sanGong.actual": actual, "sanGong.budget": budget },
  });
  test.each([
    [9, 10, 2, "9 / 10 = 90.00%", "90%≤控制率≤100%"],
    [10, 10, 2, "10 / 10 = 100.00%", "90%≤控制率≤100%"],
    [10.01, 10, 0, "10.01 / 10 = 100.10%", ">100%"],
    [8.99, 10, 3, "8.99 / 10 = 89.90%", "<90%"],
  ])("三公 %d / %d → part %d", (actual, budget, part, ratio, band) => {
    const x = ok(sanGong(actual, budget), "公用经费控制率");
    expect(x.score).toBe(part + 2);
    expect(x.explanation).toContain(ratio);
    expect(x.explanation).toContain(`“${band}”`);
  });
  test("日常公用 part: exactly 100% → 2, just above → 0", () => {
    expect(ok({ inputs: { "dailyPublic.actual": 153, "dailyPublic.budget": 153 } }, "公用经费控制率").score).toBe(
      3 + 2,
    );
    expect(ok({ inputs: { "dailyPublic.actual": 153.01, "dailyPublic.budget": 153 } }, "公用经费控制率").score).toBe(
      3 + 0,
    );
  });
  test("budget 0 & actual 0: not applicable → 3", () => {
    const x = ok(sanGong(0, 0), "公用经费控制率");
    expect(x.score).toBe(5); // 3 (not applicable) + 2
    expect(x.explanation).toContain("不适用");
  });
  test("budget 0 & actual > 0 → 0", () => {
    const x = ok(sanGong(0.5, 0), "公用经费控制率");
    expect(x.score).toBe(2); // 0 + 2
    expect(x.explanation).toContain("分母为 0 而分子大于 0");
  });
});

describe("财政供养人员控制率: ≤100% → 1, else 0", () => {
  test("exactly 100% → 1", () => {
    const x = ok({ inputs: { "staff.onPayroll": 67, "staff.authorized": 67 } }, "财政供养人员控制率");
    expect(x.score).toBe(1);
    expect(x.explanation).toContain("67 / 67 = 100.00%");
  });
  test("68 / 67 = 101.49% → 0", () => {
    const x = ok({ inputs: { "staff.onPayroll": 68, "staff.authorized": 67 } }, "财政供养人员控制率");
    expect(x.score).toBe(0);
    expect(x.explanation).toContain("“>100%”");
  });
  test("核定编制数 0 → error naming it", () => {
    const e = fails({ inputs: { "staff.authorized": 0 } }, "财政供养人员控制率", "zeroDenominator", "staffControl.1");
    expect(e.message).toContain("定义名称“核定编制数”为 0");
  });
});

describe("公众或服务对象满意度", () => {
  test.each([
    ["95%", 6, "≥95%"],
    ["94.99%", 4, "90%≤满意度<95%"],
    ["90%", 4, "90%≤满意度<95%"],
    ["80%", 2, "80%≤满意度<90%"],
    ["79.99%", 1, "<80%"],
    ["100%", 6, "≥95%"],
  ])("survey %s → %d", (s, score, band) => {
    const x = ok({ inputs: { satisfaction: s } }, "公众或服务对象满意度");
    expect(x.score).toBe(score);
    expect(x.explanation).toContain(`满意度 = ${s.replace(/^(\d+)%$/, "$1.00%")}`);
    expect(x.explanation).toContain(`“${band}”`);
  });
  test("a survey bound wins over the typed score", () => {
    expect(
      ok({ inputs: { satisfaction: "85%" }, manual: { 公众或服务对象满意度: 6 } }, "公众或服务对象满意度").score,
    ).toBe(2);
  });
  test("above 100% → an input error (a share cannot exceed the whole)", () => {
    const e = fails({ inputs: { satisfaction: "100.5%" } }, "公众或服务对象满意度", "implausible", "satisfaction");
    expect(e.message).toContain("定义名称“满意度”");
    expect(e.message).toContain("100.50%");
    expect(e.message).toContain("不超过 100.00%");
  });
  test.each([6, 4, 2, 1])("no survey bound: typed %d is kept as a manual score", (typed) => {
    const x = ok({ manual: { 公众或服务对象满意度: typed } }, "公众或服务对象满意度");
    expect(x.score).toBe(typed);
    expect(ind(x.r, "公众或服务对象满意度").kind).toBe("manual");
    expect(x.explanation).toContain("未绑定满意度调查结果");
  });
  test.each([5, 3, 0, 4.5])("no survey bound: typed %d → badChoice error listing 6 / 4 / 2 / 1", (typed) => {
    const e = fails({ manual: { 公众或服务对象满意度: typed } }, "公众或服务对象满意度", "badChoice", "satisfaction");
    expect(e.message).toContain("6 / 4 / 2 / 1");
    expect(e.message).toContain(`数字 ${typed}`);
  });
});

describe("预算执行率 = Σ min(进度_q/序时_q, 1) × 1 + min(mean of uncapped rates, 1) × 2", () => {
  const progress = (q1: string, q2: string, q3: string, q4: string) => ({
    inputs: { "progress.q1": q1, "progress.q2": q2, "progress.q3": q3, "progress.q4": q4 },
  });
  test("quarters below and above 序时进度, average below 100%", () => {
    // rates: 20/25 = 0.8, 60/50 = 1.2, 60/75 = 0.8, 100/100 = 1
    // quarters: 0.8 + 1 + 0.8 + 1 = 3.6; average (0.8 + 1.2 + 0.8 + 1)/4 = 0.95 → 1.9; total 5.5
    const x = ok(progress("20%", "60%", "60%", "100%"), "预算执行率");
    expect(x.score).toBe(5.5);
    expect(x.explanation).toContain("一季度 20.00% / 序时进度 25.00% = 80.00% → 0.8 分");
    expect(x.explanation).toContain("二季度 60.00% / 序时进度 50.00% = 120.00% → 1 分");
    expect(x.explanation).toContain("= 95.00% → min(95.00%, 100%) × 2 = 1.9 分");
  });
  test("average above 100% is capped only when scored", () => {
    // rates: 30/25 = 1.2, 40/50 = 0.8, 90/75 = 1.2, 98/100 = 0.98
    // quarters: 1 + 0.8 + 1 + 0.98 = 3.78; average (1.2 + 0.8 + 1.2 + 0.98)/4 = 4.18/4 = 1.045 → 2; total 5.78
    const x = ok(progress("30%", "40%", "90%", "98%"), "预算执行率");
    expect(x.score).toBe(5.78);
    expect(x.explanation).toContain("(120.00% + 80.00% + 120.00% + 98.00%) / 4 = 104.50%");
  });
  test("from cumulative amounts and the annual budget instead of percents", () => {
    // budget 1000: 200 → 20%, 600 → 60%, 600 → 60%, 1000 → 100%: the 5.5 case above
    const x = ok(
      {
        inputs: {
          "progress.q1": undefined,
          "progress.q2": undefined,
          "progress.q3": undefined,
          "progress.q4": undefined,
          "execution.q1": 200,
          "execution.q2": 600,
          "execution.q3": 600,
          "execution.q4": "1,000",
          "budget.total": 1000,
        },
      },
      "预算执行率",
    );
    expect(x.score).toBe(5.5);
    expect(x.explanation).toContain("一季度支出进度 = 200 / 1000 = 20.00%");
  });
  test("budget 0 with amounts → zero-denominator error naming 部门预算总额", () => {
    const e = fails(
      { inputs: { "progress.q1": undefined, "execution.q1": 10, "budget.total": 0 } },
      "预算执行率",
      "zeroDenominator",
      "budgetExecution.1",
    );
    expect(e.message).toContain("定义名称“部门预算总额”为 0");
  });
  test("one quarter missing → error naming both options", () => {
    const e = fails({ inputs: { "progress.q3": undefined } }, "预算执行率", "missing", "progress.q3");
    expect(e.message).toContain("三季度支出进度");
    expect(e.message).toContain("三季度累计支出");
    expect(e.message).toContain("部门预算总额");
  });
});

describe("财务合规性 (2) 调整调剂: ≤10% → 1, else 1 − 0.1 × (r − 10%)/1%, not below 0", () => {
  // seed 004 binds the ratio directly; the other parts are met → indicator = part (2) + 2.
  test.each([
    ["10%", 1, "10.00% ≤ 10.00%"],
    ["10.5%", 0.95, "超出 10.00% 0.5 个百分点"], // 1 − 0.1 × 0.5
    ["19.99%", 0.001, "9.99 个百分点"], // 1 − 0.999 = 0.001 (indicator 2.001 → 2)
    ["25%", 0, "15 个百分点"], // 1 − 1.5 < 0 → 0
  ])("direct ratio %s → part %d", (ratio, part, text) => {
    const x = ok({ inputs: { "budget.adjustedRatio": ratio } }, "财务合规性", SEED004);
    expect(ind(x.r, "财务合规性").parts[1].score).toBe(String(part));
    expect(x.score).toBe(Number((2 + part).toFixed(2)));
    expect(x.explanation).toContain(text);
  });
  test("via amount / total: 1084.5807 / 10329.34 = 10.5% → 0.95", () => {
    const x = ok(
      { inputs: { "budget.adjustedRatio": undefined, "budget.adjusted": 1084.5807 } },
      "财务合规性",
      SEED004,
    );
    expect(x.score).toBe(2.95);
    expect(x.explanation).toContain("1084.5807 / 10329.34 = 10.50%");
  });
  test("via amount / total: 1032.934 / 10329.34 = exactly 10% → 1", () => {
    expect(
      ok({ inputs: { "budget.adjustedRatio": undefined, "budget.adjusted": 1032.934 } }, "财务合规性", SEED004).score,
    ).toBe(3);
  });
  test("via amount: 2582.335 / 10329.34 = 25% → 0 (floor)", () => {
    const x = ok({ inputs: { "budget.adjustedRatio": undefined, "budget.adjusted": 2582.335 } }, "财务合规性", SEED004);
    expect(x.score).toBe(2);
  });
  test("decision: when both the ratio and the amount are bound, the directly given ratio is used", () => {
    // 2000 / 10329.34 = 19.36% would give 0.06; the bound ratio 7.63% gives 1.
    const x = ok({ inputs: { "budget.adjusted": 2000 } }, "财务合规性", SEED004);
    expect(x.score).toBe(3);
    expect(x.explanation).toContain("直接填报");
  });
  test("violation (违规支出 = 是) vetoes the whole indicator → 0", () => {
    const x = ok(
      { subItems: { 财务合规性: { 资金支出规范性: 1, 资金调整调剂规范性: 1, 会计核算规范性: 1, 违规支出: "是" } } },
      "财务合规性",
    );
    expect(x.score).toBe(0);
    expect(x.explanation).toContain("发生违规支出");
  });
});

describe("政府采购执行情况: part 1 = 实际/计划 × 1 (0 when 实际 > 计划), part 2 judged", () => {
  const proc = (actual: number, planned: number) => ({
    inputs: { "procurement.actual": actual, "procurement.planned": planned },
  });
  test("actual > plan → part 1 = 0", () => {
    const x = ok(proc(33, 32.43), "政府采购执行情况");
    expect(x.score).toBe(1); // 0 + policy 1
    expect(x.explanation).toContain("实际大于计划");
  });
  test("plan 0 & actual 0 → part 1 not applicable, 1", () => {
    const x = ok(proc(0, 0), "政府采购执行情况");
    expect(x.score).toBe(2);
    expect(x.explanation).toContain("不适用");
  });
  test("plan 0 & actual > 0 → part 1 = 0", () => {
    expect(ok(proc(5, 0), "政府采购执行情况").score).toBe(1);
  });
  test("policy part missing → error: a mixed indicator needs its judged part", () => {
    const e = fails(
      { subItems: { 政府采购执行情况: undefined }, manual: { 政府采购执行情况: 2 } },
      "政府采购执行情况",
      "missing",
      "procurement.2",
    );
    expect(e.message).toContain("政府采购执行情况_2");
    expect(e.message).toContain("不能沿用表中已填分数");
  });
  test("partial policy score 0.5", () => {
    // 30.43/32.43 = 0.93832... + 0.5 = 1.43832 → 1.44
    expect(ok({ subItems: { 政府采购执行情况: { 政策功能落实: 0.5 } } }, "政府采购执行情况").score).toBe(1.44);
  });
});

describe("rounding half-up to 2 decimals, total = sum of rounded scores", () => {
  test("0.9385 → 0.94 (9385/10000, policy 0)", () => {
    const x = ok(
      {
        inputs: { "procurement.actual": 9385, "procurement.planned": 10000 },
        subItems: { 政府采购执行情况: { 政策功能落实: 0 } },
      },
      "政府采购执行情况",
    );
    expect(x.score).toBe(0.94);
  });
  test("1.945 → 1.95 (945/1000 + 1; a float 1.945 × 100 would round down to 1.94)", () => {
    const x = ok({ inputs: { "procurement.actual": 945, "procurement.planned": 1000 } }, "政府采购执行情况");
    expect(x.score).toBe(1.95);
    // total: seed 000 total 95.93 with 1.94 replaced by 1.95 → 95.94
    expect(x.r.total).toBe(95.94);
  });
  test("1.9449 → 1.94", () => {
    expect(ok({ inputs: { "procurement.actual": 9449, "procurement.planned": 10000 } }, "政府采购执行情况").score).toBe(
      1.94,
    );
  });
  test("total sums rounded scores, not exact ones", () => {
    // 政府采购 945/1000 + 1 = 1.945 → 1.95; 预算执行率 with q4 99.65%: 3 + 0.9965 + 2 = 5.9965 → 6.00.
    // The rest of seed 000 is 95.93 − 1.94 − 5.99 = 88.
    // Rounded: 88 + 1.95 + 6 = 95.95; exact then rounded would be 88 + 7.9415 → 95.94.
    const r = scoreFrom(SEED000, {
      inputs: { "procurement.actual": 945, "procurement.planned": 1000, "progress.q4": "99.65%" },
    });
    expect(errorSummary(r)).toBe("");
    expect(ind(r, "政府采购执行情况").score).toBe(1.95);
    expect(ind(r, "预算执行率").score).toBe(6);
    expect(r.total).toBe(95.95);
  });
});

describe("deductions, not below 0", () => {
  test("预算编制规范性 with 7 nonconformities → 0 (扣完为止)", () => {
    const x = ok({ subItems: { 预算编制规范性: { 不符合项数: 7 } } }, "预算编制规范性");
    expect(x.score).toBe(0);
    expect(x.explanation).toContain("5 − 1 × 7");
    expect(x.explanation).toContain("扣完为止");
  });
  test("预算编制规范性 with 2 → 3", () => {
    expect(ok({ subItems: { 预算编制规范性: { 不符合项数: 2 } } }, "预算编制规范性").score).toBe(3);
  });
  test("绩效目标完整性 (district 8) with 3 → 5", () => {
    expect(ok({ subItems: { 绩效目标完整性: { 不符合项数: 3 } } }, "绩效目标完整性").score).toBe(5);
  });
  test.each([
    [1, 4],
    [2, 0],
    [3, 0],
  ])("重点工作 %i unfinished → %i (8 − 4 × n, floor 0)", (n, score) => {
    const x = ok({ inputs: { "keyTasks.unfinished": n } }, "重点工作完成情况");
    expect(x.score).toBe(score);
    expect(x.explanation).toContain(`8 − 4 × ${n}`);
  });
});

describe("项目完成及时性 = 按时 / 计划 × 6", () => {
  test("3 of 4 → 4.5", () => {
    const x = ok({ inputs: { "projects.onTime": 3, "projects.planned": 4 } }, "项目完成及时性");
    expect(x.score).toBe(4.5);
    expect(x.explanation).toContain("3 / 4 = 75.00%");
  });
  test("2 of 3 → 4 (0.6667 × 6 = 4.0000…)", () => {
    expect(ok({ inputs: { "projects.onTime": 2, "projects.planned": 3 } }, "项目完成及时性").score).toBe(4);
  });
  test("onTime > planned → inconsistent error", () => {
    const e = fails(
      { inputs: { "projects.onTime": 5, "projects.planned": 4 } },
      "项目完成及时性",
      "inconsistent",
      "projectTimeliness.1",
    );
    expect(e.message).toContain("按时完成项目数 5 > 计划完成项目数 4");
  });
  test("planned 0 (and onTime 0) → 6, not applicable", () => {
    const x = ok({ inputs: { "projects.onTime": 0, "projects.planned": 0 } }, "项目完成及时性");
    expect(x.score).toBe(6);
    expect(x.explanation).toContain("不适用");
  });
});

describe("群众信访办理情况 from counts", () => {
  const pet = (total: number, answered: number, onTime: number) => ({
    inputs: { "petitions.total": total, "petitions.answered": answered, "petitions.onTime": onTime },
  });
  test("10/10/10 → 3", () => {
    expect(ok(pet(10, 10, 10), "群众信访办理情况").score).toBe(3);
  });
  test("10 answered of 10 but 9 on time → 2", () => {
    const x = ok(pet(10, 10, 9), "群众信访办理情况");
    expect(x.score).toBe(2);
    expect(x.explanation).toContain("9 / 10 = 90.00%，未达到 100%");
  });
  test("no petitions → 3 (seed 004 policy)", () => {
    const x = ok(pet(0, 0, 0), "群众信访办理情况");
    expect(x.score).toBe(3);
    expect(x.explanation).toContain("无信访件");
  });
  test("answered > total → inconsistent error", () => {
    const e = fails(pet(10, 11, 9), "群众信访办理情况", "inconsistent", "petitions.2");
    expect(e.message).toContain("信访已回复数 11 > 信访件数 10");
  });
  test("without counts the two rates may be judged", () => {
    const x = ok(
      {
        inputs: { "petitions.total": undefined, "petitions.answered": undefined, "petitions.onTime": undefined },
        subItems: { 群众信访办理情况: [1, 1, 0] },
      },
      "群众信访办理情况",
    );
    expect(x.score).toBe(2);
  });
});

describe("预决算信息公开: each part 1.5 / 1 / 0 / 1.5", () => {
  test.each([
    ["按规定公开", "按规定公开", 3],
    ["公开但不符合时限、内容、范围要求", "按规定公开", 2.5],
    ["公开但不符合要求", "公开但不符合要求", 2],
    ["未公开", "按规定公开", 1.5],
    ["未公开", "未公开", 0],
    ["涉密或未到公开时限", "涉密", 3],
  ])("%s + %s → %d", (a, b, score) => {
    const x = ok({ subItems: { 预决算信息公开: { 部门预算公开: a, 部门决算公开: b } } }, "预决算信息公开");
    expect(x.score).toBe(score);
  });
  test("公开但不符合 → 1, named in the explanation", () => {
    const x = ok(
      {
        subItems: { 预决算信息公开: { 部门预算公开: "公开但不符合时限、内容、范围要求", 部门决算公开: "按规定公开" } },
      },
      "预决算信息公开",
    );
    expect(x.explanation).toContain("部门预算公开：公开但不符合时限、内容、范围要求，1 分");
  });
});

describe("效果性 from the 个性化绩效指标 table (city-2021: 25)", () => {
  test("正向 / 反向 / 定性 rows", () => {
    // A 正向 10 × min(90/100, 1) = 9; B 反向 10 × min(2/4, 1) = 5; C 定性 较好 5 × 0.8 = 4 → 18
    const x = ok(
      {
        effectTable: [
          { 名称: "A", 分值: 10, 性质: "正向", 目标值: 100, 实际值: 90 },
          { 名称: "B", 分值: 10, 性质: "反向", 目标值: 2, 实际值: 4 },
          { 名称: "C", 分值: 5, 性质: "定性", 实际值: "较好" },
        ],
      },
      "effectiveness",
      SEED004,
    );
    expect(x.score).toBe(18);
    expect(x.explanation).toContain("min(90/100, 1)");
    expect(x.explanation).toContain("min(2/4, 1)（反向指标）");
    expect(x.explanation).toContain("定性“较好”0.8");
  });
  test("over-achieving rows are capped at their 分值", () => {
    // 正向 150/100 → 1; 反向 target 2, actual 1 → min(2, 1) = 1; 定性 好 → 1 → 25
    const x = ok(
      {
        effectTable: [
          { 名称: "A", 分值: 10, 性质: "正向", 目标值: 100, 实际值: 150 },
          { 名称: "B", 分值: 10, 性质: "反向", 目标值: 2, 实际值: 1 },
          { 名称: "C", 分值: 5, 性质: "定性", 实际值: "好" },
        ],
      },
      "effectiveness",
      SEED004,
    );
    expect(x.score).toBe(25);
  });
  test("a 不适用 row: its 分值 is shared pro rata, said in the explanation", () => {
    // A 10 × 0.9 = 9; B 定性 较好 10 × 0.8 = 8; C 不适用 (5).
    // applicable 20 → (9 + 8) × 25/20 = 21.25
    const x = ok(
      {
        effectTable: [
          { 名称: "A", 分值: 10, 性质: "正向", 目标值: 100, 实际值: 90 },
          { 名称: "B", 分值: 10, 性质: "定性", 实际值: "较好" },
          { 名称: "生态效益", 分值: 5, 性质: "正向", 目标值: 1, 实际值: 0, 不适用: "不适用" },
        ],
      },
      "effectiveness",
      SEED004,
    );
    expect(x.score).toBe(21.25);
    expect(x.explanation).toContain("生态效益不适用");
    expect(x.explanation).toContain("17 × 25/20 = 21.25 分");
  });
  test("pro rata with a remainder: 7 × 25/24 rounded half-up", () => {
    // A 12 × 1/3 = 4; B 12 × 0.25 = 3; C 不适用 1 → (4 + 3) × 25/24 = 175/24 = 7.291666… → 7.29
    const x = ok(
      {
        effectTable: [
          { 名称: "A", 分值: 12, 性质: "正向", 目标值: 3, 实际值: 1 },
          { 名称: "B", 分值: 12, 性质: "正向", 目标值: 4, 实际值: 1 },
          { 名称: "C", 分值: 1, 性质: "定性", 实际值: "好", 不适用: "是" },
        ],
      },
      "effectiveness",
      SEED004,
    );
    expect(x.score).toBe(7.29);
  });
  test("row weights not adding up → effectTable error naming both sums", () => {
    const e = fails(
      {
        effectTable: [
          { 名称: "A", 分值: 10, 性质: "正向", 目标值: 100, 实际值: 90 },
          { 名称: "B", 分值: 10, 性质: "定性", 实际值: "好" },
        ],
      },
      "effectiveness",
      "effectTable",
      "effectiveness.指标表",
      SEED004,
    );
    expect(e.message).toContain("合计为 20");
    expect(e.message).toContain("效果性指标分值 25");
    expect(e.message).toContain("效果性指标表");
  });
  test("decision (spec silent): every row 不适用 → error, neither full marks nor 0", () => {
    const e = fails(
      { effectTable: [{ 名称: "A", 分值: 25, 性质: "正向", 目标值: 100, 实际值: 90, 不适用: "是" }] },
      "effectiveness",
      "effectTable",
      "effectiveness.指标表",
      SEED004,
    );
    expect(e.message).toContain("全部标为不适用");
  });
  test("a bound table wins over the typed manual score", () => {
    const x = ok({ effectTable: [{ 名称: "A", 分值: 25, 性质: "定性", 实际值: "一般" }] }, "effectiveness", SEED004);
    expect(x.score).toBe(15); // 25 × 0.6; the manual 22.5 is not used
  });
});

describe("overrides", () => {
  test("score + reason: the override stands and the rule's score is shown", () => {
    const x = ok({ overrides: { 项目监管: { score: 1.5, reason: "抽查发现整改不到位" } } }, "项目监管");
    const i = ind(x.r, "项目监管");
    expect(i.score).toBe(1.5);
    expect(i.kind).toBe("override");
    expect(i.ruleScore).toBe(2);
    expect(i.overrideReason).toBe("抽查发现整改不到位");
    expect(i.explanation).toContain("人工调整为 1.5 分，理由：抽查发现整改不到位（按规则应得 2 分）");
    // total 95.93 − 2 + 1.5 = 95.43
    expect(x.r.total).toBe(95.43);
  });
  test("an override appears in the difference list against the previous score", () => {
    const r = scoreFrom(SEED000, { keepReported: true, overrides: { 项目监管: { score: 1.5, reason: "抽查" } } });
    // seed 000 prints no 综合评分 (reportedTotal null), so only the indicator differs.
    expect(r.differences.map((d) => [d.target, d.previous, d.current])).toEqual([["projectSupervision", 2, 1.5]]);
  });
  test("missing reason → overrideReason error", () => {
    const e = fails({ overrides: { 项目监管: { score: 1 } } }, "项目监管", "overrideReason", "projectSupervision");
    expect(e.message).toContain("“项目监管”");
    expect(e.message).toContain("理由");
  });
  test("blank reason → overrideReason error", () => {
    fails({ overrides: { 项目监管: { score: 1, reason: "   " } } }, "项目监管", "overrideReason", "projectSupervision");
  });
  test("score > 分值 → outOfRange error", () => {
    const e = fails(
      { overrides: { 项目监管: { score: 2.5, reason: "x" } } },
      "项目监管",
      "outOfRange",
      "projectSupervision.override",
    );
    expect(e.message).toContain("数字 2.5");
    expect(e.message).toContain("0 到 2 之间");
  });
});

describe("grade edges: ≥90 优, ≥80 良, ≥60 中, else 差", () => {
  // seed 000 totals 95.93 with 效果性 18 → without it 77.93.
  const effect = (v: number, extra: Patch["overrides"] = {}) =>
    scoreFrom(SEED000, { manual: { "社会效益、经济效益、生态效益及可持续影响等": v }, overrides: extra });
  test("90 → 优 (77.93 + 12.07)", () => {
    const r = effect(12.07);
    expect([r.total, r.grade]).toEqual([90, "优"]);
  });
  test("89.99 → 良 (77.93 + 12.06)", () => {
    const r = effect(12.06);
    expect([r.total, r.grade]).toEqual([89.99, "良"]);
  });
  test("80 → 良 (77.93 + 2.07)", () => {
    expect([effect(2.07).total, effect(2.07).grade]).toEqual([80, "良"]);
  });
  test("79.99 → 中", () => {
    expect([effect(2.06).total, effect(2.06).grade]).toEqual([79.99, "中"]);
  });
  test("60 → 中 and 59.99 → 差 (with overrides)", () => {
    // 77.93 − 0 (效果性) − 8 (重点工作 → 0) − 8 (绩效目标完整性 → 0) − (5 − 3.07) (公用经费 → 3.07) = 60
    const o = { 重点工作完成情况: { score: 0, reason: "测试" }, 绩效目标完整性: { score: 0, reason: "测试" } };
    const r60 = effect(0, { ...o, 公用经费控制率: { score: 3.07, reason: "测试" } });
    expect([r60.total, r60.grade]).toEqual([60, "中"]);
    const r5999 = effect(0, { ...o, 公用经费控制率: { score: 3.06, reason: "测试" } });
    expect([r5999.total, r5999.grade]).toEqual([59.99, "差"]);
  });
});

test("a rule set that does not allow a manual 效果性 score and no table: a missing-input error, never a throw", () => {
  const { rs, c } = load(caseFileFrom(SEED004));
  const eff = rs.levels
    .flatMap((l) => l.groups)
    .flatMap((g) => g.indicators)
    .find((d) => d.id === "effectiveness")!;
  eff.manualAllowed = false;
  const r = scoreCase(rs, c);
  expect(ind(r, eff.name).score).toBeNull();
  expect(r.total).toBeNull();
  const e = r.errors.find((x) => x.target === "effectiveness.指标表")!;
  expect(e.code).toBe("missing");
  expect(e.message).toContain("效果性指标表");
});
