import type { ReminderHeader } from "../../domain/messages/build-reminder-message.ts";
import type { ReminderRung } from "../../domain/messages/schedule-message-types.ts";
import type { TaskRowBatch } from "../../domain/ports/schedule-store.ts";
import { workingDaysOverdue } from "../../domain/schedule/reporting-cycles.ts";
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

/** A reminder row's payload less its task id: the same for every row of one DM. */
type ReminderPayload = Omit<Extract<OutboxPayload, { type: "reminder" }>, "taskId">;

function rungOf(kind: RoundContext["firing"]["kind"]): ReminderRung {
  if (kind === "first" || kind === "due" || kind === "snoozed") return kind;
  return "overdue";
}

/**
 * Queues a reminder round (first reminder, due day, follow-ups, a snoozed reminder): for every person, ONE
 * message listing each of their tasks still behind in the cycle. Rows are keyed task x cycle x rung x
 * recipient and grouped per recipient x cycle x rung (the DM), and queued one batch of tasks at a time in
 * compact form (a recipient's payload is sent once per batch, not once per row). Tasks are read in batches; a person who
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
  /** One payload (less the task id) per recipient: the DM's words, the same in each of its rows. */
  const payloads = new Map<string, ReminderPayload>();
  /** Recipients whose DMs have the same words share one payload object (the outbox store sends it once). */
  const sameWords = new Map<string, ReminderPayload>();
  const unreachable = new Set<string>();
  let queued = 0;
  for await (const batch of deps.schedules.taskBatches(context.planId, deps.tuning.taskBatchSize)) {
    const behind = batch.filter(round.isBehind);
    await round.loadContacts(behind.map((task) => task.department.id));
    // The batch's rows in compact form: one entry per recipient, one task id and recipient index per row.
    const recipients: TaskRowBatch["recipients"][number][] = [];
    const taskIds: string[] = [];
    const recipientOf: number[] = [];
    const recipientIndex = new Map<string, number>();
    for (const task of behind) {
      const people = round.recipientsOf(task.department.id);
      if (people.length === 0) unreachable.add(task.department.name);
      for (const recipient of people) {
        if (options.onlyPersonId !== undefined && recipient.id !== options.onlyPersonId) continue;
        const snooze = snoozes.get(recipient.id);
        if (snooze !== undefined && rung !== "snoozed") {
          if (snooze.untilAt > firing.instant) continue;
          if (snooze.remindedAt === null) coveredSnoozes.add(snooze.id);
        }
        let payload = payloads.get(recipient.id);
        if (payload === undefined) {
          const header: ReminderHeader = {
            rung,
            cycleKey: cycle.key,
            dueOn: cycle.dueOn,
            dueTime: context.schedule.dueTime,
            workingDays,
            onBehalfOf: round.standIns.onBehalfOf(recipient.id),
            snoozable: snooze === undefined,
          };
          const own: ReminderPayload = { type: "reminder", locale: localeOfPerson(recipient), header };
          const words = JSON.stringify(own);
          payload = sameWords.get(words) ?? own;
          sameWords.set(words, payload);
          payloads.set(recipient.id, payload);
        }
        let index = recipientIndex.get(recipient.id);
        if (index === undefined) {
          index = recipients.push({ id: recipient.id, payload }) - 1;
          recipientIndex.set(recipient.id, index);
        }
        taskIds.push(task.id);
        recipientOf.push(index);
      }
    }
    const { kind } = firing;
    const { slotKey: slot, expiresAt } = round;
    queued += await deps.schedules.enqueueTaskRowsHeld({
      kind,
      slot,
      expiresAt,
      recipients,
      taskIds,
      recipientOf,
    });
  }
  await deps.schedules.markSnoozesReminded([...coveredSnoozes], light.now);
  return { rows: queued, messages: payloads.size, unreachable: [...unreachable].sort() };
}
