import type { UserMention } from "./user-mention.ts";

/** Slack's escaped mention: "<@U024BE7LH>" or "<@U024BE7LH|zhangsan>". */
const PLATFORM_MENTION = /^<@([A-Za-z0-9_.-]+)(?:\|([^>]*))?>$/;
/** A typed name: "@张三", "＠张三". */
const NAME_MENTION = /^[@＠](.+)$/;

/** Reads a user mention; null when the word is none. */
export function parseUserMention(word: string): UserMention | null {
  const platform = PLATFORM_MENTION.exec(word);
  if (platform !== null) return { externalId: platform[1] as string, name: platform[2] || null };
  const name = NAME_MENTION.exec(word);
  return name === null ? null : { externalId: null, name: name[1] as string };
}
