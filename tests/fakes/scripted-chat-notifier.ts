import type { OutboundMessage } from "../../src/domain/messages/message-types.ts";
import type { ChatNotifier } from "../../src/domain/ports/chat-notifier.ts";
import type { Person } from "../../src/domain/supervision/supervision-types.ts";

/** What the scripted notifier does on its n-th call (1-based): send, throw, or hang forever (a killed process). */
export type Script = (call: number, person: Person) => "send" | "hang" | Error;

export interface ScriptedChatNotifier extends ChatNotifier {
  sent: Array<{ person: Person; message: OutboundMessage }>;
  calls: number;
  /** Resolves when the notifier has been called `count` times. */
  called(count: number): Promise<void>;
}

/** A ChatNotifier driven by a script, for delivery failures: errors, 429s, a process dying mid-send. */
export function createScriptedChatNotifier(script: Script): ScriptedChatNotifier {
  const sent: ScriptedChatNotifier["sent"] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const notifier: ScriptedChatNotifier = {
    sent,
    calls: 0,
    called: (count) =>
      notifier.calls >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    sendDirectMessage: async (person, message) => {
      notifier.calls += 1;
      const call = notifier.calls;
      for (const waiter of waiters.filter((w) => w.count <= call)) waiter.resolve();
      const action = script(call, person);
      if (action === "hang") return new Promise(() => {});
      if (action instanceof Error) throw action;
      sent.push({ person, message });
      return { channel: `D${person.externalId}`, ts: `1790000000.${String(call).padStart(6, "0")}` };
    },
  };
  return notifier;
}
