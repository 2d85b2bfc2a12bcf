/**
 * On-demand chunks (src/taskpane/shared/lazy-chunk.ts): one fetch however many ask, known
 * synchronously once there, and a failed fetch retried by the next call, never remembered.
 */
import { lazyChunk } from "../../src/taskpane/shared/lazy-chunk";

test("many callers, one load; loaded() knows it once it has arrived", async () => {
  const importer = jest.fn(() => Promise.resolve({ name: "core" }));
  const chunk = lazyChunk(importer);
  expect(chunk.loaded()).toBeUndefined();
  const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
  expect(a).toBe(b);
  expect(await chunk.load()).toBe(a);
  expect(chunk.loaded()).toBe(a);
  expect(importer).toHaveBeenCalledTimes(1);
});

test("a failed load is retried by the next call", async () => {
  const importer = jest
    .fn<Promise<string>, []>()
    .mockRejectedValueOnce(new Error("ChunkLoadError"))
    .mockResolvedValueOnce("core");
  const chunk = lazyChunk(importer);
  await expect(chunk.load()).rejects.toThrow("ChunkLoadError");
  expect(chunk.loaded()).toBeUndefined();
  await expect(chunk.load()).resolves.toBe("core");
  expect(chunk.loaded()).toBe("core");
  expect(importer).toHaveBeenCalledTimes(2);
});
