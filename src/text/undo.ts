/**
 * Chinese text of the undo record (src/workbook/undo.ts): the block it keeps on the 评分设置 sheet
 * and the messages of an undo that is refused.
 */

export const UNDO = {
  note: (when: string) => `记录于 ${when}；“撤销本次评分”按此恢复，请勿修改`,
  noteUndone: (when: string) => `已于 ${when} 撤销`,
  /** Shown for a previous value that was a formula: the formula itself is not restored. */
  noRecord: "没有可撤销的评分：评分设置中没有上次评分记录（或已撤销）。",
  edited: (cells: string[]) =>
    `以下单元格在评分后被修改过：${cells.join("；")}。为免覆盖您的修改，未撤销任何内容。如仍要恢复，请手动改回后再撤销，或重新评分。`,
  editedCell: (where: string, now: string, written: string) => `${where}（现为 ${now}，评分写入 ${written}）`,
  missingSheet: (sheet: string) => `工作表“${sheet}”已不存在`,
  empty: "空",
} as const;
