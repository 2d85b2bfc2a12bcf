/**
 * The yardstick of `npm run bench` (scripts/bench-pane.ts): the pane's first view in preview mode
 * as a bare React + Fluent page — the preview banner, workbook chooser and file buttons, tabs,
 * 重新评分, 撤销, the 明细 switch, one line of text — with no workbook, no scoring and no host: the
 * same Fluent components, none of the pane's own work. Built with the pane's own webpack config
 * (`--env shell`), never shipped.
 */
import { createRoot } from "react-dom/client";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  tabs: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});

function Shell() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>预览模式：不在 Excel 中运行。可选择示例工作簿或本机的 .xlsx 文件。</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <label htmlFor="source">工作簿</label>
        <Select id="source" size="small">
          <option>示例：深圳市教育事务综合保障中心（2021，市级框架）</option>
          <option>示例：区级 2020 框架</option>
        </Select>
      </div>
      <div className={styles.row}>
        <Button size="small">打开 .xlsx 文件</Button>
        <Button size="small" disabledFocusable>
          下载评分后的副本
        </Button>
      </div>
      <div role="tablist" className={styles.tabs}>
        {["评分", "设置", "评定"].map((t, i) => (
          <Button key={t} role="tab" appearance="subtle" aria-selected={i === 0}>
            {t}
          </Button>
        ))}
      </div>
      <div className={styles.row}>
        <Button appearance="primary">重新评分</Button>
        <Button disabled>撤销本次评分</Button>
        <Switch label="评分时生成“评分明细”工作表" />
      </div>
      <Text>点击“重新评分”：按评分规则计算 21 项三级指标，写回得分、综合评分和评分等级。</Text>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Shell />
  </FluentProvider>,
);
