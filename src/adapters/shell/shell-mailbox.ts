import type { ShellMail } from "./shell-chat-notifier.ts";

/** How many received messages the shell keeps per person for `/inbox`. */
const KEPT_PER_PERSON = 20;

/** Messages Duban sent in this shell session: waiting to be shown, and each person's received DMs. */
export interface ShellMailbox {
  deliver(mail: ShellMail): void;
  /** The messages sent since the last call, in order. */
  takeNew(): ShellMail[];
  /** The person's received messages, oldest first (the last KEPT_PER_PERSON). */
  received(personId: string): ShellMail[];
  /** The last message the person received: a reply typed as them goes in its thread. */
  lastReceived(personId: string): ShellMail | null;
  unreadCount(personId: string): number;
  markRead(personId: string): void;
}

export function createShellMailbox(): ShellMailbox {
  let fresh: ShellMail[] = [];
  const byPerson = new Map<string, ShellMail[]>();
  const unread = new Map<string, number>();
  return {
    deliver(mail) {
      fresh.push(mail);
      if (mail.recipient === null) return;
      const id = mail.recipient.id;
      byPerson.set(id, [...(byPerson.get(id) ?? []), mail].slice(-KEPT_PER_PERSON));
      unread.set(id, (unread.get(id) ?? 0) + 1);
    },
    takeNew() {
      const taken = fresh;
      fresh = [];
      return taken;
    },
    received: (personId) => [...(byPerson.get(personId) ?? [])],
    lastReceived: (personId) => byPerson.get(personId)?.at(-1) ?? null,
    unreadCount: (personId) => unread.get(personId) ?? 0,
    markRead: (personId) => {
      unread.delete(personId);
    },
  };
}
