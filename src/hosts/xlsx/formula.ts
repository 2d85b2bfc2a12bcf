/** Formula text helpers: moving a shared formula's relative references to another cell. */
import { MAX_COL, MAX_ROW, colIndex, colLetters } from "../../workbook/address";

// A cell ref (A1, $A$1), a column range (A:C) or a row range (1:3), not part of a longer name,
// not a function call (LOG10(), not a sheet prefix.
const REF_RE =
  /(?<![A-Za-z0-9_.$\u00c0-\uffff])(?:(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7}))(?![A-Za-z0-9_(.!\u00c0-\uffff])/g;

function shiftCol(abs: string, letters: string, d: number): string | undefined {
  const c = abs ? colIndex(letters) : colIndex(letters) + d;
  return c < 1 || c > MAX_COL ? undefined : abs + colLetters(c);
}

function shiftRow(abs: string, digits: string, d: number): string | undefined {
  const r = abs ? Number(digits) : Number(digits) + d;
  return r < 1 || r > MAX_ROW ? undefined : abs + r;
}

function shiftSegment(seg: string, dRow: number, dCol: number): string {
  // The groups of the alternative that matched are strings ("" for an absent $); `cl` and `c1`
  // tell which alternative it was.
  return seg.replace(
    REF_RE,
    (
      m: string,
      ca: string,
      cl: string | undefined,
      ra: string,
      rd: string,
      c1a: string,
      c1: string | undefined,
      c2a: string,
      c2: string,
      r1a: string,
      r1: string,
      r2a: string,
      r2: string,
    ) => {
      if (cl !== undefined) {
        if (colIndex(cl) > MAX_COL || Number(rd) > MAX_ROW || Number(rd) < 1) return m;
        const c = shiftCol(ca, cl, dCol);
        const r = shiftRow(ra, rd, dRow);
        return c && r ? c + r : "#REF!";
      }
      if (c1 !== undefined) {
        if (colIndex(c1) > MAX_COL || colIndex(c2) > MAX_COL) return m;
        const a = shiftCol(c1a, c1, dCol);
        const b = shiftCol(c2a, c2, dCol);
        return a && b ? `${a}:${b}` : "#REF!";
      }
      if (Number(r1) < 1 || Number(r2) < 1) return m;
      const a = shiftRow(r1a, r1, dRow);
      const b = shiftRow(r2a, r2, dRow);
      return a && b ? `${a}:${b}` : "#REF!";
    },
  );
}

/**
 * Moves the relative references of `formula` by (dRow, dCol), as Excel does when it expands a
 * shared formula to another cell of its range. String literals, quoted sheet names and
 * structured references ([…]) are left alone.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let plain = "";
  let i = 0;
  const flush = () => {
    out += shiftSegment(plain, dRow, dCol);
    plain = "";
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      flush();
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      flush();
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      plain += ch;
      i++;
    }
  }
  flush();
  return out;
}
