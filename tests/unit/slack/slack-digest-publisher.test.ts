import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digestThreadMessages } from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import type { DigestFacts } from "../../../src/domain/digest/classify-digest-tasks.ts";
import { buildDigestMessage } from "../../../src/domain/messages/build-digest-message.ts";
import { ChannelUnavailableError } from "../../../src/domain/ports/chat.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";

const CHANNEL = "C0DUBANSUP";
const entry = (n: number) => ({
  measureLabel: "（五）",
  measureTitle: "拓宽就地就近就业渠道",
  departmentName: `邓州市人力资源和社会保障局${n}`,
  detail: "资金未到位，需协调市财政局解决安置点配套设施建设用地审批问题。".repeat(3),
});

/** A digest whose thread takes several posts. */
function bigDigest() {
  const entries = Array.from({ length: 300 }, (_, n) => entry(n));
  const facts: DigestFacts = {
    cycleKey: "2026-11",
    dueOn: "2026-11-25",
    totals: { green: 1, yellow: 1, red: 1 },
    taskCount: 3,
    sections: [],
    reported: Array.from({ length: 150 }, (_, n) => `内乡县农业农村局${n}`),
    notReported: Array.from({ length: 158 }, (_, n) => `淅川县乡村振兴局${n}`),
    overdue: entries.map((e) => ({ ...e, days: 3 })),
    blocked: entries,
    completed: [],
    approved: [],
  };
  return buildDigestMessage(
    "zh",
    {
      planTitle: "南阳",
      weekKey: "2026-W49",
      asOf: new Date("2026-11-30T01:00:00Z"),
      timeZone: "Asia/Shanghai",
      dueAt: null,
    },
    facts,
  );
}

let clock = 1_800_000_000_000;
let double: SlackDouble;
const sleeps: number[] = [];
const failures: number[] = [];
const publisher = () =>
  createSlackDigestPublisher(
    createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl }),
    {
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      onThreadFailure: (_error, part) => failures.push(part),
    },
  );
const threadPosts = (ts: string) =>
  double.messages(CHANNEL).filter((message) => message.threadTs === ts && message.ts !== ts);

beforeAll(async () => {
  double = await startSlackDouble({ now: () => clock });
});
afterAll(() => double.close());
beforeEach(() => {
  clock += 3_600_000;
  double.reset();
  double.inviteBot(CHANNEL);
  sleeps.length = 0;
  failures.length = 0;
});

describe("the Slack digest publisher keeps every part", () => {
  const digest = bigDigest();
  const parts = digestThreadMessages(digest);

  it("posts the main message with its key in the metadata, then every thread part", async () => {
    expect(parts.length).toBeGreaterThan(2);
    const [main, ...thread] = await publisher().publish(CHANNEL, digest, { key: "digest:2026-W49@plan" });
    expect(thread).toHaveLength(parts.length);
    expect(double.messages(CHANNEL)[0]?.metadata).toEqual({
      event_type: "duban_outbox_message",
      event_payload: { key: "digest:2026-W49@plan" },
    });
    const found = await publisher().findPublished?.(
      CHANNEL,
      "digest:2026-W49@plan",
      new Date(clock - 60_000),
    );
    expect(found).toEqual(main);
    expect(await publisher().findPublished?.(CHANNEL, "digest:other", new Date(clock - 60_000))).toBeNull();
  });

  it("splits a thread part Slack still refuses as too long and posts both halves", async () => {
    double.errors.failNext(1, { method: "chat.postMessage", error: "msg_blocks_too_long", skip: 2 });
    const [main] = await publisher().publish(CHANNEL, digest);
    const posts = threadPosts(main?.ts ?? "");
    expect(posts).toHaveLength(parts.length + 1); // the second part went as two
    const text = posts.map((post) => JSON.stringify(post.blocks)).join("");
    for (let n = 0; n < 300; n += 1) expect(text).toContain(`邓州市人力资源和社会保障局${n} `);
    expect(failures).toEqual([]);
  });

  it("retries a part after a transient failure, and when one keeps failing still posts the rest", async () => {
    double.errors.failNext(2, { method: "chat.postMessage", error: "internal_error", skip: 1 });
    const [first] = await publisher().publish(CHANNEL, digest);
    expect(threadPosts(first?.ts ?? "")).toHaveLength(parts.length);
    expect(sleeps).toEqual([1000, 2000]);
    clock += 60_000; // the channel's rate limit refilled
    double.errors.failNext(5, { method: "chat.postMessage", error: "internal_error", skip: 1 });
    const [second] = await publisher().publish(CHANNEL, digest);
    expect(failures).toEqual([1]);
    expect(threadPosts(second?.ts ?? "")).toHaveLength(parts.length - 1);
  });

  it("throws a 429 on the main message (nothing posted); in the thread it waits each out, from when it came", async () => {
    double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 3 });
    await expect(publisher().publish(CHANNEL, digest)).rejects.toMatchObject({ retryAfterMs: 3000 });
    expect(double.messages(CHANNEL)).toEqual([]);
    double.rateLimits.enforce({ postMessageChannelBurst: 1, postMessagePerChannelPerSecond: 1 });
    const [main] = await publisher().publish(CHANNEL, digest);
    expect(threadPosts(main?.ts ?? "")).toHaveLength(parts.length);
    expect(sleeps).toEqual(parts.map(() => 1000)); // one message a second: each part waited out its 429
    // the thread's calls (after the first, refused main message): a 429, then the same part no sooner than 1 s later
    const times = double
      .calls("chat.postMessage")
      .slice(1)
      .map((call) => [call.at, call.status] as const);
    expect(times.filter(([, status]) => status === 429)).toHaveLength(parts.length);
    for (const [index, [at, status]] of times.entries())
      if (status === 429)
        expect((times[index + 1]?.[0] ?? Number.POSITIVE_INFINITY) - at).toBeGreaterThanOrEqual(1000);
  });

  it("cuts the board when Slack refuses the main message as too long", async () => {
    double.errors.failNext(1, { method: "chat.postMessage", error: "msg_blocks_too_long" });
    const [main] = await publisher().publish(CHANNEL, digest);
    expect(main).toBeDefined();
    const calls = double
      .calls("chat.postMessage")
      .map((call) => (call.response as { error?: string }).error ?? "ok");
    expect(calls.slice(0, 2)).toEqual(["msg_blocks_too_long", "ok"]);
  });

  it("names the channel and what to do when it is archived", async () => {
    double.archiveChannel(CHANNEL);
    const error = await publisher()
      .publish(CHANNEL, digest)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect(error).toMatchObject({
      channelLabel: "#督办周报",
      problem: "archived",
      botName: "duban",
    });
  });
});
