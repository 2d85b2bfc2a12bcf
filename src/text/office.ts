/** Chinese text of the Office host and the ribbon command. */

export const officeText = {
  cellEdit: "Excel 正处于单元格编辑状态，无法评分。请先按 Enter 或 Esc 结束编辑，再点击“重新评分”。未写入任何内容。",
  protectedSheet: (sheet: string) =>
    `工作表“${sheet}”受保护，无法整表重写。请在“审阅 → 撤销工作表保护”后重试。未写入任何内容。`,
  lockedCells: (sheet: string, cells: string[]) =>
    `工作表“${sheet}”受保护，且要写入的单元格 ${cells.slice(0, 8).join("、")}${cells.length > 8 ? ` 等 ${cells.length} 个` : ""} 处于锁定状态：请选中这些单元格，在“设置单元格格式 → 保护”中取消“锁定”（或撤销工作表保护）后重试。未写入任何内容。`,
  itemNotFound: (detail: string) =>
    `在工作簿中找不到所需的对象（${detail}）。可能工作表或名称刚被删除或改名，请重试。未写入任何内容。`,
  accessDenied: "Excel 拒绝了写入（工作表或工作簿受保护，或文件为只读），请取消保护或另存为后重试",
  writeFailed: (detail: string) => `写入得分时 Excel 报错：${detail}。已尝试恢复本次写入前的内容，请检查评分表后重试。`,
  writeFailedNoRollback: (detail: string) =>
    `写入得分时 Excel 报错：${detail}。恢复原内容也失败了，请检查评分表（可关闭文件不保存以放弃更改）。`,
  officeError: (code: string, detail: string) => `Excel 返回错误（${code}）：${detail}。未写入任何内容。`,
  unknownError: (detail: string) => `评分时出现意外错误：${detail}。未写入任何内容。`,
  requirement:
    "此版本的 Excel 不支持本加载项所需的接口（ExcelApi 1.13）。请使用 Microsoft 365（2102 版及以上）、Office 2021 及以上、Mac 版（16.50 及以上）或网页版 Excel。",
  payloadTooLarge:
    "Excel 无法一次返回所需的数据（单个区域过大）。请检查“评分表”等定义名称是否指向了整列或很大的区域。未写入任何内容。",
  recalculated: "Excel 为手动计算模式，已重新计算公式。",
  found: "Excel 错误",
  expected: "可写入的工作簿",

  // Ribbon command feedback (dialog page).
  dialogTitle: "绩效自评",
  withLocation: (message: string, location: string) => `${message}（${location}）`,
  resultOk: "重新评分完成",
  resultFailed: "未能重新评分",
  openPaneHint: "请点击“打开面板”查看全部问题并逐项修正。",
  moreErrors: (n: number) => `……另有 ${n} 项问题`,
  close: "关闭",
  totalLine: (total: string, grade: string) => `综合评分 ${total}，${grade}`,
  busy: "上一次评分尚未结束，请稍候。",
  waitingTitle: "正在等待 Excel",
  waitingCellEdit: "如果您正在编辑某个单元格，请按 Enter 或 Esc 结束编辑，评分会随后继续，结果将显示在这里。",
};
