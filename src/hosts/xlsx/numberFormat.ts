/** Number format codes: the built-in table (ECMA-376 §18.8.30) and best-effort display text. */

/** Built-in formats. 27–36 and 50–58 are the zh-CN locale's; 5–8 and 41–44 depend on the locale's currency and are left out. */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Display text for a number in a plain percent format ("0%", "0.00%", "#,##0.0%"), as Excel
 * shows it; undefined for any other format (the host does not emulate Excel's formatter).
 */
export function percentText(value: number, format: string | undefined): string | undefined {
  if (!format) return undefined;
  const section = format.split(";")[0].replace(/\[[^\]]*\]/g, "");
  const m = /^[#,0]*0(?:\.(0+))?%$/.exec(section);
  if (!m) return undefined;
  const decimals = m[1] ? m[1].length : 0;
  // Round half away from zero on the decimal digits, like Excel (toFixed works on the binary value).
  const scaled = Math.abs(value) * 100;
  const rounded = Number(Math.round(Number(`${scaled.toPrecision(15)}e${decimals}`)) + `e-${decimals}`);
  const body = rounded.toFixed(decimals);
  return `${value < 0 && rounded !== 0 ? "-" : ""}${body}%`;
}
