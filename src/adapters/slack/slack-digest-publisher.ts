import type { webApi } from "@slack/bolt";
import type { Env } from "../../config/env-schema.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { ChatMessageRef } from "../../domain/ports/chat-notifier.ts";
import type { DigestPublisher } from "../../domain/ports/digest-publisher.ts";
import { type ChartRenderer, digestChartFile } from "../charts/digest-chart-file.ts";
import { BLOCK_LIMITS, clip } from "./blocks/block-kit.ts";
import { digestMainBlocks, digestThreadMessages } from "./blocks/digest-blocks.ts";
import { createOutboxWebClient } from "./create-outbox-web-client.ts";
import { surfacingRateLimits, toRateLimitedError } from "./to-rate-limited-error.ts";
import { uploadFile } from "./upload-file.ts";

export interface SlackDigestPublisherOptions {
  /** Where a digest goes when the plan's schedule names no channel (DUBAN_DIGEST_CHANNEL). */
  defaultChannel?: string | undefined;
  /** Waits between thread messages after a 429; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Tries per thread message (429s and other failures) before the rest of the thread is left out. */
  threadTries?: number;
  onThreadFailure?: (error: unknown, part: number) => void;
  /** The digest's chart could not be drawn or uploaded (the digest is posted without it). */
  onChartFailure?: (error: unknown) => void;
  /** Draws the chart; default resvg with the bundled CJK font (tests may pass a cheaper one). */
  renderChart?: ChartRenderer;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The weekly digest on Slack: the main message (counts by section and measure, highlights, 表扬 / 通报) in the
 * channel, the chart (a PNG) and the long lists in its thread, every message within Slack's limits. A 429 on the main message throws
 * RateLimitedError (nothing was posted; the outbox retries). Once the main message is posted, thread messages
 * wait out 429s here (Retry-After) and a thread message that keeps failing is left out: the main message is
 * never posted twice.
 */
export function createSlackDigestPublisher(
  client: webApi.WebClient,
  options: SlackDigestPublisherOptions = {},
): DigestPublisher {
  const sleep = options.sleep ?? sleepFor;
  const tries = options.threadTries ?? 5;

  /** Calls `send` until it succeeds, waiting out 429s (Retry-After) and backing off on other failures. */
  async function retrying<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        if (attempt >= tries) throw error;
        await sleep(toRateLimitedError(error)?.retryAfterMs ?? 1000 * 2 ** (attempt - 1));
      }
    }
  }

  async function postThreadPart(
    channel: string,
    threadTs: string,
    part: { text: string; blocks: unknown[] },
  ) {
    const posted = await retrying(() =>
      client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: part.text,
        blocks: part.blocks as never,
      }),
    );
    return posted.ts ? { channel: posted.channel ?? channel, ts: posted.ts } : null;
  }

  /** The chart, first in the thread: drawn here, uploaded the way current Slack requires. */
  async function attachChart(digest: DigestMessage, main: ChatMessageRef): Promise<void> {
    try {
      const file = await digestChartFile(digest, options.renderChart);
      if (file === null) return;
      await retrying(() => uploadFile(client, file, { channelId: main.channel, threadTs: main.ts }));
    } catch (error) {
      options.onChartFailure?.(error);
    }
  }

  return {
    async publish(channel: string | null, digest: DigestMessage): Promise<ChatMessageRef[]> {
      const target = channel ?? options.defaultChannel;
      if (!target)
        throw new Error(
          "no digest channel: set schedule.digest.channel in the workflow file or DUBAN_DIGEST_CHANNEL",
        );
      const text = clip(digest.summary, BLOCK_LIMITS.fallbackText);
      const main = await surfacingRateLimits(() =>
        client.chat.postMessage({ channel: target, text, blocks: digestMainBlocks(digest) }),
      );
      if (!main.ts) throw new Error(`chat.postMessage to ${target} returned no ts`);
      const refs: ChatMessageRef[] = [{ channel: main.channel ?? target, ts: main.ts }];
      await attachChart(digest, refs[0] as ChatMessageRef);
      const parts = digestThreadMessages(digest);
      for (const [index, part] of parts.entries()) {
        try {
          const ref = await postThreadPart(refs[0]?.channel ?? target, main.ts, part);
          if (ref !== null) refs.push(ref);
        } catch (error) {
          options.onThreadFailure?.(error, index + 1);
          break;
        }
      }
      return refs;
    },
  };
}

/** The digest publisher `/duban digest` posts with: its own client (a 429 is told to the supervisor, not waited out). */
export function createSlackDigestPublisherFor(
  env: Pick<Env, "SLACK_BOT_TOKEN" | "SLACK_API_URL" | "DUBAN_DIGEST_CHANNEL">,
): DigestPublisher | undefined {
  if (!env.SLACK_BOT_TOKEN) return undefined;
  const client = createOutboxWebClient({ botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
  return createSlackDigestPublisher(client, { defaultChannel: env.DUBAN_DIGEST_CHANNEL });
}
