/**
 * Rate limiting as Slack does it (docs.slack.dev/apis/web-api/rate-limits): HTTP 429, a `Retry-After: <seconds>`
 * header and `{"ok":false,"error":"ratelimited"}`. chat.postMessage "generally allows posting one message per
 * second per channel, while also maintaining a workspace-wide limit", with short bursts tolerated.
 */
export interface RealRateLimits {
  /** chat.postMessage messages per second per channel (Slack: 1). */
  postMessagePerChannelPerSecond: number;
  /** Messages a channel may burst before the per-second rate applies. */
  postMessageChannelBurst: number;
  /** Calls of any method the workspace may burst. */
  workspaceBurst: number;
  /** Calls per second the workspace bucket refills with. */
  workspaceRefillPerSecond: number;
}

export interface RateLimiter {
  /** Answer the next `count` calls (of `method` only, when given) with 429. */
  failNext(count: number, options?: { method?: string; retryAfterSec?: number }): void;
  /** Answer every call of `method` with 429 until clear(). */
  failMethod(method: string, retryAfterSec?: number): void;
  /**
   * Switch the real limiter on: token buckets per channel for chat.postMessage (default 1/s, burst 1) and for
   * the whole workspace, every method (default burst 100, refilled at 50/s).
   */
  enforce(limits?: Partial<RealRateLimits>): void;
  /** Drop forced failures and switch the real limiter off. */
  clear(): void;
  /** Seconds the caller must wait, or undefined when the call may go through. */
  check(method: string, channel: string | undefined): number | undefined;
}

const DEFAULT_RATE_LIMITS: RealRateLimits = {
  postMessagePerChannelPerSecond: 1,
  postMessageChannelBurst: 1,
  workspaceBurst: 100,
  workspaceRefillPerSecond: 50,
};

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  let forced: { remaining: number; method?: string; retryAfterSec: number }[] = [];
  let limits: RealRateLimits | undefined;
  let buckets = new Map<string, Bucket>();

  /** Takes a token; returns the seconds to wait when the bucket is empty. */
  function take(key: string, capacity: number, perSecond: number): number | undefined {
    const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: now() };
    const refilled = Math.min(capacity, bucket.tokens + ((now() - bucket.updatedAt) / 1000) * perSecond);
    buckets.set(key, { tokens: refilled >= 1 ? refilled - 1 : refilled, updatedAt: now() });
    return refilled >= 1 ? undefined : Math.max(1, Math.ceil((1 - refilled) / perSecond));
  }

  return {
    failNext(count, { method, retryAfterSec = 1 } = {}) {
      forced.push({ remaining: count, method, retryAfterSec });
    },
    failMethod(method, retryAfterSec = 1) {
      forced.push({ remaining: Number.POSITIVE_INFINITY, method, retryAfterSec });
    },
    enforce(overrides = {}) {
      limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
      buckets = new Map();
    },
    clear() {
      forced = [];
      limits = undefined;
      buckets = new Map();
    },
    check(method, channel) {
      const rule = forced.find((candidate) => candidate.method === undefined || candidate.method === method);
      if (rule) {
        rule.remaining -= 1;
        forced = forced.filter((candidate) => candidate.remaining > 0);
        return rule.retryAfterSec;
      }
      if (!limits) return undefined;
      if (method === "chat.postMessage" && channel !== undefined) {
        const { postMessageChannelBurst, postMessagePerChannelPerSecond } = limits;
        const wait = take(`channel:${channel}`, postMessageChannelBurst, postMessagePerChannelPerSecond);
        if (wait !== undefined) return wait;
      }
      return take("workspace", limits.workspaceBurst, limits.workspaceRefillPerSecond);
    },
  };
}
