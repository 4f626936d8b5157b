/**
 * A chat platform refused a call for now (Slack: HTTP 429 with `Retry-After`). Adapters throw it; the
 * outbox waits `retryAfterMs` before sending again, without counting it as a failed attempt.
 */
export class RateLimitedError extends Error {
  readonly retryAfterMs: number;

  constructor(
    retryAfterMs: number,
    message = `rate limited: retry after ${Math.ceil(retryAfterMs / 1000)} s`,
  ) {
    super(message);
    this.name = "RateLimitedError";
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

export function isRateLimitedError(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError;
}
