import type { NoticeMessage } from "../../domain/messages/message-types.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import type { OutboxPayload } from "./outbox-payload.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/**
 * Tells `recipients` about a delivery problem only people can fix, once per problem: one outbox DM each under
 * the key `notice:<problem>:<person>`, so the passes that meet the same problem again tell nobody twice (and a
 * crash in between loses nothing). Sent by the same delivery pass. Returns how many were queued now.
 */
export async function tellOnce(
  deps: Pick<ResolvedScheduleDeps, "schedules">,
  problem: string,
  recipients: readonly Person[],
  notice: (locale: Locale) => NoticeMessage,
  now: Date,
): Promise<number> {
  const slot = `notice:${problem}`;
  const rows = recipients.map((person) => {
    const key = `${slot}:${person.id}`;
    const payload: OutboxPayload = { type: "message", message: notice(localeOf(person.locale)) };
    return {
      idempotencyKey: key,
      groupKey: key,
      kind: "notice",
      slot,
      taskId: null,
      recipientId: person.id,
      payload,
      expiresAt: null,
    };
  });
  if (rows.length === 0) return 0;
  const queued = await deps.schedules.enqueueHeld(rows);
  await deps.schedules.releaseHeld(slot, now);
  return queued;
}

/** The admins, who fix the chat's set-up (channel membership); the supervisors when no admin is known. */
export async function adminsOrSupervisors(deps: Pick<ResolvedScheduleDeps, "store">): Promise<Person[]> {
  const people = await deps.store.listSupervisors();
  const admins = people.filter((person) => person.role === "ADMIN");
  return admins.length > 0 ? admins : people;
}
