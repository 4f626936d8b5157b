import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackChatNotifier } from "../../../src/adapters/slack/create-slack-chat-notifier.ts";
import { createSlackMessenger } from "../../../src/adapters/slack/create-slack-messenger.ts";
import {
  createSlackUserDirectory,
  createSlackUserDirectoryFor,
} from "../../../src/adapters/slack/create-slack-user-directory.ts";
import { runCli } from "../../../src/cli/main.ts";
import { buildNoticeMessage } from "../../../src/domain/messages/build-notice-message.ts";
import type { Person } from "../../../src/domain/supervision/supervision-types.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";

const dir = mkdtempSync(join(tmpdir(), "duban-slack-ports-"));

const person = (externalId: string, platform = "slack"): Person => ({
  id: "p1",
  platform,
  externalId,
  displayName: "李娜",
  email: null,
  locale: "zh-CN",
  role: "CONTACT",
  departmentIds: [],
});

describe("the core's ports on Slack, against the Slack double", () => {
  let double: SlackDouble;
  let client: webApi.WebClient;
  beforeAll(async () => {
    double = await startSlackDouble();
    client = new webApi.WebClient(double.workspace.bot.token, {
      slackApiUrl: double.apiUrl,
      logger: createSilentLogger(),
      retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 200 },
    });
  });
  afterAll(async () => {
    await double?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("UserDirectory: users.lookupByEmail finds members by e-mail, null for strangers", async () => {
    const directory = createSlackUserDirectory(client);
    expect(directory.platform).toBe("slack");
    expect(await directory.lookupByEmail("LI.NA@nanyang.gov.cn")).toEqual({
      externalId: "U0CONTACT1",
      displayName: "李娜",
      locale: null,
    });
    expect(await directory.lookupByEmail("nobody@nanyang.gov.cn")).toBeNull();
    const refused = createSlackUserDirectoryFor({ botToken: "xoxb-wrong", apiUrl: double.apiUrl });
    await expect(refused.lookupByEmail("li.na@nanyang.gov.cn")).rejects.toThrow(/invalid_auth/);
  });

  it("ChatNotifier: posts the rendered message to the user's DM (no conversations.open), returns its channel and ts; waits out a 429", async () => {
    const since = double.calls().length;
    const notifier = createSlackChatNotifier(createSlackMessenger(client));
    const first = await notifier.sendDirectMessage(
      person("U0CONTACT1"),
      buildNoticeMessage("zh", "info", ["请报送进展"]),
    );
    expect(first.channel).toBe(double.dmChannelId("U0CONTACT1"));
    expect(double.messages(first.channel).find((message) => message.ts === first.ts)?.text).toBe(
      "请报送进展",
    );

    double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 1 });
    const second = await notifier.sendDirectMessage(
      person("U0CONTACT1"),
      buildNoticeMessage("zh", "info", ["再次提醒"]),
    );
    expect(second.channel).toBe(first.channel);
    expect(double.calls("conversations.open")).toHaveLength(0); // posting to the user id names the DM
    await expect(
      notifier.sendDirectMessage(person("local", "shell"), buildNoticeMessage("zh", "info", ["x"])),
    ).rejects.toThrow(/cannot DM shell user/);
    expectEveryCallAccepted(double, { since, rateLimited: 1 });
  });

  it("`duban contacts import` looks the rows' e-mails up in the Slack workspace", async () => {
    const since = double.calls().length;
    const env = {
      DUBAN_DATA_DIR: join(dir, "data"),
      SLACK_BOT_TOKEN: double.workspace.bot.token,
      SLACK_API_URL: double.apiUrl,
    };
    const load = recordingCliIo(process.cwd(), env);
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], load)).toBe(0);
    const csv = join(dir, "contacts.csv");
    writeFileSync(
      csv,
      [
        "部门,姓名,邮箱,角色",
        "市农业农村局,李娜,li.na@nanyang.gov.cn,联络员",
        "市财政局,孙七,nobody@nanyang.gov.cn,联络员",
        ",王军,wang.jun@nanyang.gov.cn,督查人员",
      ].join("\n"),
    );
    const io = recordingCliIo(process.cwd(), env);
    expect(await runCli(["contacts", "import", csv], io)).toBe(1); // one e-mail is not in the workspace
    const output = io.stdout.join("\n");
    expect(output).toMatch(/imported 2 contact row\(s\)/);
    expect(output).toContain("line 3: nobody@nanyang.gov.cn");
    const lookups = double
      .calls("users.lookupByEmail")
      .filter((call) => double.calls().indexOf(call) >= since);
    expect(lookups.map((call) => call.args.email)).toEqual([
      "li.na@nanyang.gov.cn",
      "nobody@nanyang.gov.cn",
      "wang.jun@nanyang.gov.cn",
    ]);
  }, 120_000);
});
