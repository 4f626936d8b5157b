import type { webApi } from "@slack/bolt";
import type { Env } from "../../config/env-schema.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { ChatMessageRef, DigestPublisher, SendOptions } from "../../domain/ports/chat.ts";
import { type ChannelProblem, ChannelUnavailableError } from "../../domain/ports/chat.ts";
import { type ChartRenderer, digestChartFile } from "../charts/digest-chart-file.ts";
import { BLOCK_LIMITS, type Block, clip } from "./blocks/block-kit.ts";
import { digestMainBlocks, digestThreadMessages, splitThreadPart } from "./blocks/digest-blocks.ts";
import { createOutboxWebClient } from "./create-outbox-web-client.ts";
import { findKeyedMessage, outboxMetadata } from "./outbox-metadata.ts";
import { asCoreErrors, isTransientSlackError, slackErrorCode } from "./slack-errors.ts";
import { toRateLimitedError } from "./to-rate-limited-error.ts";
import { uploadFile } from "./upload-file.ts";

export interface SlackDigestPublisherOptions {
  /** Where a digest goes when the plan's schedule names no channel (DUBAN_DIGEST_CHANNEL). */
  defaultChannel?: string | undefined;
  /** Waits between thread messages after a 429; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Tries per thread message (429s and transient failures) before that message is left out. */
  threadTries?: number;
  onThreadFailure?: (error: unknown, part: number) => void;
  /** The digest's chart could not be drawn or uploaded (the digest is posted without it). */
  onChartFailure?: (error: unknown) => void;
  /** Draws the chart; default resvg with the bundled CJK font (tests may pass a cheaper one). */
  renderChart?: ChartRenderer;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Slack channel id (public and private channels both start with C today; G for old private ones). */
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

/** What Slack's refusal of the digest channel means for the people who must fix it. */
const PROBLEMS: Record<string, ChannelProblem> = {
  not_in_channel: "not_member",
  method_not_supported_for_channel_type: "not_member", // a private channel: only an invitation lets Duban in
  missing_scope: "not_member", // no channels:join: invite it
  channel_not_found: "not_found", // or private and Duban not in it (Slack hides it)
  is_archived: "archived",
};

type Part = { text: string; blocks: Block[] };

/**
 * The weekly digest on Slack: the main message (counts by section and measure, highlights, 表扬 / 通报) in the
 * channel, carrying its outbox key in its metadata; the chart (a PNG) and the long lists in its thread, each
 * message within 50 blocks and the text budget.
 *
 * Not in the channel (not_in_channel, as a new install is): Duban joins it when it is public
 * (conversations.join, scope channels:join) and posts; a private channel it is not in (channel_not_found), an
 * archived one, or a join Slack refuses throws ChannelUnavailableError naming the channel and what to do.
 * A 429 on the main message throws RateLimitedError (nothing was posted; the outbox retries). Once the main
 * message is posted, thread messages wait out 429s here (Retry-After, from when the 429 came), a message Slack
 * finds too long (msg_blocks_too_long) is split and posted in parts, one that keeps failing is left out and the
 * rest still go: the main message is never posted twice.
 */
export function createSlackDigestPublisher(
  client: webApi.WebClient,
  options: SlackDigestPublisherOptions = {},
): DigestPublisher {
  const sleep = options.sleep ?? sleepFor;
  const tries = options.threadTries ?? 5;
  let botName: string | null = null;

  /** The bot's name as people /invite it ("duban"), from auth.test, once. */
  async function nameOfBot(): Promise<string> {
    if (botName === null) {
      const auth = await client.auth.test().catch(() => null);
      botName = typeof auth?.user === "string" && auth.user !== "" ? auth.user : "duban";
    }
    return botName;
  }

  /** The channel's id (null when Duban cannot see it) and how people know it ("#duban-digest"). */
  async function findChannel(target: string): Promise<{ id: string | null; label: string }> {
    if (CHANNEL_ID.test(target)) {
      const info = await client.conversations.info({ channel: target }).catch(() => null);
      return { id: target, label: info?.channel?.name ? `#${info.channel.name}` : target };
    }
    const name = target.replace(/^#/, "");
    let cursor: string | undefined;
    do {
      const page = await client.conversations.list({
        types: "public_channel,private_channel",
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      const found = page.channels?.find((channel) => channel.name === name);
      if (found?.id) return { id: found.id, label: `#${name}` };
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor !== undefined);
    return { id: null, label: `#${name}` };
  }

  async function unavailable(target: string, code: string): Promise<ChannelUnavailableError> {
    const { label } = await findChannel(target).catch(() => ({ label: target }));
    return new ChannelUnavailableError(label, PROBLEMS[code] ?? "not_member", await nameOfBot());
  }

  /** not_in_channel: join the channel if it is public; otherwise say who must invite Duban where. */
  async function join(target: string): Promise<void> {
    const { id, label } = await findChannel(target);
    if (id === null) throw new ChannelUnavailableError(label, "not_found", await nameOfBot());
    try {
      await asCoreErrors(() => client.conversations.join({ channel: id }));
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === undefined || PROBLEMS[code] === undefined) throw error;
      throw new ChannelUnavailableError(label, PROBLEMS[code], await nameOfBot());
    }
  }

  /** The main message; when Slack finds it too long, again with less of the board (the highlights stay). */
  async function postMain(target: string, digest: DigestMessage, send: SendOptions) {
    const text = clip(digest.summary, BLOCK_LIMITS.fallbackText);
    let maxBoardBlocks: number | undefined;
    for (;;) {
      try {
        const blocks = digestMainBlocks(digest, { maxBoardBlocks });
        return await client.chat.postMessage({ channel: target, text, blocks, ...outboxMetadata(send.key) });
      } catch (error) {
        if (slackErrorCode(error) !== "msg_blocks_too_long" || maxBoardBlocks === 0) throw error;
        maxBoardBlocks = Math.floor((maxBoardBlocks ?? BLOCK_LIMITS.messageBlocks) / 2);
      }
    }
  }

  async function postMainJoining(target: string, digest: DigestMessage, send: SendOptions) {
    try {
      return await asCoreErrors(() => postMain(target, digest, send));
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "not_in_channel") {
        await join(target);
        return asCoreErrors(() => postMain(target, digest, send));
      }
      if (code === "channel_not_found" || code === "is_archived") throw await unavailable(target, code);
      throw error;
    }
  }

  /** Calls `send` until it succeeds, waiting out 429s (Retry-After) and backing off on transient failures. */
  async function retrying<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        const rateLimited = toRateLimitedError(error);
        if (attempt >= tries || (rateLimited === null && !isTransientSlackError(error))) throw error;
        // measured from now, when the 429 (or the failure) has just arrived
        await sleep(rateLimited?.retryAfterMs ?? 1000 * 2 ** (attempt - 1));
      }
    }
  }

  /** A thread message; one Slack finds too long is split in two and each half posted (and split again if need be). */
  async function postThreadPart(channel: string, threadTs: string, part: Part): Promise<ChatMessageRef[]> {
    try {
      const posted = await retrying(() =>
        client.chat.postMessage({ channel, thread_ts: threadTs, text: part.text, blocks: part.blocks }),
      );
      return posted.ts ? [{ channel: posted.channel ?? channel, ts: posted.ts }] : [];
    } catch (error) {
      const halves = slackErrorCode(error) === "msg_blocks_too_long" ? splitThreadPart(part) : null;
      if (halves === null) throw error;
      const refs: ChatMessageRef[] = [];
      for (const half of halves) refs.push(...(await postThreadPart(channel, threadTs, half)));
      return refs;
    }
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

  function targetOf(channel: string | null): string {
    const target = channel ?? options.defaultChannel;
    if (!target)
      throw new Error(
        "no digest channel: set schedule.digest.channel in the workflow file or DUBAN_DIGEST_CHANNEL",
      );
    return target;
  }

  return {
    async publish(channel, digest, send = {}) {
      const target = targetOf(channel);
      const main = await postMainJoining(target, digest, send);
      if (!main.ts) throw new Error(`chat.postMessage to ${target} returned no ts`);
      const refs: ChatMessageRef[] = [{ channel: main.channel ?? target, ts: main.ts }];
      const where = refs[0] as ChatMessageRef;
      await attachChart(digest, where);
      for (const [index, part] of digestThreadMessages(digest).entries()) {
        try {
          refs.push(...(await postThreadPart(where.channel, where.ts, part)));
        } catch (error) {
          options.onThreadFailure?.(error, index + 1);
        }
      }
      return refs;
    },
    async findPublished(channel, key, since) {
      const { id } = await findChannel(targetOf(channel));
      if (id === null) return null;
      return asCoreErrors(() => findKeyedMessage(client, id, key, since));
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
