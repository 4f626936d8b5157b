import { type types, webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mintTriggerId } from "../../fakes/slack-double/create-slack-ids.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";

const section = (text: string): types.SectionBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const modal = (title: string, blocks: types.KnownBlock[] = [section("内容")]): types.ModalView => ({
  type: "modal",
  title: { type: "plain_text", text: title },
  blocks,
});

let clock = Date.now();
let double: SlackDouble;
let client: webApi.WebClient;

function webClient(token: string | undefined, options: webApi.WebClientOptions = {}) {
  return new webApi.WebClient(token, {
    slackApiUrl: double.apiUrl,
    logger: createSilentLogger(),
    retryConfig: { retries: 0 },
    ...options,
  });
}

function openTrigger(user = "U0CONTACT1") {
  const triggerId = mintTriggerId(() => clock);
  double.registerTriggerId(triggerId, user);
  return triggerId;
}

beforeAll(async () => {
  double = await startSlackDouble({ now: () => clock });
});
afterAll(() => double.close());
beforeEach(() => {
  clock = Date.now();
  double.reset();
  double.inviteBot("C0GENERAL1"); // a new bot is in no channel
  client = webClient(double.workspace.bot.token);
});

describe("Slack double: messages", () => {
  it("accepts a valid message sent by the real WebClient and records it", async () => {
    const blocks = [
      section("*第五项* 推进中"),
      { type: "actions", elements: [button("填报进展", "report")] },
    ];
    const result = await client.chat.postMessage({ channel: "C0GENERAL1", text: "进展提醒", blocks });
    expect(result).toMatchObject({
      ok: true,
      channel: "C0GENERAL1",
      message: { text: "进展提醒", bot_id: "B0DUBANBOT" },
    });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = double.calls("chat.postMessage");
    expect(call?.args.blocks).toEqual(blocks);
    expect(call?.token).toBe(double.workspace.bot.token);
    const [stored] = double.messages("C0GENERAL1");
    expect(stored?.blocks?.[0]).toMatchObject({ type: "section", block_id: expect.any(String) });
  });

  it("hands out increasing ts values and routes a user id to the bot's DM", async () => {
    const first = await client.chat.postMessage({ channel: "U0CONTACT1", text: "一" });
    const second = await client.chat.postMessage({ channel: "U0CONTACT1", text: "二" });
    expect(first.channel).toMatch(/^D/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const opened = await client.conversations.open({ users: "U0CONTACT1" });
    expect(opened).toMatchObject({ ok: true, already_open: true, channel: { id: first.channel } });
    expect(double.messages("U0CONTACT1").map((m) => m.text)).toEqual(["一", "二"]);
  });

  it("refuses 51 blocks but accepts 50", async () => {
    const blocks = (count: number) => Array.from({ length: count }, (_, i) => section(`第${i}项`));
    await expect(
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: blocks(51) }),
    ).rejects.toMatchObject({
      data: {
        error: "invalid_blocks",
        response_metadata: { messages: ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"] },
      },
    });
    await expect(
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: blocks(50) }),
    ).resolves.toBeTruthy();
  });

  it("refuses a section longer than 3000 characters", async () => {
    const post = (length: number) =>
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: [section("字".repeat(length))] });
    await expect(post(3001)).rejects.toMatchObject({
      data: {
        error: "invalid_blocks",
        errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
      },
    });
    await expect(post(3000)).resolves.toBeTruthy();
  });

  it("answers the documented message errors", async () => {
    const errorOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error) => error.data.error,
      );
    expect(await errorOf(client.chat.postMessage({ channel: "C0NOSUCH01", text: "x" }))).toBe(
      "channel_not_found",
    );
    expect(await errorOf(client.chat.postMessage({ channel: "C0NOBOTHER", text: "x" }))).toBe(
      "not_in_channel",
    );
    expect(await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "" }))).toBe("no_text");
    expect(await errorOf(client.chat.postMessage({ channel: "C0GENERAL1", text: "长".repeat(40_001) }))).toBe(
      "msg_too_long",
    );
    expect(
      await errorOf(client.chat.update({ channel: "C0GENERAL1", ts: "1700000000.000001", text: "x" })),
    ).toBe("message_not_found");
    expect(await errorOf(webClient("xoxb-wrong").auth.test())).toBe("invalid_auth");
    expect(await errorOf(webClient(undefined).auth.test())).toBe("not_authed");
  });

  it("updates and deletes the bot's own messages", async () => {
    const { ts, channel } = await client.chat.postMessage({ channel: "C0GENERAL1", text: "旧" });
    const updated = await client.chat.update({ channel: channel as string, ts: ts as string, text: "新" });
    expect(updated).toMatchObject({ ok: true, ts, text: "新", message: { edited: { user: "U0DUBANBOT" } } });
    await client.chat.delete({ channel: channel as string, ts: ts as string });
    expect(double.messages("C0GENERAL1")).toEqual([]);
    const blocksOnly = await client.chat.postMessage({
      channel: "C0GENERAL1",
      blocks: [section("只有区块")],
    });
    expect(blocksOnly.response_metadata?.warnings).toEqual(["missing_text_or_fallback_or_attachments"]);
    const ephemeral = await client.chat.postEphemeral({
      channel: "C0GENERAL1",
      user: "U0CONTACT1",
      text: "仅你可见",
    });
    expect(ephemeral.message_ts).toMatch(/^\d{10}\.\d{6}$/);
  });

  it("reads JSON bodies with the token in the Authorization header only, as Slack does", async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${double.apiUrl}chat.postMessage`, { method: "POST", headers, body: JSON.stringify(body) }).then(
        (r) => r.json(),
      );
    const json = { "content-type": "application/json; charset=utf-8" };
    const token = double.workspace.bot.token;
    expect(
      await post({ ...json, authorization: `Bearer ${token}` }, { channel: "C0GENERAL1", text: "hi" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await post(json, { token, channel: "C0GENERAL1", text: "hi" })).toEqual({
      ok: false,
      error: "not_authed",
    });
  });
});

describe("Slack double: users", () => {
  it("looks users up by email and returns the locale only when asked", async () => {
    const found = await client.users.lookupByEmail({ email: "LI.NA@nanyang.gov.cn" });
    expect(found.user).toMatchObject({
      id: "U0CONTACT1",
      real_name: "李娜",
      profile: { email: "li.na@nanyang.gov.cn" },
    });
    await expect(client.users.lookupByEmail({ email: "nobody@example.com" })).rejects.toMatchObject({
      data: { error: "users_not_found" },
    });
    expect((await client.users.info({ user: "U0ENGLISH1", include_locale: true })).user?.locale).toBe(
      "en-US",
    );
    expect((await client.users.info({ user: "U0ENGLISH1" })).user?.locale).toBeUndefined();
    await expect(client.users.info({ user: "U0NOBODY00" })).rejects.toMatchObject({
      data: { error: "user_not_found" },
    });
  });
});

describe("Slack double: views", () => {
  it("refuses a modal title longer than 24 characters", async () => {
    await expect(
      client.views.open({ trigger_id: openTrigger(), view: modal("一".repeat(25)) }),
    ).rejects.toMatchObject({
      data: {
        error: "invalid_arguments",
        response_metadata: {
          messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
        },
      },
    });
    await expect(
      client.views.open({ trigger_id: openTrigger(), view: modal("一".repeat(24)) }),
    ).resolves.toBeTruthy();
  });

  it("exchanges a trigger_id once and only within 3 seconds", async () => {
    const errorOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error) => error.data.error,
      );
    expect(await errorOf(client.views.open({ trigger_id: "not-a-trigger", view: modal("报告") }))).toBe(
      "invalid_trigger_id",
    );
    const triggerId = openTrigger();
    const opened = await client.views.open({ trigger_id: triggerId, view: modal("报告") });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      hash: expect.any(String),
      state: { values: {} },
    });
    expect(await errorOf(client.views.open({ trigger_id: triggerId, view: modal("报告") }))).toBe(
      "exchanged_trigger_id",
    );
    const late = openTrigger();
    clock += 3001;
    expect(await errorOf(client.views.open({ trigger_id: late, view: modal("报告") }))).toBe(
      "expired_trigger_id",
    );
  });

  it("refuses views.update with a stale hash", async () => {
    const { view } = await client.views.open({ trigger_id: openTrigger(), view: modal("报告") });
    const first = await client.views.update({
      view_id: view?.id as string,
      hash: view?.hash as string,
      view: modal("已更新"),
    });
    await expect(
      client.views.update({ view_id: view?.id as string, hash: view?.hash as string, view: modal("再次") }),
    ).rejects.toMatchObject({ data: { error: "hash_conflict" } });
    expect(first.view?.hash).not.toBe(view?.hash);
    expect(double.openModal("U0CONTACT1")?.view.title).toEqual({ type: "plain_text", text: "已更新" });
  });

  it("publishes a Home tab of at most 100 blocks", async () => {
    const home = (count: number) => ({
      type: "home" as const,
      blocks: Array.from({ length: count }, () => section("灯")),
    });
    await expect(client.views.publish({ user_id: "U0SUPERV01", view: home(101) })).rejects.toMatchObject({
      data: { error: "invalid_arguments" },
    });
    const { view } = await client.views.publish({ user_id: "U0SUPERV01", view: home(100) });
    expect(double.homeView("U0SUPERV01")?.view.blocks).toHaveLength(100);
    await client.views.publish({ user_id: "U0SUPERV01", hash: view?.hash as string, view: home(2) });
    await expect(
      client.views.publish({ user_id: "U0SUPERV01", hash: view?.hash as string, view: home(3) }),
    ).rejects.toMatchObject({ data: { error: "hash_conflict" } });
    await expect(client.views.publish({ user_id: "U0NOBODY00", view: home(1) })).rejects.toMatchObject({
      data: { error: "invalid_arguments" },
    });
  });
});

describe("Slack double: rate limits", () => {
  it("answers 429 with Retry-After, which WebClient honours before retrying", async () => {
    double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 1 });
    const retrying = webClient(double.workspace.bot.token, {
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    });
    const started = Date.now();
    await expect(retrying.chat.postMessage({ channel: "C0GENERAL1", text: "稍后" })).resolves.toMatchObject({
      ok: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(double.calls("chat.postMessage").map((call) => call.status)).toEqual([429, 200]);
  });

  it("limits chat.postMessage to one message per second per channel when enforced", async () => {
    double.rateLimits.enforce();
    const strict = webClient(double.workspace.bot.token, { rejectRateLimitedCalls: true });
    await strict.chat.postMessage({ channel: "C0GENERAL1", text: "1" });
    await expect(strict.chat.postMessage({ channel: "C0GENERAL1", text: "2" })).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 1,
    });
    await expect(strict.chat.postMessage({ channel: "U0CONTACT1", text: "3" })).resolves.toBeTruthy();
    clock += 1000;
    await expect(strict.chat.postMessage({ channel: "C0GENERAL1", text: "4" })).resolves.toBeTruthy();
  });
});

describe("Slack double: files and call log", () => {
  it("runs the getUploadURLExternal -> upload -> completeUploadExternal flow", async () => {
    const result = await client.filesUploadV2({
      channel_id: "C0GENERAL1",
      content: "部门,进展\n农业农村局,80%\n",
      filename: "status.csv",
      title: "督办台账",
      initial_comment: "本周台账",
    });
    expect(result.ok).toBe(true);
    const [upload] = double.calls("upload_url");
    const fileId = String(upload?.args.fileId);
    expect(double.file(fileId)?.bytes?.toString("utf8")).toBe("部门,进展\n农业农村局,80%\n");
    expect(double.messages("C0GENERAL1")).toMatchObject([{ text: "本周台账", files: [fileId] }]);
    await expect(
      client.files.completeUploadExternal({ files: [{ id: "F0NOSUCH00" }] }),
    ).rejects.toMatchObject({
      data: { error: "file_not_found" },
    });
  });

  it("waits for a call that has not happened yet, and times out naming what did happen", async () => {
    const waiting = double.waitForCall("chat.postMessage", (call) => call.args.text === "到了", 2000);
    await client.chat.postMessage({ channel: "C0GENERAL1", text: "到了" });
    await expect(waiting).resolves.toMatchObject({ method: "chat.postMessage", status: 200 });
    await expect(double.waitForCall("views.open", undefined, 50)).rejects.toThrow(
      /no matching views\.open.*chat\.postMessage/,
    );
  });
});

describe("Slack double: what Slack refuses that is easy to miss", () => {
  it("refuses blocks sharing a block_id, and buttons sharing an action_id within one block", async () => {
    const twice = [
      { ...section("一"), block_id: "same" },
      { ...section("二"), block_id: "same" },
    ];
    await expect(
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: twice }),
    ).rejects.toMatchObject({
      data: {
        error: "invalid_blocks",
        response_metadata: {
          messages: ['[ERROR] `block_id` "same" already exists [json-pointer:/blocks/1/block_id]'],
        },
      },
    });
    const pager = { type: "actions", elements: [button("上一页", "page"), button("下一页", "page")] };
    await expect(
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: [pager] }),
    ).rejects.toMatchObject({ data: { error: "invalid_blocks" } });
    const distinct = { type: "actions", elements: [button("上一页", "page.1"), button("下一页", "page.3")] };
    const elsewhere = { type: "actions", elements: [button("填报", "page.1")] };
    await expect(
      client.chat.postMessage({ channel: "C0GENERAL1", text: "x", blocks: [distinct, elsewhere] }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("takes a response_url at most 5 times, and only within 30 minutes", async () => {
    const post = (url: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "收到" }),
      });
    const url = double.createResponseUrl();
    const statuses = [];
    for (let use = 1; use <= 6; use += 1) statuses.push((await post(url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(await (await post(url)).text()).toBe("used_url");

    const later = double.createResponseUrl();
    clock += 30 * 60 * 1000 + 1;
    const expired = await post(later);
    expect([expired.status, await expired.text()]).toEqual([404, "expired_url"]);
  });

  it("will not pretend to test signatures over Socket Mode, where envelopes carry none", async () => {
    expect(double.socketMode.connections()).toBe(0);
    const sent = double.socketMode.sender("token=x&command=%2Fduban", "application/x-www-form-urlencoded", {
      forgeSignature: true,
    });
    await expect(sent).rejects.toThrow(/no signature/);
  });
});

function button(text: string, actionId: string): types.Button {
  return { type: "button", text: { type: "plain_text", text }, action_id: actionId, value: "task-5" };
}
