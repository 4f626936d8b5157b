import type { OutboundMessage } from "../../src/domain/messages/message-types.ts";
import type { ChatMessageRef, ChatNotifier } from "../../src/domain/ports/chat.ts";
import type { Person } from "../../src/domain/supervision/supervision-types.ts";

/** What the scripted notifier does on its n-th call (1-based): send, throw, or hang forever (a killed process). */
export type Script = (call: number, person: Person) => "send" | "hang" | Error;

export interface ScriptedChatNotifier extends ChatNotifier {
  sent: Array<{ person: Person; message: OutboundMessage; key?: string; ref: ChatMessageRef }>;
  calls: number;
  /** Resolves when the notifier has been called `count` times. */
  called(count: number): Promise<void>;
}

/**
 * A ChatNotifier driven by a script, for delivery failures: errors, 429s, a process dying mid-send. `chat`, when
 * given, is the chat's side shared by the notifiers of several processes: every message sent lands there, and
 * findSent looks there (a message sent by a process that then died is in the chat all the same).
 */
export function createScriptedChatNotifier(
  script: Script,
  chat?: ScriptedChatNotifier["sent"],
): ScriptedChatNotifier {
  const sent: ScriptedChatNotifier["sent"] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const notifier: ScriptedChatNotifier = {
    sent,
    calls: 0,
    called: (count) =>
      notifier.calls >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    sendDirectMessage: async (person, message, options) => {
      notifier.calls += 1;
      const call = notifier.calls;
      for (const waiter of waiters.filter((w) => w.count <= call)) waiter.resolve();
      const action = script(call, person);
      if (action === "hang") return new Promise(() => {});
      if (action instanceof Error) throw action;
      const ref = { channel: `D${person.externalId}`, ts: `1790000000.${String(call).padStart(6, "0")}` };
      const entry = { person, message, ref, ...(options?.key === undefined ? {} : { key: options.key }) };
      sent.push(entry);
      chat?.push(entry);
      return ref;
    },
    // what the chat would say: the message with that key, if it was ever sent (a hung send never was)
    findSent: async (person, key) =>
      (chat ?? sent).find((entry) => entry.key === key && entry.person.id === person.id)?.ref ?? null,
  };
  return notifier;
}
