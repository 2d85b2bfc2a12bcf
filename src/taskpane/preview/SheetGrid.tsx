/**
 * A small read-only view of one sheet for preview mode: 定位 highlights a cell here (there is no
 * Excel to select it in), and the cell clicked here is the "selected cell" for 绑定.
 * Keyboard: focus the grid, arrow keys move the selection.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Select, makeStyles, tokens, mergeClasses } from "@fluentui/react-components";
import type { CellRef } from "../port";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { cellAddress, parseCell } from "../../workbook/address";
import { SheetView } from "../../workbook/grid";
import { paneText } from "../../text/pane";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  select: { flexGrow: 1, minWidth: 0 },
  scroller: {
    maxHeight: "200px",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, lineHeight: "16px", fontVariantNumeric: "tabular-nums" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "0 4px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { position: "sticky", left: 0, top: "auto" },
  cell: {
    maxWidth: "9em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: "0 4px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: "cell",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  status: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, minHeight: "14px" },
});

export interface SheetGridProps {
  snapshot: WorkbookSnapshot;
  sheet: string;
  selected?: CellRef;
  /** What the status line says (定位 or a click). */
  status?: string;
  onSheet: (sheet: string) => void;
  onPick: (ref: CellRef) => void;
}

export function SheetGrid({ snapshot, sheet, selected, status, onSheet, onPick }: SheetGridProps) {
  const styles = useStyles();
  const t = paneText.preview;
  const scroller = useRef<HTMLDivElement>(null);
  const grid = snapshot.grids.find((g) => g.sheet === sheet);
  const view = grid ? new SheetView(grid) : undefined;
  const sel = selected && selected.sheet === sheet ? parseCell(selected.address) : undefined;
  // Show from A1 so row and column headers read like Excel; include the selected cell.
  const bottom = Math.max(view?.bottom ?? 1, sel?.row ?? 1);
  const right = Math.max(view?.right ?? 1, sel?.col ?? 1);

  useEffect(() => {
    if (!sel) return;
    const td = scroller.current?.querySelector<HTMLElement>(`[data-cell="${cellAddress(sel.row, sel.col)}"]`);
    td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [sheet, sel?.row, sel?.col]);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const from = sel ?? { row: 1, col: 1 };
    const row = Math.min(bottom, Math.max(1, from.row + (sel ? m[0] : 0)));
    const col = Math.min(right, Math.max(1, from.col + (sel ? m[1] : 0)));
    onPick({ sheet, address: cellAddress(row, col) });
  };

  const rows = Array.from({ length: bottom }, (_, i) => i + 1);
  const cols = Array.from({ length: right }, (_, i) => i + 1);
  return (
    <section aria-label={t.grid}>
      <div className={styles.bar}>
        <label htmlFor="pe-grid-sheet">{t.gridSheet}</label>
        <Select id="pe-grid-sheet" size="small" className={styles.select} value={sheet} onChange={(_, d) => onSheet(d.value)}>
          {snapshot.sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
      <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={t.gridLabel(sheet)} onKeyDown={onKey} data-testid="sheet-grid">
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head} />
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  {cellAddress(1, c).replace(/\d+$/, "")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                  {r}
                </th>
                {cols.map((c) => {
                  const address = cellAddress(r, c);
                  const isSel = !!sel && sel.row === r && sel.col === c;
                  const text = view && !view.isCovered(r, c) ? view.cell(r, c)?.text ?? view.text(r, c) : "";
                  return (
                    <td
                      key={c}
                      data-cell={address}
                      aria-selected={isSel || undefined}
                      title={text || undefined}
                      className={mergeClasses(styles.cell, isSel && styles.selected)}
                      onClick={() => onPick({ sheet, address })}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.status} role="status" aria-live="polite" data-testid="grid-status">
        {status}
      </div>
    </section>
  );
}
