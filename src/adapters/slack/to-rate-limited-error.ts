import { RateLimitedError } from "../../domain/ports/chat.ts";

/** Slack's WebClient error for an HTTP 429 (with rejectRateLimitedCalls): its code and Retry-After seconds. */
const RATE_LIMITED_CODE = "slack_webapi_rate_limited_error";

/** The WebClient's rate-limit error as the core's RateLimitedError; null for any other error. */
export function toRateLimitedError(error: unknown): RateLimitedError | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, retryAfter } = error as { code?: unknown; retryAfter?: unknown };
  if (code !== RATE_LIMITED_CODE) return null;
  const seconds = typeof retryAfter === "number" && Number.isFinite(retryAfter) ? retryAfter : 1;
  return new RateLimitedError(seconds * 1000, `Slack rate limit (HTTP 429): retry after ${seconds} s`);
}
