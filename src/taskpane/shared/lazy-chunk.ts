/**
 * A chunk the pane loads on demand (the scoring core, the .xlsx reader and writer): fetched once
 * however many ask, known synchronously once it has arrived, and a failed load (a network hiccup
 * on an intranet server) retried by the next call instead of being remembered.
 */
export interface LazyChunk<T> {
  load(): Promise<T>;
  /** The chunk if it has arrived already. */
  loaded(): T | undefined;
}

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  let pending: Promise<T> | undefined;
  let value: T | undefined;
  return {
    load: () =>
      (pending ??= importer().then(
        (v) => (value = v),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      )),
    loaded: () => value,
  };
}
