import type { webApi } from "@slack/bolt";
import type { ChatMessageRef } from "../../domain/ports/chat.ts";

/**
 * How an outbox message carries its key into Slack: chat.postMessage's `metadata` (docs.slack.dev/messaging/
 * message-metadata; @slack/web-api ChatPostMessageMetadata: `{ event_type, event_payload }`, event_type a short
 * alphanumeric name, event_payload a free-form object). Metadata is readable by any app or member of the
 * workspace, so the payload is only the key (ids, no names). conversations.history returns it only with
 * `include_all_metadata`.
 */
export const OUTBOX_EVENT_TYPE = "duban_outbox_message";

export function outboxMetadata(key: string | undefined) {
  return key === undefined ? {} : { metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key } } };
}

/** Pages of history read when looking for a key: 200 messages each (the bot's DMs and the digest channel are quiet). */
const HISTORY_PAGES = 5;

/**
 * The message in `channel` posted since `since` that carries `key`, or null. Reads conversations.history
 * (scope im:history for DMs, channels:history / groups:history for the digest channel, Tier 3) newest first.
 */
export async function findKeyedMessage(
  client: webApi.WebClient,
  channel: string,
  key: string,
  since: Date,
): Promise<ChatMessageRef | null> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page += 1) {
    const history = await client.conversations.history({
      channel,
      oldest: (since.getTime() / 1000).toFixed(6),
      inclusive: true,
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of history.messages ?? []) {
      const payload = message.metadata?.event_payload as { key?: unknown } | undefined;
      if (message.metadata?.event_type === OUTBOX_EVENT_TYPE && payload?.key === key && message.ts)
        return { channel, ts: message.ts };
    }
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || cursor === undefined) return null;
  }
  return null;
}
