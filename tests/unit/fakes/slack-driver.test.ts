import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver, type SlackDriver } from "../../fakes/slack-driver.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";

/** A bare Bolt app on Bolt's real HTTP receiver, pointed at the double, recording what its listeners saw. */
let double: SlackDouble;
let app: App;
let driver: SlackDriver;
let seen: { kind: string; body: unknown; retryNum?: number }[] = [];
const logger = createSilentLogger();

const reportModal = {
  type: "modal" as const,
  callback_id: "report_modal",
  title: { type: "plain_text" as const, text: "填报进展" },
  submit: { type: "plain_text" as const, text: "提交" },
  private_metadata: "task-5",
  blocks: [
    {
      type: "input",
      block_id: "status",
      label: { type: "plain_text", text: "状态" },
      element: {
        type: "static_select",
        action_id: "status_select",
        options: ["未启动", "推进中", "已完成", "受阻"].map((text) => ({
          text: { type: "plain_text", text },
          value: text,
        })),
      },
    },
    {
      type: "input",
      block_id: "done",
      label: { type: "plain_text", text: "完成情况" },
      element: { type: "plain_text_input", action_id: "done_input", multiline: true },
    },
    {
      type: "input",
      block_id: "next",
      optional: true,
      label: { type: "plain_text", text: "下一步" },
      element: { type: "plain_text_input", action_id: "next_input" },
    },
  ],
};

beforeAll(async () => {
  double = await startSlackDouble();
  const { workspace } = double;
  app = new App({
    token: workspace.bot.token,
    signingSecret: workspace.signingSecret,
    logger,
    clientOptions: { slackApiUrl: double.apiUrl },
  });
  app.command("/duban", async ({ ack, command, respond }) => {
    seen.push({ kind: "command", body: command });
    await ack();
    await respond({ text: "收到" });
  });
  app.action("report", async ({ ack, body, client }) => {
    seen.push({ kind: "action", body });
    await ack();
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: reportModal });
  });
  app.view("report_modal", async ({ ack, view }) => {
    seen.push({ kind: "submission", body: view });
    await ack();
  });
  app.message(async ({ message, context }) => {
    seen.push({ kind: "message", body: message, retryNum: context.retryNum });
  });
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  driver = createSlackDriver({ url: `http://127.0.0.1:${port}/slack/events`, workspace, double });
});
afterAll(async () => {
  await app.stop();
  await double.close();
});
beforeEach(() => {
  seen = [];
  double.reset();
});

describe("Slack driver against a bare Bolt app", () => {
  it("delivers a signed slash command that Bolt accepts, with a working response_url", async () => {
    const response = await driver.slashCommand({ user: "U0CONTACT1", text: "report 5" });
    expect(response.status).toBe(200);
    expect(seen[0]?.body).toMatchObject({
      command: "/duban",
      text: "report 5",
      user_id: "U0CONTACT1",
      user_name: "li.na",
      team_id: "T0DUBAN001",
      channel_name: "directmessage",
      trigger_id: response.triggerId,
      response_url: response.responseUrl,
    });
    await expect(double.waitForCall("response_url")).resolves.toMatchObject({
      status: 200,
      args: { text: "收到" },
    });
  });

  it("is refused with 401 when forged or stale, and no listener runs", async () => {
    logger.lines.length = 0;
    expect((await driver.slashCommand({ user: "U0CONTACT1" }, { forgeSignature: true })).status).toBe(401);
    expect((await driver.slashCommand({ user: "U0CONTACT1" }, { stale: true })).status).toBe(401);
    expect(seen).toEqual([]);
    const refusals = logger.lines.filter((line) => line.message.includes("Failed to verify authenticity"));
    expect(refusals.map((line) => line.message)).toEqual([
      expect.stringContaining("signature mismatch"),
      expect.stringContaining("request is stale"),
    ]);
  });

  it("clicks a button the bot posted, opens the modal with the minted trigger_id and submits it", async () => {
    const posted = await app.client.chat.postMessage({
      channel: "U0CONTACT1",
      text: "请填报第五项进展",
      blocks: [
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "report",
              value: "task-5",
              text: { type: "plain_text", text: "填报进展" },
            },
          ],
        },
      ],
    });
    const [message] = double.messages(String(posted.channel));
    const clicked = await driver.blockAction({
      user: "U0CONTACT1",
      actionId: "report",
      message: message as never,
    });
    expect(clicked.status).toBe(200);
    await double.waitForCall("views.open", (call) => call.status === 200);
    expect(double.calls("views.open")[0]?.response).toMatchObject({ ok: true });
    expect(seen[0]?.body).toMatchObject({
      type: "block_actions",
      container: { type: "message", channel_id: posted.channel, message_ts: posted.ts },
      actions: [{ action_id: "report", value: "task-5", type: "button" }],
    });

    const modal = double.openModal("U0CONTACT1");
    if (!modal) throw new Error("no modal open");
    const submitted = await driver.viewSubmission({
      user: "U0CONTACT1",
      view: modal.view,
      values: { status_select: "推进中", done_input: "完成80%" },
    });
    expect(submitted.status).toBe(200);
    expect(seen.at(-1)?.body).toMatchObject({
      callback_id: "report_modal",
      private_metadata: "task-5",
      state: {
        values: {
          status: { status_select: { type: "static_select", selected_option: { value: "推进中" } } },
          done: { done_input: { type: "plain_text_input", value: "完成80%" } },
          next: { next_input: { type: "plain_text_input", value: null } },
        },
      },
    });
    await expect(
      driver.viewSubmission({ user: "U0CONTACT1", view: modal.view, values: { nope: "x" } }),
    ).rejects.toThrow(/no input with action_id nope/);
  });

  it("delivers message events, retries with their headers, edits and url_verification", async () => {
    const first = await driver.message({ user: "U0CONTACT1", text: "已完成", threadTs: "1700000000.000100" });
    expect(first.status).toBe(200);
    await driver.resend(first, { retryNum: 1, retryReason: "http_timeout" });
    await waitUntil(() => seen.length === 2);
    expect(seen.map((entry) => entry.retryNum)).toEqual([undefined, 1]);
    expect(seen[0]?.body).toMatchObject({
      text: "已完成",
      channel_type: "im",
      thread_ts: "1700000000.000100",
    });

    await driver.messageChanged({
      user: "U0CONTACT1",
      ts: first.ts,
      text: "完成80%",
      previousText: "已完成",
    });
    await waitUntil(() => seen.length === 3);
    expect(seen[2]?.body).toMatchObject({
      subtype: "message_changed",
      message: { ts: first.ts, text: "完成80%" },
    });
    expect(double.messages("U0CONTACT1").map((m) => m.text)).toEqual(["完成80%"]);

    const verified = await driver.urlVerification("challenge-123");
    expect(verified.json()).toEqual({ challenge: "challenge-123" });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
