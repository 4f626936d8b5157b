/** "<@U123|张三>" (a platform mention, id known) or "@张三" (a display name). */
export type UserMention = { externalId: string; name: string | null } | { externalId: null; name: string };
