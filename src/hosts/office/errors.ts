/** Turning Office errors into the project's ScoreError (code "host"), with Chinese messages. */
import type { ScoreError } from "../../engine/types";
import { officeText } from "../../text/office";

/** What OfficeExtension.Error carries that we use; the fake throws the same shape. */
export interface OfficeErrorLike {
  name?: string;
  code: string;
  message: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string";
}

export function hostError(target: string, message: string, found = officeText.found, sheet?: string): ScoreError {
  return {
    code: "host",
    target,
    ...(sheet ? { source: { name: target, sheet } } : {}),
    found,
    expected: officeText.expected,
    message,
  };
}

/** Maps any thrown value (Office error or not) to one host ScoreError. */
export function toHostError(e: unknown, phase: "read" | "write"): ScoreError {
  if (isOfficeError(e)) {
    const detail = e.debugInfo?.errorLocation
      ? officeText.withLocation(e.message, e.debugInfo.errorLocation)
      : e.message;
    if (phase === "write" && e.code !== "InvalidOperationInCellEditMode") {
      // A failed write is followed by a rollback; the message says so.
      const what = e.code === "AccessDenied" ? officeText.accessDenied : `${e.code}：${detail}`;
      return hostError("write", officeText.writeFailed(what), e.code);
    }
    switch (e.code) {
      case "InvalidOperationInCellEditMode":
        return hostError("cellEdit", officeText.cellEdit, e.code);
      case "ItemNotFound":
        return hostError("itemNotFound", officeText.itemNotFound(detail), e.code);
      case "AccessDenied":
        return hostError("accessDenied", officeText.accessDenied, e.code);
      case "ApiNotFound":
        return hostError("requirement", officeText.requirement, e.code);
      case "ResponsePayloadSizeLimitExceeded":
      case "RequestPayloadSizeLimitExceeded":
        return hostError("payload", officeText.payloadTooLarge, e.code);
      default:
        return hostError(phase, officeText.officeError(e.code, detail), e.code);
    }
  }
  if (e instanceof Error && e.name === "PayloadTooLarge") return hostError("payload", officeText.payloadTooLarge);
  const msg = e instanceof Error ? e.message : String(e);
  return hostError(phase, officeText.unknownError(msg));
}
