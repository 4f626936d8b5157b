import { METHOD_FACTS } from "./method-facts.ts";

/**
 * Rate limiting as Slack does it (docs.slack.dev/apis/web-api/rate-limits): HTTP 429, a `Retry-After: <seconds>`
 * header and `{"ok":false,"error":"ratelimited"}`, per method per workspace by tier (Tier 2 20+/min, Tier 3
 * 50+/min, Tier 4 100+/min, "sporadic bursts welcome"); chat.postMessage "generally allows posting one message
 * per second per channel, while also maintaining a workspace-wide limit", with short bursts allowed.
 *
 * Always on: each tiered method's bucket holds a minute's calls and refills at its per-minute rate; each
 * channel's chat.postMessage bucket holds `postMessageChannelBurst` (20 by default) and refills at one a
 * second. `enforce()` tightens chat.postMessage to Slack's plain one per second and adds the workspace bucket.
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
  /**
   * Switch every limit off, forced 429s aside: for benchmarks that measure Duban rather than Slack's limits
   * (2,000 receipts in one DM thread would otherwise wait a second each). clear() switches them back on.
   */
  unlimited(): void;
  /** Drop forced failures and enforce(): back to the tiers and the bursty per-channel limit. */
  clear(): void;
  /** Seconds the caller must wait, or undefined when the call may go through. */
  check(method: string, channel: string | undefined): number | undefined;
}

/** Per-minute calls per tier (the low end of each documented range). */
const TIER_PER_MINUTE = { 2: 20, 3: 50, 4: 100 } as const;

/**
 * What is on without enforce(): the tiers and a bursty one-per-second per channel. Slack: "Short bursts >1
 * allowed" (rate-limits docs, posting messages); bursts of 30-40 messages were seen to go through
 * (zenn.dev/tachibanayu24, "Slack APIのRate Limit"), so 20 is on the safe side of what Slack takes.
 */
const BASELINE_CHANNEL_BURST = 20;

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
  let off = false;
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
    unlimited() {
      off = true;
    },
    clear() {
      forced = [];
      limits = undefined;
      off = false;
      buckets = new Map();
    },
    check(method, channel) {
      const rule = forced.find((candidate) => candidate.method === undefined || candidate.method === method);
      if (rule) {
        rule.remaining -= 1;
        forced = forced.filter((candidate) => candidate.remaining > 0);
        return rule.retryAfterSec;
      }
      if (off) return undefined;
      const tier = METHOD_FACTS[method]?.tier;
      if (tier !== undefined && tier !== "special") {
        const perMinute = TIER_PER_MINUTE[tier];
        const wait = take(`method:${method}`, perMinute, perMinute / 60);
        if (wait !== undefined) return wait;
      }
      if (method === "chat.postMessage" && channel !== undefined) {
        const burst = limits?.postMessageChannelBurst ?? BASELINE_CHANNEL_BURST;
        const perSecond = limits?.postMessagePerChannelPerSecond ?? 1;
        const wait = take(`channel:${channel}`, burst, perSecond);
        if (wait !== undefined) return wait;
      }
      if (!limits) return undefined;
      return take("workspace", limits.workspaceBurst, limits.workspaceRefillPerSecond);
    },
  };
}
