/**
 * Chinese text of the .xlsx host: what a user sees when a file cannot be read or a scored copy
 * cannot be written. The host code only picks these messages.
 */

export const XLSX_TEXT = {
  empty: "文件为空，不是有效的 .xlsx 工作簿",
  notZip: "文件不是有效的 .xlsx 工作簿（无法解压）",
  noWorkbook: "文件不是有效的 .xlsx 工作簿（缺少 workbook.xml）",
  badPart: (part: string) => `工作簿内部文件 ${part} 已损坏，无法读取`,
  missingSheetPart: (sheet: string) => `工作表“${sheet}”的内容缺失，工作簿可能已损坏`,
  unknownSheet: (sheet: string) => `要写入的工作表“${sheet}”不存在`,
  badAddress: (sheet: string, address: string) => `要写入的单元格地址“${sheet}!${address}”无效`,
  badNumber: (sheet: string, address: string) => `要写入“${sheet}!${address}”的数值无效（不是有限数字）`,
  badSheetName: (sheet: string) =>
    `工作表名称“${sheet}”无效：须为 1 到 31 个字符，不能包含 [ ] : * ? / \\，不能以单引号开头或结尾`,
  badName: (name: string) => `定义名称“${name}”无效：须以字母、汉字或下划线开头，不含空格，且不能与单元格地址相同`,
  pendingTooLong: (part: string, mb: number) =>
    `工作簿过大或已损坏：内部文件 ${part} 中有超过 ${mb} MB 的内容不构成完整的单元格行，无法读取。请检查文件是否完整，或删除无关的工作表后再试。`,
  partTooLarge: (part: string, mb: number) =>
    `工作簿过大或已损坏：内部文件 ${part} 解压后超过 ${mb} MB（或全部内容超过读取上限），为免耗尽内存未读取。请检查文件是否完整，或删除无关的大工作表、图片后再试。`,
  tooManyParts: (n: number) => `工作簿已损坏或不是正常的 .xlsx 文件：包含 ${n} 个内部文件，超过上限，未读取。`,
  tooManyCells: (limit: number) =>
    `工作簿过大：评分需要读取的单元格超过 ${limit} 个，未读取。请删除与评分无关的大表，或把评分表、评分依据放在单独的工作簿中。`,
  tooLargeToWrite: "工作簿过大（超过 4 GB），无法写出评分后的副本。",
  duplicateSheet: (sheet: string) => `工作表名称“${sheet}”在计划中重复`,
} as const;
