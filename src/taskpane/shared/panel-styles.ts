/** Layout shared by the 设置 and 评定 panels: one column that fits a 320 px pane. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  h: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: { wordBreak: "break-word", fontSize: tokens.fontSizeBase300 },
  meta: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-all",
  },
  problem: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
    wordBreak: "break-word",
  },
  buttons: { gridColumn: "1 / -1", display: "flex", columnGap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, maxWidth: "100%" },
});
