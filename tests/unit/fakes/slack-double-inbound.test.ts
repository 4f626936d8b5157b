import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type types, webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mintTriggerId } from "../../fakes/slack-double/create-slack-ids.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { buildViewState } from "../../fakes/slack-driver/build-view-state.ts";
import {
  deliverLikeSlack,
  SLACK_EVENT_RETRY_DELAYS_MS,
} from "../../fakes/slack-driver/deliver-like-slack.ts";
import { createSignedSender } from "../../fakes/slack-driver/send-signed-request.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
let double: SlackDouble;
let client: webApi.WebClient;

beforeAll(async () => {
  double = await startSlackDouble({ now: () => NOW });
  client = new webApi.WebClient(double.workspace.bot.token, {
    slackApiUrl: double.apiUrl,
    logger: createSilentLogger(),
    retryConfig: { retries: 0 },
  });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

const input = (element: types.InputBlockElement, blockId = "b"): types.InputBlock => ({
  type: "input",
  block_id: blockId,
  label: { type: "plain_text", text: "佐证材料文件" },
  element,
});

function openModal(blocks: types.KnownBlock[]) {
  const triggerId = mintTriggerId(() => NOW);
  double.registerTriggerId(triggerId, "U0CONTACT1");
  return client.views.open({
    trigger_id: triggerId,
    view: {
      type: "modal",
      title: { type: "plain_text", text: "填报进展" },
      submit: { type: "plain_text", text: "提交" },
      blocks,
    },
  });
}

describe("Slack double: files a user shares", () => {
  it("files.info describes a user's file as file_share events carry it; unknown and deleted files are refused", async () => {
    const shared = double.addUserFile({ user: "U0CONTACT1", name: "进展报告.pdf" });
    expect(shared).toMatchObject({
      id: expect.stringMatching(/^F/),
      name: "进展报告.pdf",
      filetype: "pdf",
      mimetype: "application/pdf",
      user: "U0CONTACT1",
      permalink: expect.stringContaining(`/files/U0CONTACT1/${shared.id}/`),
    });
    const info = await client.files.info({ file: String(shared.id) });
    expect(info.file).toEqual(shared);
    await expect(client.files.info({ file: "F0NOSUCH01" })).rejects.toMatchObject({
      data: { error: "file_not_found" },
    });
    const file = double.file(String(shared.id));
    if (file) file.deleted = true;
    await expect(client.files.info({ file: String(shared.id) })).rejects.toMatchObject({
      data: { error: "file_deleted" },
    });
  });

  it("a file_input works in an input block only, with max_files from 1 to 10", async () => {
    await expect(
      openModal([input({ type: "file_input", action_id: "files", max_files: 10 })]),
    ).resolves.toMatchObject({
      ok: true,
    });
    const outside = {
      type: "actions",
      elements: [{ type: "file_input", action_id: "files" }],
    } as unknown as types.KnownBlock;
    await expect(openModal([outside])).rejects.toMatchObject({
      data: {
        error: "invalid_arguments",
        response_metadata: {
          messages: [expect.stringContaining("file_input is only allowed in an input block")],
        },
      },
    });
    await expect(
      openModal([input({ type: "file_input", action_id: "files", max_files: 11 })]),
    ).rejects.toMatchObject({
      data: {
        response_metadata: {
          messages: [expect.stringContaining("[json-pointer:/view/blocks/0/element/max_files]")],
        },
      },
    });
  });

  it("a view_submission carries a file_input's files as its state's `files`, empty when none were added", () => {
    const blocks = [input({ type: "file_input", action_id: "files" }, "report.files")];
    const shared = double.addUserFile({ user: "U0CONTACT1", name: "现场.png" });
    expect(buildViewState(blocks, {}, { files: [shared] })).toEqual({
      values: { "report.files": { files: { type: "file_input", files: [shared] } } },
    });
    expect(buildViewState(blocks).values["report.files"]?.files).toEqual({ type: "file_input", files: [] });
    expect(() => buildViewState(blocks, {}, { other: [shared] })).toThrow(/no input with action_id other/);
  });
});

describe("Slack double: latency on every Web API call", () => {
  it("answers each call after the latency set (real time), and on time again once it is off", async () => {
    double.setLatency(300);
    let started = performance.now();
    await client.auth.test();
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    double.setLatency(0);
    started = performance.now();
    await client.auth.test();
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe("the driver delivers events as Slack does", () => {
  let server: Server;
  let url = "";
  /** What the app answers each attempt with, in order; the last one repeats. */
  let answers: Array<{ status: number; delayMs: number }> = [];
  const received: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.headers);
      const answer = answers[Math.min(received.length - 1, answers.length - 1)] ?? {
        status: 200,
        delayMs: 0,
      };
      req.resume();
      setTimeout(() => res.writeHead(answer.status).end(), answer.delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
  });

  const send = () => createSignedSender(url, "secret", () => NOW);
  const waited: number[] = [];
  const wait = async (ms: number) => {
    waited.push(ms);
  };

  it("a late 200 is a failure: retried at the deadline with X-Slack-Retry-Num 1 and reason http_timeout", async () => {
    answers = [
      { status: 200, delayMs: 150 },
      { status: 200, delayMs: 0 },
    ];
    waited.length = 0;
    const delivery = await deliverLikeSlack(send(), "{}", "application/json", { wait, deadlineMs: 60 });
    expect(delivery.acknowledged).toBe(true);
    expect(delivery.attempts.map((a) => [a.retryNum, a.failure])).toEqual([
      [0, "http_timeout"],
      [1, null],
    ]);
    expect(delivery.attempts[0]?.response?.status).toBe(200); // it came, too late
    expect(received.map((h) => [h["x-slack-retry-num"], h["x-slack-retry-reason"]])).toEqual([
      [undefined, undefined],
      ["1", "http_timeout"],
    ]);
    expect(waited).toEqual([0]);
  });

  it("errors are retried on Slack's schedule (at once, 1 minute, 5 minutes), 3 times at most", async () => {
    answers = [{ status: 500, delayMs: 0 }];
    waited.length = 0;
    const delivery = await deliverLikeSlack(send(), "{}", "application/json", { wait, deadlineMs: 1000 });
    expect(delivery.acknowledged).toBe(false);
    expect(delivery.attempts).toHaveLength(4);
    expect(waited).toEqual([...SLACK_EVENT_RETRY_DELAYS_MS]);
    expect(received.map((h) => h["x-slack-retry-reason"])).toEqual([
      undefined,
      "http_error",
      "http_error",
      "http_error",
    ]);
  });

  it("an event acknowledged in time is sent once", async () => {
    answers = [{ status: 200, delayMs: 0 }];
    const delivery = await deliverLikeSlack(send(), "{}", "application/json", { wait, deadlineMs: 1000 });
    expect(delivery).toMatchObject({ acknowledged: true, attempts: [{ retryNum: 0, failure: null }] });
    expect(received).toHaveLength(1);
  });
});
