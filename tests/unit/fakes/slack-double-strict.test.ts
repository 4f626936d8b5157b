import { type types, webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { METHOD_FACTS, readManifestScopes } from "../../fakes/slack-double/method-facts.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";

const section = (text: string): types.SectionBlock => ({ type: "section", text: { type: "mrkdwn", text } });

let clock = 1_800_000_000_000;
let double: SlackDouble;
let client: webApi.WebClient;

beforeAll(async () => {
  double = await startSlackDouble({ now: () => clock });
});
afterAll(() => double.close());
beforeEach(() => {
  clock += 3_600_000; // every bucket full again
  double.reset();
  client = new webApi.WebClient(double.workspace.bot.token, {
    slackApiUrl: double.apiUrl,
    logger: createSilentLogger(),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
});

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { data?: { error?: string } }) => error.data?.error ?? String(error),
  );

describe("Slack double as strict as Slack: message size", () => {
  /** n sections of `size` characters each (under the 3,000 per section). */
  const blocks = (count: number, size: number) =>
    Array.from({ length: count }, (_, index) => ({ ...section("字".repeat(size)), block_id: `b${index}` }));

  it("refuses blocks with more than 12,000 characters of text in all (msg_blocks_too_long), takes 12,000", async () => {
    double.inviteBot("C0GENERAL1");
    expect(
      await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: blocks(5, 2400) })),
    ).toBe("ok");
    expect(
      await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: blocks(5, 2401) })),
    ).toBe("msg_blocks_too_long");
    // every text counts: a button's label too
    const withButton = [
      ...blocks(4, 2990),
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "填报进展".repeat(11) }, action_id: "a" },
        ],
      },
    ];
    expect(
      await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: withButton })),
    ).toBe("msg_blocks_too_long");
  });
});

describe("Slack double as strict as Slack: channel membership", () => {
  it("starts the bot in no channel: not_in_channel until it joins (public) or is invited", async () => {
    expect(await errorOf(client.chat.postMessage({ channel: "C0DUBANSUP", text: "周报" }))).toBe(
      "not_in_channel",
    );
    const joined = await client.conversations.join({ channel: "C0DUBANSUP" });
    expect(joined).toMatchObject({ ok: true, channel: { id: "C0DUBANSUP", is_member: true } });
    const again = await client.conversations.join({ channel: "C0DUBANSUP" });
    expect(again.warning).toBe("already_in_channel");
    expect(await errorOf(client.chat.postMessage({ channel: "#督办周报", text: "周报" }))).toBe("ok");
  });

  it("hides a private channel the bot is not in (channel_not_found) and will not let it join one", async () => {
    expect(await errorOf(client.chat.postMessage({ channel: "C0LEADERS1", text: "周报" }))).toBe(
      "channel_not_found",
    );
    expect(await errorOf(client.conversations.join({ channel: "C0LEADERS1" }))).toBe("channel_not_found");
    expect(await errorOf(client.conversations.info({ channel: "C0LEADERS1" }))).toBe("channel_not_found");
    double.inviteBot("C0LEADERS1");
    expect(await errorOf(client.conversations.join({ channel: "C0LEADERS1" }))).toBe(
      "method_not_supported_for_channel_type",
    );
    const info = await client.conversations.info({ channel: "C0LEADERS1" });
    expect(info.channel).toMatchObject({ name: "duban-leaders", is_private: true, is_member: true });
    expect(await errorOf(client.chat.postMessage({ channel: "C0LEADERS1", text: "周报" }))).toBe("ok");
  });

  it("lists public channels, and private ones only where the bot is", async () => {
    const names = async () =>
      (await client.conversations.list({ types: "public_channel,private_channel" })).channels?.map(
        (c) => c.name,
      );
    expect(await names()).not.toContain("duban-leaders");
    double.inviteBot("C0LEADERS1");
    expect(await names()).toContain("duban-leaders");
  });

  it("answers is_archived for an archived channel, to posting and joining", async () => {
    double.archiveChannel("C0GENERAL1");
    expect(await errorOf(client.conversations.join({ channel: "C0GENERAL1" }))).toBe("is_archived");
    double.inviteBot("C0GENERAL1");
    expect(await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "周报" }))).toBe(
      "is_archived",
    );
  });
});

