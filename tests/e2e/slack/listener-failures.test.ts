import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { renderReportModal } from "../../../src/adapters/slack/blocks/render-report-modal.ts";
import { createSlackApp, type SlackFrontEnd } from "../../../src/adapters/slack/create-slack-app.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { buildReportForm } from "../../../src/domain/messages/build-report-form.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import type { JsonObject } from "../../fakes/slack-double/json-object.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver, type SlackDriver } from "../../fakes/slack-driver.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";

const USER = "U0CONTACT1";

/** A core whose every method fails the way the current test says. */
let failure: () => never = () => {
  throw new Error("not set");
};
const failingCore = new Proxy({} as SupervisionCore, {
  get: () => async () => failure(),
});

describe("failures at the edge: through Bolt's HTTP receiver, with a core that throws", () => {
  let double: SlackDouble;
  let slack: SlackFrontEnd;
  let driver: SlackDriver;
  const logs: Array<{ level: number; msg: string; listener?: string }> = [];

  beforeAll(async () => {
    double = await startSlackDouble();
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    slack = createSlackApp({
      botToken: double.workspace.bot.token,
      signingSecret: double.workspace.signingSecret,
      apiUrl: double.apiUrl,
      port: 0,
      createCore: () => failingCore,
      logger: createLogger({ level: "debug", format: "json", destination }),
      boltLogger: createSilentLogger(),
    });
    const { port } = await slack.start();
    driver = createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      workspace: double.workspace,
      double,
    });
  });
  afterAll(async () => {
    await slack?.stop();
    await double?.close();
  });
  beforeEach(() => {
    logs.length = 0;
  });

  const errors = () => logs.filter((line) => line.level >= 50);
  const text = (value: unknown) => JSON.stringify(value);

  it("an unexpected error is logged once and the user gets a short apology, only they see", async () => {
    failure = () => {
      throw new Error("database went away");
    };
    const sent = await driver.slashCommand({ user: USER, text: "tasks" });
    expect(sent.status).toBe(200);
    await slack.idle();
    const answer = double
      .calls("response_url")
      .find((call) => call.path === new URL(sent.responseUrl).pathname);
    expect(answer?.args).toMatchObject({ response_type: "ephemeral" });
    expect(text(answer?.args)).toContain("抱歉，督办暂时出了问题");
    expect(text(answer?.args)).not.toContain("database went away");
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatchObject({ listener: "command", msg: "Slack listener failed" });
    expectEveryCallAccepted(double);
  });

  it("a DomainError becomes an ephemeral message with its user message, and is not logged as an error", async () => {
    failure = () => {
      throw new DomainError("forbidden", "您不能这样做。");
    };
    const sent = await driver.slashCommand({ user: USER, text: "tasks" });
    await slack.idle();
    const answer = double
      .calls("response_url")
      .find((call) => call.path === new URL(sent.responseUrl).pathname);
    expect(text(answer?.args)).toContain("您不能这样做。");
    expect(errors()).toEqual([]);
  });

  it("a failing thread reply is answered in its thread; a failing form stays open with the apology on a field", async () => {
    failure = () => {
      throw new Error("disk full");
    };
    const sent = await driver.message({ user: USER, text: "推进中 50%", threadTs: double.nextTs() });
    expect(sent.status).toBe(200);
    await slack.idle();
    const apology = double.calls("chat.postMessage").at(-1);
    expect(apology?.args).toMatchObject({ channel: sent.channel, thread_ts: expect.any(String) });
    expect(text(apology?.args)).toContain("抱歉");

    const task = {
      id: "t1",
      measure: { id: "m1", number: 5, label: "（五）", title: "拓宽就地就近就业渠道", section: null },
      department: { id: "d", name: "市人力资源社会保障局" },
    };
    const modal = renderReportModal(
      buildReportForm("zh", task, { status: "in_progress", percent: null }),
      text({ task: "t1" }),
    );
    const submitted = await driver.viewSubmission({
      user: USER,
      view: { ...modal, id: "V0TEST" } as unknown as JsonObject,
      values: { status: "in_progress", done: "完成" },
    });
    expect(submitted.json()).toEqual({
      response_action: "errors",
      errors: { "report.done": expect.stringContaining("抱歉") },
    });
    expect(errors()).toHaveLength(2);
    expectEveryCallAccepted(double);
  });
});
