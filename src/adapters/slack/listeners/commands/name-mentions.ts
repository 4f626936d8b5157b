import type { SlackUserProfiles } from "../../create-slack-user-profiles.ts";

/** A user mention as Slack escapes it in slash commands: "<@U024BE7LH|li.na>" (the label is the username). */
const MENTION = /<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>/g;

/**
 * Gives each mention in a command the person's real name (users.info, cached), so that someone assigned with
 * `/duban assign 部门 @li.na` is known as 李娜 before they ever write to Duban. A mention whose profile is
 * unknown stays as written.
 */
export async function nameMentions(text: string, profiles: SlackUserProfiles): Promise<string> {
  const ids = [...new Set([...text.matchAll(MENTION)].map((match) => match[1] as string))];
  if (ids.length === 0) return text;
  const names = new Map<string, string>();
  for (const id of ids) {
    const { displayName } = await profiles.chatUser(id);
    if (displayName) names.set(id, displayName.replace(/[|>]/g, " "));
  }
  return text.replace(MENTION, (mention, id: string) =>
    names.has(id) ? `<@${id}|${names.get(id)}>` : mention,
  );
}
