import type { webApi } from "@slack/bolt";
import type { Clock } from "../../domain/ports/clock.ts";
import { systemClock } from "../clock/system-clock.ts";

/**
 * Members per users.list page: Slack's maximum ("The limit parameter maximum is 1000", docs.slack.dev/apis/web-api/pagination;
 * it recommends 100-200 for interactive reads). Each page is a call of a Tier 2 method (20 a minute) and counts
 * against the workspace's calls: at 200 a page a workspace of 5,000 members took 25 calls, more than Tier 2's
 * minute allows (the 21st got a 429 and the whole reading was dropped) and the burst scheduled DMs go out in.
 */
export const USERS_LIST_PAGE = 1_000;

/** Whether a member's Slack account is deactivated. */
export interface SlackAccountStatus {
  isDeactivated(userId: string): Promise<boolean>;
}

export interface SlackAccountStatusOptions {
  clock?: Clock;
  /** How long one reading of the member list is used (default 1 hour). */
  ttlMs?: number;
  /** users.list failed: the check is skipped (nobody is taken for deactivated) until the next reading. */
  onError?: (error: unknown) => void;
}

/**
 * Deactivated members, read with users.list (scope users:read, Tier 2) in pages of `USERS_LIST_PAGE`. Slack still accepts a DM
 * to a deactivated member (python-slack-sdk#1156: chat.postMessage "succeeds", users.info says `deleted: true`),
 * so a reminder to one would go nowhere, every cycle. One listing an hour serves every DM of a round, where
 * users.info per recipient would cost a Tier 4 call each.
 */
export function createSlackAccountStatus(
  client: webApi.WebClient,
  options: SlackAccountStatusOptions = {},
): SlackAccountStatus {
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  let reading: { at: number; deleted: Promise<Set<string>> } | null = null;

  async function readDeleted(): Promise<Set<string>> {
    const deleted = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await client.users.list({ limit: USERS_LIST_PAGE, ...(cursor ? { cursor } : {}) });
      for (const member of page.members ?? []) if (member.deleted && member.id) deleted.add(member.id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor !== undefined);
    return deleted;
  }

  return {
    async isDeactivated(userId) {
      const now = clock.now().getTime();
      if (reading === null || now - reading.at >= ttlMs) {
        const deleted = readDeleted().catch((error: unknown) => {
          options.onError?.(error);
          return new Set<string>();
        });
        reading = { at: now, deleted };
      }
      return (await reading.deleted).has(userId);
    },
  };
}
