/** jsdom gaps that Fluent UI v9 and the .xlsx host need; import first in every pane test file. */
import { TextDecoder, TextEncoder } from "util";
import { deserialize, serialize } from "v8";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
// The engine clones its built-in rule sets; jsdom's global has no structuredClone.
g.structuredClone ??= <T>(v: T): T => deserialize(serialize(v)) as T;
if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  Element.prototype.scrollIntoView ??= function () {};
  // jsdom's Blob has neither text() nor arrayBuffer(), which every browser the pane runs in has.
  const read = (b: Blob, as: "text" | "buffer") =>
    new Promise<string | ArrayBuffer>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as string | ArrayBuffer);
      r.onerror = () => reject(r.error ?? new Error("FileReader failed"));
      if (as === "text") r.readAsText(b);
      else r.readAsArrayBuffer(b);
    });
  Blob.prototype.text ??= function (this: Blob) {
    return read(this, "text") as Promise<string>;
  };
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return read(this, "buffer") as Promise<ArrayBuffer>;
  };
}
