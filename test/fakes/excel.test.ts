import { FakeOfficeError, FakeWorkbookData } from "./excel";

function book(): FakeWorkbookData {
  const d = new FakeWorkbookData();
  d.addSheet("数据");
  d.addSheet("评分表");
  d.setCell("数据", "B2", { value: 100, numberFormat: "#,##0" });
  d.names.push({ name: "预算", reference: "数据!$B$2", scope: null });
  d.names.push({ name: "本表", reference: "数据!$B$2", scope: "数据" });
  d.names.push({ name: "坏", reference: "#REF!", scope: null });
  return d;
}

describe("Excel fake semantics", () => {
  test("properties throw until loaded and synced", async () => {
    const ctx = book().context();
    const r = ctx.workbook.worksheets.getItem("数据").getRange("B2");
    expect(() => r.values).toThrow(/not available/);
    r.load("values");
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([[100]]);
    expect(() => r.numberFormat).toThrow(/not available/);
  });

  test("null objects: isNullObject loaded by sync, chains stay null, other props throw", async () => {
    const ctx = book().context();
    const item = ctx.workbook.names.getItemOrNullObject("没有");
    const range = item.getRangeOrNullObject().load("values");
    const below = range.getRowsBelow(2).load("values");
    expect(() => item.isNullObject).toThrow();
    await ctx.sync();
    expect(item.isNullObject).toBe(true);
    expect(range.isNullObject).toBe(true);
    expect(below.isNullObject).toBe(true);
    expect(() => range.values).toThrow();
  });

  test("workbook.names excludes sheet-scoped names; worksheet.names includes workbook ones", async () => {
    const ctx = book().context();
    const wb = ctx.workbook.names.load("name,scope");
    const ws = ctx.workbook.worksheets.getItem("数据").names.load("name,scope");
    const local = ctx.workbook.names.getItemOrNullObject("本表");
    await ctx.sync();
    expect(wb.items.map((n) => n.name)).toEqual(["预算", "坏"]);
    expect(ws.items.map((n) => [n.name, n.scope])).toEqual([
      ["本表", "Worksheet"],
      ["预算", "Workbook"],
      ["坏", "Workbook"],
    ]);
    expect(local.isNullObject).toBe(true);
  });

  test("Error names, ItemNotFound, writes queued until sync, protected sheets, cell-edit mode", async () => {
    const d = book();
    const ctx = d.context();
    const bad = ctx.workbook.names.getItemOrNullObject("坏").load("type,value");
    const badRange = ctx.workbook.names.getItemOrNullObject("坏").getRangeOrNullObject();
    await ctx.sync();
    expect(bad.type).toBe("Error");
    expect(badRange.isNullObject).toBe(true);

    ctx.workbook.names.getItemOrNullObject("坏").getRange().load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidReference" });

    ctx.workbook.worksheets.getItem("无此表").getRange("A1").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });

    const r = ctx.workbook.worksheets.getItem("数据").getRange("B2");
    r.values = [[5]];
    expect(d.cell("数据", "B2")?.value).toBe(100);
    await ctx.sync();
    expect(d.cell("数据", "B2")).toEqual({ value: 5, numberFormat: "#,##0" });

    d.sheet("数据")!.protected = true;
    r.values = [[6]];
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    expect(d.cell("数据", "B2")?.value).toBe(5);

    d.sheet("数据")!.protected = false;
    d.cellEditMode = true;
    r.values = [[7]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(d.cell("数据", "B2")?.value).toBe(5);
    expect(d.syncCount).toBe(6);
  });
});
