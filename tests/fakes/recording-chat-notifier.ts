import type { OutboundMessage } from "../../src/domain/messages/message-types.ts";
import type { ChatMessageRef, ChatNotifier } from "../../src/domain/ports/chat.ts";
import type { Person } from "../../src/domain/supervision/supervision-types.ts";

export interface SentDirectMessage extends ChatMessageRef {
  person: Person;
  message: OutboundMessage;
}

export interface RecordingChatNotifier extends ChatNotifier {
  /** Every message sent, in order. */
  sent: SentDirectMessage[];
  /** The messages sent to the person with this chat user id. */
  sentTo(externalId: string): SentDirectMessage[];
  /** Sending to these chat user ids fails (as a chat platform error would). */
  failFor: Set<string>;
}

/** A ChatNotifier that records each direct message and answers with a DM channel per person and a fresh ts. */
export function createRecordingChatNotifier(): RecordingChatNotifier {
  const sent: SentDirectMessage[] = [];
  const failFor = new Set<string>();
  let counter = 0;
  return {
    sent,
    failFor,
    sentTo: (externalId) => sent.filter((entry) => entry.person.externalId === externalId),
    sendDirectMessage: async (person, message) => {
      if (failFor.has(person.externalId)) throw new Error("channel_not_found");
      counter += 1;
      const ref = { channel: `D${person.externalId}`, ts: `1790000000.${String(counter).padStart(6, "0")}` };
      sent.push({ ...ref, person, message });
      return ref;
    },
  };
}
