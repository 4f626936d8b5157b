/**
 * Web API errors on demand, as Slack answers them: HTTP 200 with `{"ok":false,"error":"<code>"}` (a platform
 * error such as `internal_error` or `channel_not_found`). Unlike a 429 the WebClient does not retry these.
 */
export interface ForcedErrors {
  /**
   * Answer the next `count` calls of `method` (to `channel` only, when given) with `error`, after letting
   * `skip` such calls through first.
   */
  failNext(count: number, options: { method: string; error?: string; channel?: string; skip?: number }): void;
  clear(): void;
  /** The error code to answer with, or undefined when the call goes through. */
  check(method: string, channel: string | undefined): string | undefined;
}

export function createForcedErrors(): ForcedErrors {
  let rules: Array<{ remaining: number; skip: number; method: string; error: string; channel?: string }> = [];
  return {
    failNext(count, { method, error = "internal_error", channel, skip = 0 }) {
      rules.push({ remaining: count, skip, method, error, ...(channel === undefined ? {} : { channel }) });
    },
    clear() {
      rules = [];
    },
    check(method, channel) {
      const rule = rules.find(
        (candidate) =>
          candidate.method === method && (candidate.channel === undefined || candidate.channel === channel),
      );
      if (rule === undefined) return undefined;
      if (rule.skip > 0) {
        rule.skip -= 1;
        return undefined;
      }
      rule.remaining -= 1;
      rules = rules.filter((candidate) => candidate.remaining > 0);
      return rule.error;
    },
  };
}
