import { randomUUID } from "node:crypto";
import type { Person } from "../../domain/supervision/supervision-types.ts";

/** Where shell messages are, as the core records them (Slack's channel, ts and event_id). */
export interface ShellMessageIds {
  /** The person's direct conversation with Duban. */
  dmChannel(person: Pick<Person, "externalId">): string;
  /** A fresh message timestamp, unique across runs ("1764300000123.000001"). */
  nextTs(): string;
  /** A fresh event id, so every line typed is a new message. */
  nextEventId(): string;
}

export function createShellMessageIds(realNow: () => number = Date.now): ShellMessageIds {
  let sequence = 0;
  return {
    dmChannel: (person) => `shell-dm:${person.externalId}`,
    nextTs: () => {
      sequence += 1;
      return `${realNow()}.${String(sequence).padStart(6, "0")}`;
    },
    nextEventId: () => `shell-${randomUUID()}`,
  };
}
