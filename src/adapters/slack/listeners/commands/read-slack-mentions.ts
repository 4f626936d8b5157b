import { idMentionWord } from "../../../../domain/commands/parse-user-mention.ts";
import type { MentionNames } from "../../../../domain/commands/user-mention.ts";
import type { SlackUserProfiles } from "../../create-slack-user-profiles.ts";

/**
 * A user mention as Slack escapes it in slash commands: "<@U024BE7LH|li.na>" (the label is the username;
 * https://api.slack.com/reference/surfaces/formatting#mentioning-users).
 */
const MENTION = /<@([A-Za-z0-9_.-]+)(?:\|([^>]*))?>/g;

/**
 * Turns Slack's mentions in a command into the core's chat-neutral "@id:U024BE7LH" words, and names each
 * user: their real name (users.info, cached), so that someone assigned with `/duban assign 部门 @li.na` is
 * known as 李娜 before they ever write to Duban; the mention's label when the profile is unknown.
 */
export async function readSlackMentions(
  text: string,
  profiles: SlackUserProfiles,
): Promise<{ text: string; names: MentionNames }> {
  const names: Record<string, string> = {};
  for (const [, id, label] of text.matchAll(MENTION)) {
    if (id === undefined || Object.hasOwn(names, id)) continue;
    const { displayName } = await profiles.chatUser(id);
    const name = displayName || label;
    if (name) names[id] = name;
  }
  return { text: text.replace(MENTION, (_mention, id: string) => idMentionWord(id)), names };
}
