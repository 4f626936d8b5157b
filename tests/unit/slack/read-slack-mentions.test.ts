import { describe, expect, it } from "vitest";
import type { SlackUserProfiles } from "../../../src/adapters/slack/create-slack-user-profiles.ts";
import { readSlackMentions } from "../../../src/adapters/slack/listeners/commands/read-slack-mentions.ts";
import { parseDubanCommand } from "../../../src/domain/commands/parse-duban-command.ts";

const profiles = (known: Record<string, string>): SlackUserProfiles & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    chatUser: async (userId) => {
      asked.push(userId);
      const displayName = known[userId];
      return displayName === undefined
        ? { platform: "slack", externalId: userId }
        : { platform: "slack", externalId: userId, displayName };
    },
  };
};

describe("Slack mentions in /duban text", () => {
  it("become the core's @id: words, named from users.info, else from the mention's label", async () => {
    const lookup = profiles({ U024BE7LH: "李娜" });
    const read = await readSlackMentions(
      "absence 10-08 10-16 <@U024BE7LH|li.na> <@W0ABC|Li Si> <@U024BE7LH>",
      lookup,
    );
    expect(read.text).toBe("absence 10-08 10-16 @id:U024BE7LH @id:W0ABC @id:U024BE7LH");
    expect(read.names).toEqual({ U024BE7LH: "李娜", W0ABC: "Li Si" });
    expect(lookup.asked).toEqual(["U024BE7LH", "W0ABC"]);
  });

  it("leave an unlabelled mention of an unknown profile unnamed, and text without mentions unchanged", async () => {
    expect(await readSlackMentions("assign 财政局 <@U1> reader", profiles({}))).toEqual({
      text: "assign 财政局 @id:U1 reader",
      names: {},
    });
    expect(await readSlackMentions("tasks", profiles({}))).toEqual({ text: "tasks", names: {} });
  });

  it("give the domain a user it reads by plain id, with the name the adapter found", async () => {
    const read = await readSlackMentions("assign 市财政局 <@U024BE7LH|li.na> reader", profiles({}));
    const directory = { departments: [{ id: "city-finance", name: "市财政局", aliases: [] }], measures: [] };
    expect(parseDubanCommand(read.text, directory, read.names)).toMatchObject({
      kind: "assign",
      user: { externalId: "U024BE7LH", name: "li.na" },
      role: "READER",
    });
  });
});
