import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadFile } from "../../../src/adapters/slack/upload-file.ts";
import { XLSX_MIME_TYPE } from "../../../src/domain/messages/outbound-file.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";

let double: SlackDouble;
let client: webApi.WebClient;
beforeAll(async () => {
  double = await startSlackDouble();
  client = new webApi.WebClient(double.workspace.bot.token, {
    slackApiUrl: double.apiUrl,
    logger: createSilentLogger(),
    retryConfig: { retries: 0 },
  });
});
afterAll(() => double.close());

const file = {
  name: "督办台账-2026-Q4.xlsx",
  title: "督办台账 2026年第四季度",
  mimeType: XLSX_MIME_TYPE,
  bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
};

describe("uploadFile (files.getUploadURLExternal -> POST -> files.completeUploadExternal)", () => {
  it("uploads the bytes and shares the file in the requester's DM, in that order", async () => {
    double.reset();
    const user = double.workspace.users[0]?.id as string;
    await expect(uploadFile(client, file, { channelId: user })).rejects.toThrow(/invalid_channel/);
    double.reset();
    const dm = (await client.conversations.open({ users: user })).channel?.id as string;
    const uploaded = await uploadFile(client, file, { channelId: dm, initialComment: "台账已生成" });
    expect(double.calls().map((call) => call.method)).toEqual([
      "conversations.open",
      "files.getUploadURLExternal",
      "upload_url",
      "files.completeUploadExternal",
    ]);
    const [ticket] = double.calls("files.getUploadURLExternal");
    expect(ticket?.args).toMatchObject({ filename: file.name, length: "7" });
    const stored = double.file(uploaded.fileId);
    expect(stored).toMatchObject({ filename: file.name, title: file.title, completed: true });
    expect([...(stored?.bytes ?? [])]).toEqual([...file.bytes]);
    const [message] = double.messages(user);
    expect(message).toMatchObject({ text: "台账已生成", files: [uploaded.fileId] });
    expect(uploaded.permalink).toMatch(/\/files\//);
  });

  it("a Slack error from the last step is thrown, not swallowed", async () => {
    double.reset();
    await expect(uploadFile(client, file, { channelId: "C_NOT_A_CHANNEL" })).rejects.toThrow(
      /invalid_channel|channel_not_found/,
    );
    expect(double.calls().map((call) => call.method)).toEqual([
      "files.getUploadURLExternal",
      "upload_url",
      "files.completeUploadExternal",
    ]);
  });
});
