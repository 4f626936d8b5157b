import type { MentionNames, UserMention } from "./user-mention.ts";

/** A user picked by chat id: "@id:U024BE7LH". Front ends turn their own mention syntax into it. */
const ID_MENTION = /^@id:([A-Za-z0-9_.-]+)$/;
/** A typed name: "@张三", "＠张三". */
const NAME_MENTION = /^[@＠](.+)$/;

/** The word a front end puts in command text for a user it knows by chat id. */
export function idMentionWord(externalId: string): string {
  return `@id:${externalId}`;
}

/** Reads a user mention (its name, for an id, from `names`); null when the word is none. */
export function parseUserMention(word: string, names: MentionNames): UserMention | null {
  const byId = ID_MENTION.exec(word);
  if (byId !== null) {
    const externalId = byId[1] as string;
    return { externalId, name: Object.hasOwn(names, externalId) ? (names[externalId] ?? null) : null };
  }
  const name = NAME_MENTION.exec(word);
  return name === null ? null : { externalId: null, name: name[1] as string };
}