describe("Slack double as strict as Slack: metadata and history", () => {
  it("keeps chat.postMessage's metadata and returns it from conversations.history only with include_all_metadata", async () => {
    const metadata = { event_type: "duban_message", event_payload: { key: "reminder:1" } };
    const posted = await client.chat.postMessage({ channel: "U0CONTACT1", text: "提醒", metadata });
    await client.chat.postMessage({ channel: "U0CONTACT1", text: "回执", thread_ts: posted.ts });
    const channel = posted.channel as string;
    const plain = await client.conversations.history({ channel });
    expect(plain.messages?.map((m) => m.text)).toEqual(["提醒"]); // top-level only
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    const full = await client.conversations.history({ channel, include_all_metadata: true });
    expect(full.messages?.[0]?.metadata).toEqual(metadata);
    expect(
      await errorOf(
        client.chat.postMessage({ channel, text: "x", metadata: { event_payload: {} } as never }),
      ),
    ).toBe("invalid_metadata_format");
  });

  it("pages history newest first between oldest and latest", async () => {
    const sent: string[] = [];
    for (const text of ["一", "二", "三"]) {
      clock += 1000;
      sent.push((await client.chat.postMessage({ channel: "U0CONTACT1", text })).ts as string);
    }
    const channel = double.dmChannelId("U0CONTACT1");
    const first = await client.conversations.history({ channel, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(["三", "二"]);
    expect(first.has_more).toBe(true);
    const next = await client.conversations.history({
      channel,
      limit: 2,
      cursor: first.response_metadata?.next_cursor,
    });
    expect(next.messages?.map((m) => m.text)).toEqual(["一"]);
    const since = await client.conversations.history({ channel, oldest: sent[0] });
    expect(since.messages?.map((m) => m.text)).toEqual(["三", "二"]);
    expect(await errorOf(client.conversations.history({ channel: "C0DUBANSUP" }))).toBe("not_in_channel");
  });
});

describe("Slack double as strict as Slack: scopes, tokens, users", () => {
  it("grants the manifest's scopes and answers missing_scope for a method whose scope it lacks", async () => {
    expect(readManifestScopes()).toContain("chat:write");
    double.setScopes(readManifestScopes().filter((scope) => scope !== "im:history"));
    const posted = await client.chat.postMessage({ channel: "U0CONTACT1", text: "提醒" });
    await expect(client.conversations.history({ channel: posted.channel as string })).rejects.toMatchObject({
      data: { error: "missing_scope", needed: "im:history" },
    });
    double.setScopes(readManifestScopes().filter((scope) => scope !== "channels:join"));
    expect(await errorOf(client.conversations.join({ channel: "C0GENERAL1" }))).toBe("missing_scope");
    expect(METHOD_FACTS["conversations.join"]?.scopes).toEqual(["channels:join"]);
  });

  it("answers token_revoked / account_inactive to every call once the app is gone", async () => {
    double.refuseToken("token_revoked");
    expect(await errorOf(client.auth.test())).toBe("token_revoked");
    expect(await errorOf(client.chat.postMessage({ channel: "U0CONTACT1", text: "x" }))).toBe(
      "token_revoked",
    );
    double.refuseToken("account_inactive");
    expect(await errorOf(client.users.info({ user: "U0CONTACT1" }))).toBe("account_inactive");
  });

  it("reports a deactivated member as deleted, yet a DM to them still succeeds, as Slack's does", async () => {
    double.deactivateUser("U0CONTACT2");
    const info = await client.users.info({ user: "U0CONTACT2" });
    expect(info.user?.deleted).toBe(true);
    const listed = await client.users.list({});
    expect(listed.members?.find((member) => member.id === "U0CONTACT2")?.deleted).toBe(true);
    expect(listed.members?.find((member) => member.id === "U0CONTACT1")?.deleted).toBe(false);
    expect(await errorOf(client.chat.postMessage({ channel: "U0CONTACT2", text: "提醒" }))).toBe("ok");
  });
});

describe("Slack double as strict as Slack: rate limits per tier and per channel", () => {
  it("allows a minute's Tier 3 calls (conversations.open: 50), then 429 with Retry-After", async () => {
    for (let n = 0; n < 50; n += 1) await client.conversations.open({ users: "U0CONTACT1" });
    await expect(client.conversations.open({ users: "U0CONTACT1" })).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 2,
    });
    clock += 2000;
    expect((await client.conversations.open({ users: "U0CONTACT1" })).ok).toBe(true);
  });

  it("limits users.lookupByEmail to its Tier 3 too, per method", async () => {
    for (let n = 0; n < 50; n += 1)
      await errorOf(client.users.lookupByEmail({ email: "li.na@nanyang.gov.cn" }));
    expect(await errorOf(client.users.lookupByEmail({ email: "li.na@nanyang.gov.cn" }))).not.toBe("ok");
    expect((await client.users.info({ user: "U0CONTACT1" })).ok).toBe(true); // another method, its own bucket
  });

  it("takes a short burst in one channel, then about one message a second (a user id is its DM)", async () => {
    for (let n = 0; n < 20; n += 1) await client.chat.postMessage({ channel: "U0CONTACT1", text: `${n}` });
    const dm = double.dmChannelId("U0CONTACT1");
    await expect(client.chat.postMessage({ channel: dm, text: "太快" })).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 1,
    });
    expect((await client.chat.postMessage({ channel: "U0CONTACT2", text: "别的频道" })).ok).toBe(true);
    clock += 1000;
    expect((await client.chat.postMessage({ channel: dm, text: "一秒后" })).ok).toBe(true);
  });
});
