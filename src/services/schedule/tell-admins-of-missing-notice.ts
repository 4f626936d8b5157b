import { yearMissingNotice } from "../../domain/calendar/missing-notice.ts";
import { buildMissingNoticeMessage } from "../../domain/messages/build-missing-notice-message.ts";
import type { OutboxRow } from "../../domain/ports/schedule-store.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import type { OutboxPayload } from "./outbox-payload.ts";
import { localeOfPerson } from "./round-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** One job for the whole deployment, not per plan: the calendar is shared, and admins are told once a year. */
const JOB = "calendar";

/**
 * From 1 November, when next year has no State Council notice in the calendar (or this year has none), DMs
 * every admin once what to do. Exactly once per year across processes and restarts: the JobRun row
 * (job "calendar", slot "notice-missing:<year>") is claimed before anything is queued, and the DMs go
 * through the outbox like any scheduled message. With no admin yet, nothing is claimed: a later run tells
 * the first admin there is. `told` spares the database a query per tick once a year is done.
 */
export async function tellAdminsOfMissingNotice(
  deps: Pick<ResolvedScheduleDeps, "store" | "schedules" | "calendar" | "owner" | "tuning" | "logger">,
  timeZone: string,
  now: Date,
  told: Set<number>,
): Promise<number> {
  const year = yearMissingNotice(deps.calendar, toPlanDate(now, timeZone));
  if (year === null || told.has(year)) return 0;
  const slot = `notice-missing:${year}`;
  const staleBefore = new Date(now.getTime() - deps.tuning.staleRunAfterMs);
  if ((await deps.schedules.listClaimedSlots(JOB, [slot], staleBefore)).has(slot)) {
    told.add(year);
    return 0;
  }
  const admins = (await deps.store.listSupervisors()).filter((person) => person.role === "ADMIN");
  if (admins.length === 0) return 0;
  const claim = { job: JOB, slot, late: false, owner: deps.owner, at: now, staleBefore };
  if (!(await deps.schedules.claimJobRun(claim))) {
    told.add(year);
    return 0;
  }
  const rows: OutboxRow[] = admins.map((admin) => {
    const payload: OutboxPayload = {
      type: "message",
      message: buildMissingNoticeMessage(localeOfPerson(admin), year),
    };
    return {
      idempotencyKey: `${JOB}:${slot}:${admin.id}`,
      groupKey: `${JOB}:${slot}:${admin.id}`,
      kind: "calendar",
      slot: `${JOB}:${slot}`,
      taskId: null,
      recipientId: admin.id,
      payload,
      expiresAt: null,
    };
  });
  const queued = await deps.schedules.enqueueHeld(rows);
  await deps.schedules.releaseHeld(`${JOB}:${slot}`, now);
  const note = `told ${admins.length} admin(s) that ${year} has no State Council notice`;
  await deps.schedules.finishJobRun({ job: JOB, slot, owner: deps.owner, at: now, note, error: null });
  deps.logger.info({ year, admins: admins.length }, `calendar: ${note}`);
  told.add(year);
  return queued;
}
