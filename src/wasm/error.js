// HmsError: the one error class the npm package throws. It is created here, in
// JS, so that errors are real `Error`s with a stack; the Rust side only fills
// in the fields (see error.rs).

/** An error from hms-room-codes: `kind` tells what went wrong. */
export class HmsError extends Error {
  /**
   * @param {string} kind one of the kinds listed in the package's types
   * @param {string} message what happened, in words
   * @param {{ status?: number, details?: string[], retryAfterMs?: number, requestId?: string }} [extra]
   */
  constructor(kind, message, extra = {}) {
    super(message);
    this.kind = kind;
    this.status = extra.status;
    this.details = extra.details ?? [];
    this.retryAfterMs = extra.retryAfterMs;
    this.requestId = extra.requestId;
  }
}
HmsError.prototype.name = "HmsError";

/** Whether `value` is an HmsError. */
export function isHmsError(value) {
  return value instanceof HmsError;
}

/** Builds an HmsError from the Rust side's plain values. */
export function hmsError(kind, message, status, details, retryAfterMs, requestId) {
  return new HmsError(kind, message, { status, details, retryAfterMs, requestId });
}

