import type { ReminderHeader } from "../../domain/messages/build-reminder-message.ts";
import type { ReminderRung } from "../../domain/messages/schedule-message-types.ts";
import type { OutboxRow } from "../../domain/ports/outbox-store.ts";
import { workingDaysOverdue } from "../../domain/schedule/working-days-overdue.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import type { OutboxPayload } from "./outbox-payload.ts";
import { localeOfPerson, type RoundContext } from "./round-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** What a round queued: rows, messages (one per recipient), and departments behind that no one could be told. */
export interface RoundOutcome {
  rows: number;
  messages: number;
  unreachable: string[];
}

function rungOf(kind: RoundContext["firing"]["kind"]): ReminderRung {
  if (kind === "first" || kind === "due" || kind === "snoozed") return kind;
  return "overdue";
}

/**
 * Queues a reminder round (first reminder, due day, follow-ups, a snoozed reminder): for every person, ONE
 * message listing each of their tasks still behind in the cycle. Rows are keyed task x cycle x rung x
 * recipient and grouped per recipient x cycle x rung (the DM). Tasks are read in batches; a person who
 * snoozed the cycle is skipped until their snooze ends; an absent contact's tasks go to their deputy.
 */
export async function planReminderRound(
  deps: Pick<ResolvedScheduleDeps, "schedules" | "tuning">,
  context: ScheduleContext,
  round: RoundContext,
  options: { onlyPersonId?: string } = {},
): Promise<RoundOutcome> {
  const { firing, cycle, light } = round;
  const rung = rungOf(firing.kind);
  const workingDays =
    rung === "first"
      ? light.calendar.workingDaysBetween(firing.on, cycle.dueOn)
      : rung === "overdue"
        ? workingDaysOverdue(cycle.dueOn, firing.on, light.calendar)
        : 0;
  const snoozes = new Map(
    (await deps.schedules.listSnoozes(context.planId, cycle.key)).map((snooze) => [snooze.personId, snooze]),
  );
  const coveredSnoozes = new Set<string>();
  /** One header per recipient: the DM's words, the same in each of its rows. */
  const headers = new Map<string, ReminderHeader>();
  const unreachable = new Set<string>();
  let queued = 0;
  for await (const batch of deps.schedules.taskBatches(context.planId, deps.tuning.taskBatchSize)) {
    const behind = batch.filter(round.isBehind);
    await round.loadContacts(behind.map((task) => task.department.id));
    const rows: OutboxRow[] = [];
    for (const task of behind) {
      const recipients = round.recipientsOf(task.department.id);
      if (recipients.length === 0) unreachable.add(task.department.name);
      for (const recipient of recipients) {
        if (options.onlyPersonId !== undefined && recipient.id !== options.onlyPersonId) continue;
        const snooze = snoozes.get(recipient.id);
        if (snooze !== undefined && rung !== "snoozed") {
          if (snooze.untilAt > firing.instant) continue;
          if (snooze.remindedAt === null) coveredSnoozes.add(snooze.id);
        }
        const groupKey = `${round.slotKey}:${recipient.id}`;
        let header = headers.get(recipient.id);
        if (header === undefined) {
          header = {
            rung,
            cycleKey: cycle.key,
            dueOn: cycle.dueOn,
            dueTime: context.schedule.dueTime,
            workingDays,
            onBehalfOf: round.standIns.onBehalfOf(recipient.id),
            snoozable: snooze === undefined,
          };
          headers.set(recipient.id, header);
        }
        const payload: OutboxPayload = {
          type: "reminder",
          locale: localeOfPerson(recipient),
          header,
          taskId: task.id,
        };
        rows.push({
          idempotencyKey: `${groupKey}:${task.id}`,
          groupKey,
          kind: firing.kind,
          slot: round.slotKey,
          taskId: task.id,
          recipientId: recipient.id,
          payload,
          expiresAt: round.expiresAt,
        });
      }
    }
    queued += await deps.schedules.enqueueHeld(rows);
  }
  await deps.schedules.markSnoozesReminded([...coveredSnoozes], light.now);
  return { rows: queued, messages: headers.size, unreachable: [...unreachable].sort() };
}
