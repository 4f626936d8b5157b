import { ChatAccessRevokedError } from "../../domain/ports/chat.ts";
import { toRateLimitedError } from "./to-rate-limited-error.ts";

/** The `error` of a Web API platform error (`{"ok":false,"error":"not_in_channel"}`); undefined for anything else. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Slack no longer accepts the bot token: the app was uninstalled or the token revoked (token_revoked), or the
 * workspace or bot user is gone (account_inactive), per every method's error list (slack-ruby/slack-api-ref).
 */
const ACCESS_REVOKED = new Set(["token_revoked", "account_inactive", "invalid_auth", "not_authed"]);

/** Failures worth trying again soon: Slack's transient errors and anything that never reached Slack. */
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/** Whether the same call may succeed if made again (429s are handled apart, with their Retry-After). */
export function isTransientSlackError(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === undefined || TRANSIENT.has(code);
}

/**
 * Runs a Web API call; a 429 becomes the core's RateLimitedError, a refused token ChatAccessRevokedError,
 * anything else is rethrown as it is.
 */
export async function asCoreErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const rateLimited = toRateLimitedError(error);
    if (rateLimited !== null) throw rateLimited;
    const code = slackErrorCode(error);
    if (code !== undefined && ACCESS_REVOKED.has(code)) throw new ChatAccessRevokedError(code);
    throw error;
  }
}
