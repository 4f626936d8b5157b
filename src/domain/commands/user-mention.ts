/**
 * A user a command names: by chat id ("@id:U123", the word a front end writes for a user picked from its
 * own mention syntax) or by display name as typed ("@张三").
 */
export type UserMention = { externalId: string; name: string | null } | { externalId: null; name: string };

/**
 * Display names of the users a command names by id (id -> name), as the front end knows them. A plain object,
 * so the core's input boundary cleans the names like every other string it is sent.
 */
export type MentionNames = Readonly<Record<string, string>>;

export const NO_MENTION_NAMES: MentionNames = {};
