import type { webApi } from "@slack/bolt";
import type { ChatUser } from "../../domain/supervision/supervision-types.ts";

/** How long a user's name and locale are trusted before users.info is asked again. */
const PROFILE_TTL_MS = 10 * 60 * 1000;

export interface SlackUserProfiles {
  /** The chat user behind a Slack user id, with their display name and Slack locale (users.info, cached). */
  chatUser(userId: string): Promise<ChatUser>;
}

/**
 * Who a Slack user is, for the core: users.info with include_locale (so replies come in the user's language),
 * cached per user. When Slack cannot say (an error, a rate limit), the id alone is used: the core then keeps
 * what it knew, and nobody is refused for it.
 */
export function createSlackUserProfiles(
  client: webApi.WebClient,
  options: { now?: () => number; onError?: (error: unknown, userId: string) => void } = {},
): SlackUserProfiles {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { user: Promise<ChatUser>; expiresAt: number }>();

  async function fetchUser(userId: string): Promise<ChatUser> {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    return {
      platform: "slack",
      externalId: userId,
      displayName:
        user?.real_name || user?.profile?.real_name || user?.profile?.display_name || user?.name || undefined,
      locale: user?.locale || undefined,
      email: user?.profile?.email || undefined,
    };
  }

  return {
    chatUser(userId) {
      const cached = cache.get(userId);
      if (cached !== undefined && cached.expiresAt > now()) return cached.user;
      const user = fetchUser(userId).catch((error: unknown) => {
        cache.delete(userId);
        options.onError?.(error, userId);
        return { platform: "slack", externalId: userId };
      });
      cache.set(userId, { user, expiresAt: now() + PROFILE_TTL_MS });
      return user;
    },
  };
}
