/**
 * A small read-only view of one sheet for preview mode: 定位 highlights a cell here (there is no
 * Excel to select it in), and the cell clicked here is the "selected cell" for 绑定.
 * Keyboard: focus the grid, arrow keys move the selection.
 *
 * Only the rows in view (and a margin) are in the DOM: a sheet may hold thousands of rows, and
 * laying out every cell would cost the pane its first second.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type UIEvent } from "react";
import { Select, makeStyles, tokens, mergeClasses } from "@fluentui/react-components";
import type { CellRef } from "../ports/port";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { cellAddress, parseCell } from "../../workbook/address";
import { SheetView } from "../../workbook/grid";
import { paneText } from "../../text/pane";

/** Height of the scroller (px) and the rows rendered beyond what it shows, above and below. */
const VIEW_PX = 200;
const MARGIN_ROWS = 15;
/** Row height before one is measured (16 px line + 1 px collapsed border). */
const ROW_PX = 17;

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  select: { flexGrow: 1, minWidth: 0 },
  scroller: {
    maxHeight: `${VIEW_PX}px`,
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    lineHeight: "16px",
    fontVariantNumeric: "tabular-nums",
  },
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
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  status: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, minHeight: "14px" },
});

export interface SheetGridProps {
  snapshot: WorkbookSnapshot;
  sheet: string;
  selected?: CellRef | undefined;
  /** What the status line says (定位 or a click). */
  status?: string | undefined;
  onSheet: (sheet: string) => void;
  onPick: (ref: CellRef) => void;
}

export function SheetGrid({ snapshot, sheet, selected, status, onSheet, onPick }: SheetGridProps) {
  const styles = useStyles();
  const t = paneText.preview;
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const rowPx = useRef(ROW_PX);
  const grid = snapshot.grids.find((g) => g.sheet === sheet);
  const view = useMemo(() => (grid ? new SheetView(grid) : undefined), [grid]);
  const sel = selected && selected.sheet === sheet ? parseCell(selected.address) : undefined;
  // Show from A1 to the last cell that holds something (not the whole window read), so row and
  // column headers read like Excel; include the selected cell.
  const extent = useMemo(() => {
    let row = 1;
    let col = 1;
    for (const c of view?.cells() ?? []) {
      row = Math.max(row, c.row);
      col = Math.max(col, c.col);
    }
    return { row, col };
  }, [view]);
  const bottom = Math.max(extent.row, sel?.row ?? 1);
  const right = Math.max(extent.col, sel?.col ?? 1);

  // The real row height, measured once after the first paint (measuring forces a layout; jsdom
  // lays out nothing: the default stays).
  useEffect(() => {
    const h = scroller.current?.querySelector("tbody tr[data-row]")?.getBoundingClientRect().height;
    if (h && h > 4 && Math.abs(h - rowPx.current) > 0.5) {
      rowPx.current = h;
      setTop((x) => x + 0); // re-render with the measured height
    }
  }, [grid]);

  // Another sheet starts at its top (before 定位 below, which may scroll it further).
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setTop(0);
  }, [sheet]);

  // 定位: bring the selected row into the rendered range, then the cell into view.
  useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current;
    const y = (sel.row - 1) * rowPx.current;
    if (y < el.scrollTop || y > el.scrollTop + VIEW_PX - 2 * rowPx.current) {
      el.scrollTop = Math.max(0, y - VIEW_PX / 2);
      setTop(el.scrollTop);
    }
    const td = el.querySelector<HTMLElement>(`[data-cell="${cellAddress(sel.row, sel.col)}"]`);
    td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    // Runs when the selected position changes, not on every new `sel` object of the same cell.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet, sel?.row, sel?.col]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop);
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const address = (e.target as HTMLElement).closest?.("td[data-cell]")?.getAttribute("data-cell");
    if (address) onPick({ sheet, address });
  };

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const from = sel ?? { row: 1, col: 1 };
    const row = Math.min(bottom, Math.max(1, from.row + (sel ? m[0] : 0)));
    const col = Math.min(right, Math.max(1, from.col + (sel ? m[1] : 0)));
    onPick({ sheet, address: cellAddress(row, col) });
  };

  const first = Math.max(1, Math.floor(top / rowPx.current) + 1 - MARGIN_ROWS);
  const last = Math.min(bottom, first + Math.ceil(VIEW_PX / rowPx.current) + 2 * MARGIN_ROWS);
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // Class names merged once per render, not once per cell (mergeClasses is not free).
  const rowHeadClass = mergeClasses(styles.head, styles.rowHead);
  const cellClass = mergeClasses(styles.cell);
  const selectedClass = mergeClasses(styles.cell, styles.selected);
  // Cells hidden under a merge (not its top-left cell), for the rendered rows only.
  const covered = new Set<string>();
  for (const m of view?.merges ?? []) {
    for (let r = Math.max(first, m.top); r <= Math.min(last, m.bottom); r++) {
      for (let c = m.left; c <= Math.min(m.right, right); c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
  }
  const cols = Array.from({ length: right }, (_, i) => i + 1);
  return (
    <section aria-label={t.grid}>
      <div className={styles.bar}>
        <label htmlFor="pe-grid-sheet">{t.gridSheet}</label>
        <Select
          id="pe-grid-sheet"
          size="small"
          className={styles.select}
          value={sheet}
          onChange={(_, d) => onSheet(d.value)}
        >
          {snapshot.sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={t.gridLabel(sheet)}
        onKeyDown={onKey}
        onScroll={onScroll}
        data-testid="sheet-grid"
      >
        {/* One click handler for every cell (the clicked cell says which it is). */}
        <table className={styles.table} onClick={onClick}>
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
            {first > 1 && <tr aria-hidden="true" style={{ height: (first - 1) * rowPx.current }} />}
            {rows.map((r) => (
              <tr key={r} data-row={r}>
                <th scope="row" className={rowHeadClass}>
                  {r}
                </th>
                {cols.map((c) => {
                  const address = cellAddress(r, c);
                  const isSel = !!sel && sel.row === r && sel.col === c;
                  const text = view && !covered.has(`${r},${c}`) ? (view.cell(r, c)?.text ?? view.text(r, c)) : "";
                  return (
                    <td
                      key={c}
                      data-cell={address}
                      aria-selected={isSel || undefined}
                      title={text || undefined}
                      className={isSel ? selectedClass : cellClass}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < bottom && <tr aria-hidden="true" style={{ height: (bottom - last) * rowPx.current }} />}
          </tbody>
        </table>
      </div>
      <div className={styles.status} role="status" aria-live="polite" data-testid="grid-status">
        {status}
      </div>
    </section>
  );
}
