/** Chinese text of the self-check (自检): probe titles, evidence, and the report for IT. */

export const SELFCHECK = {
  title: "自检",
  intro:
    "在本台电脑的 Excel 中逐项验证加载项依赖的 Excel 功能。自检在一张临时工作表上进行，结束后删除该表和临时名称，工作簿的工作表、名称和单元格保持原样。建议信息部门在每个 Excel 版本上安装后运行一次。",
  run: "运行自检",
  running: "正在自检……",
  copy: "复制结果",
  copied: "已复制",
  copyFailed: "无法复制，请手动选中文字复制",
  previewOnly: "自检需要在 Excel 中运行：预览模式没有 Excel。",
  failed: "自检未能完成",
  pass: "通过",
  fail: "失败",
  summary: (passed: number, failed: number) =>
    failed === 0 ? `全部 ${passed} 项通过` : `${passed} 项通过，${failed} 项失败`,
  environment: (host: string, version: string, platform: string) =>
    `Excel ${version || "（版本未知）"}，${platform || "（平台未知）"}${host ? `，${host}` : ""}`,
  reportHeader: (when: string, env: string) => `绩效自评 加载项自检（${when}）\n${env}`,
  reportLine: (ok: boolean, title: string, evidence: string) => `${ok ? "✓ 通过" : "✗ 失败"}  ${title}：${evidence}`,

  scratchSheet: "绩效自评自检",
  scratchName: "绩效自评自检",
  commentText: "自检批注",
  /** Prefix of a name that is known not to exist (the read probe asks for it). */
  missingNamePrefix: "绩效自评自检缺失_",
  /** A label written by the undo-group probe. */
  undoGroupLabel: "撤销组",
  /** Text written outside the bounded-scan window. */
  farText: "远处",

  probe: {
    requirement: "Excel 接口版本（ExcelApi 1.13）",
    sheetAndName: "新建工作表与指向它的名称（同一批次写入）",
    read: "按名称一次读取（含不存在的名称）",
    textStaysText: "像数字、日期、公式的文本写入后仍是文本",
    quotedEquals: "用户以 ' 输入的 = 开头文本读回仍是文本",
    merges: "读取合并单元格",
    protection: "受保护工作表：未锁定的单元格可写，锁定的单元格拒写",
    calculation: "计算模式",
    undoGroup: "评分写入合并为一步撤销",
    boundedScan: "有界扫描：只读取窗口内的单元格",
    select: "定位：选中单元格",
    repoint: "名称改指向后保留批注",
    events: "工作表变更事件（注册与移除）",
    cellEditDelay: "单元格编辑时等待（delayForCellEdit）",
    restored: "工作簿恢复原状",
  },

  evidence: {
    supported: (v: string) => `支持 ExcelApi ${v}`,
    unsupported: (v: string) => `不支持 ExcelApi ${v}`,
    nameResolves: (name: string, ref: string, value: string) => `名称“${name}”指向 ${ref}，值为“${value}”`,
    nameBroken: (name: string, got: string) => `名称“${name}”未指向新工作表（读到：${got}）`,
    readMode: (mode: "speculative" | "documented", syncs: number) =>
      mode === "speculative"
        ? `一批读取（${syncs} 次往返）`
        : `此 Excel 不接受空对象上的链式调用，改用分步读取（${syncs} 次往返），结果相同`,
    missingReported: "不存在的名称报告为缺失",
    missingNotReported: (found: string) => `不存在的名称被读成了内容：${found}`,
    allText: (n: number) => `${n} 个文本全部原样读回，类型为文本`,
    converted: (items: string[]) => `被 Excel 转换：${items.join("；")}`,
    quoted: (v: string) => `读回为文本“${v}”，不是公式`,
    quotedAsFormula: (f: string) => `被当作公式：${f}`,
    mergesRead: (areas: string) => `读到合并区域 ${areas}`,
    mergesMissing: (got: string) => `未读到合并区域（读到：${got || "无"}）`,
    protection: "未锁定单元格写入成功；锁定单元格被拒绝，未写入任何内容",
    protectionWrong: (freeWritten: boolean, lockedWritten: boolean) =>
      `保护检查不符：B10 ${freeWritten ? "已写" : "未写"}，C10 ${lockedWritten ? "已写" : "未写"}`,
    calculation: (mode: string) =>
      mode === "Manual"
        ? "手动计算：评分写入后会请求重新计算"
        : mode === "Automatic"
          ? "自动计算"
          : `自动计算（除数据表外）：${mode}`,
    undoGroup: "一步撤销可用",
    undoGroupRetried: "此 Excel 拒绝合并撤销组：已回滚并改为不合并重写，评分可逐步撤销",
    undoGroupUnsupported: "此 Excel 不支持（需 ExcelApi 1.20）：评分写入可逐步撤销，“撤销本次评分”不受影响",
    bounded: (cells: number, far: string) => `扫描读取 ${cells} 个单元格，未读取窗口外的 ${far}`,
    unbounded: (far: string) => `扫描读到了窗口外的 ${far}`,
    selected: (where: string) => `已选中 ${where}，并恢复原来的选择`,
    selectedWrong: (want: string, got: string) => `应选中 ${want}，实际为 ${got}`,
    commentKept: (comment: string) => `改指向后批注仍为“${comment}”`,
    commentLost: (got: string) => `改指向后批注变为“${got}”`,
    eventsHeard: "注册、收到变更通知并移除",
    eventsRegistered: "注册并移除（本次未在 2 秒内收到变更通知，评分结果的“已过期”提示可能不出现）",
    cellEditDelay: "Excel 接受等待选项：编辑单元格时评分会等待而不是失败",
    restored: (sheets: number, names: number) => `${sheets} 张工作表、${names} 个名称与自检前相同`,
    notRestored: (diff: { extraSheets: string[]; lostSheets: string[]; extraNames: string[]; lostNames: string[] }) =>
      "与自检前不同：" +
      [
        diff.extraSheets.length ? `多出工作表 ${diff.extraSheets.join("、")}` : "",
        diff.lostSheets.length ? `缺少工作表 ${diff.lostSheets.join("、")}` : "",
        diff.extraNames.length ? `多出名称 ${diff.extraNames.join("、")}` : "",
        diff.lostNames.length ? `缺少名称 ${diff.lostNames.join("、")}` : "",
      ]
        .filter(Boolean)
        .join("；"),
    error: (code: string, message: string) => `Excel 报错（${code}）：${message}`,
  },
} as const;
