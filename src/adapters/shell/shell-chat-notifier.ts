import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { ChatMessageRef, ChatNotifier, DigestPublisher } from "../../domain/ports/chat.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import type { ShellMessageIds } from "./shell-message-ids.ts";

/** A message Duban sent in the shell: a direct message to a person, or a post in a channel (the digest). */
export interface ShellMail {
  /** Null for a channel post. */
  recipient: Person | null;
  /** The channel's name for a post ("digest"); the DM's channel otherwise. */
  channel: string;
  message: OutboundMessage;
  ref: ChatMessageRef;
  /** Lines shown under the message: where its files were saved ("进展图已保存：…"), or why they were not. */
  notes?: string[];
}

/** The channel the digest goes to when the plan's schedule names none. */
export const SHELL_DIGEST_CHANNEL = "督办周报";

/**
 * The core's ChatNotifier in the shell: a direct message is "delivered" to the shell's mailbox (shown after
 * the action that sent it), with a reference that replies in its thread map back to. Reconciling is trivial:
 * delivery is a function call in this process, so a key is found when this process delivered it, and a
 * message whose sender died with an earlier shell never reached anyone (it is sent again).
 */
export function createShellChatNotifier(
  ids: ShellMessageIds,
  deliver: (mail: ShellMail) => void,
): ChatNotifier {
  const delivered = new Map<string, ChatMessageRef>();
  return {
    sendDirectMessage: async (recipient, message, options) => {
      const channel = ids.dmChannel(recipient);
      const ref = { channel, ts: ids.nextTs() };
      deliver({ recipient, channel, message, ref });
      if (options?.key !== undefined) delivered.set(options.key, ref);
      return ref;
    },
    findSent: async (_person, key) => delivered.get(key) ?? null,
  };
}

/**
 * The weekly digest "posted" in a shell channel: shown whole (Slack puts its long lists in the thread), its
 * chart saved as a PNG by `saveChart` (the path is shown under it; a failure is shown, the digest still posts).
 */
export function createShellDigestPublisher(
  ids: ShellMessageIds,
  deliver: (mail: ShellMail) => void,
  saveChart?: (digest: DigestMessage) => Promise<string | null>,
): DigestPublisher {
  const chartNotes = async (digest: DigestMessage): Promise<string[]> => {
    if (saveChart === undefined) return [];
    const zh = digest.locale === "zh";
    try {
      const path = await saveChart(digest);
      if (path === null) return [];
      return [zh ? `📈 进展图已保存：${path}` : `📈 Chart saved: ${path}`];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [zh ? `进展图未能生成：${reason}` : `The chart could not be drawn: ${reason}`];
    }
  };
  const published = new Map<string, ChatMessageRef>();
  return {
    publish: async (channel, digest, options) => {
      const name = (channel ?? SHELL_DIGEST_CHANNEL).replace(/^#/, ""); // "#duban-digest" shows as #duban-digest
      const ref = { channel: `shell-channel:${name}`, ts: ids.nextTs() };
      deliver({ recipient: null, channel: name, message: digest, ref, notes: await chartNotes(digest) });
      if (options?.key !== undefined) published.set(options.key, ref);
      return [ref];
    },
    findPublished: async (_channel, key) => published.get(key) ?? null,
  };
}
