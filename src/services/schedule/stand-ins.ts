import type { AbsenceRecord } from "../../domain/ports/schedule-store.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";

/** Deputies stand in for deputies who are away too, this many times at most. */
const MAX_CHAIN = 3;

/** Who receives a person's reminders on a day: them, or while they are away, their deputy (代理人). */
export interface StandIns {
  recipientFor(person: Person): Person;
  /** The names of the people `recipient` stands in for that day. */
  onBehalfOf(recipientId: string): string[];
}

export function createStandIns(absences: readonly AbsenceRecord[]): StandIns {
  const absence = new Map<string, AbsenceRecord>();
  for (const record of absences) if (!absence.has(record.person.id)) absence.set(record.person.id, record);
  const recipientFor = (person: Person): Person => {
    let current = person;
    for (let hops = 0; hops < MAX_CHAIN; hops += 1) {
      const away = absence.get(current.id);
      if (away === undefined || away.deputy.id === person.id) break;
      current = away.deputy;
    }
    return current;
  };
  const behalf = new Map<string, string[]>();
  for (const record of absence.values()) {
    const end = recipientFor(record.person);
    if (end.id !== record.person.id)
      behalf.set(end.id, [...(behalf.get(end.id) ?? []), record.person.displayName]);
  }
  return { recipientFor, onBehalfOf: (recipientId) => behalf.get(recipientId) ?? [] };
}
