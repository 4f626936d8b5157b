import { buildEscalationMessage } from "../../domain/messages/build-escalation-message.ts";
import { buildReminderMessage, MAX_LISTED_TASKS } from "../../domain/messages/build-reminder-message.ts";
import type { OutboundMessage, TaskItem } from "../../domain/messages/message-types.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { ClaimedGroup } from "../../domain/ports/schedule-store.ts";
import { cycleOfKey } from "../../domain/schedule/reporting-cycles.ts";
import { isBehindInCycle } from "../../domain/schedule/task-behind-in-cycle.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import { readPayloads, type TaskPayload } from "./outbox-payload.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** What a claimed group is sent as; "unreadable" and "nothing-left" close it without sending. */
export type GroupMessage =
  | { to: "person"; message: OutboundMessage }
  | { to: "channel"; channel: string | null; digest: DigestMessage }
  | { to: "nobody"; reason: string };

function departmentsOf(items: readonly TaskItem[]) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.departmentName, (counts.get(item.departmentName) ?? 0) + 1);
  return [...counts].map(([name, overdueTasks]) => ({ name, overdueTasks }));
}

/**
 * The message of a claimed group, built now: a reminder or a lead contact's escalation lists the group's tasks
 * still behind in its cycle (isBehindInCycle), with their lights as of `now`.
 */
export async function assembleGroupMessage(
  deps: Pick<ResolvedScheduleDeps, "store" | "calendar">,
  context: ScheduleContext,
  group: ClaimedGroup,
  now: Date,
): Promise<GroupMessage> {
  const payloads = readPayloads(group.payloads);
  const [first] = payloads ?? [];
  if (payloads === null || first === undefined) return { to: "nobody", reason: "unreadable outbox payload" };
  if (first.type === "digest") return { to: "channel", channel: first.channel, digest: first.digest };
  if (first.type === "message") return { to: "person", message: first.message };
  const taskIds = payloads.flatMap((payload) =>
    (payload as TaskPayload).taskId ? [(payload as TaskPayload).taskId] : [],
  );
  const cycle = cycleOfKey(first.header.cycleKey, context.schedule, deps.calendar);
  const tasks = (
    await deps.store.listTasks({ planId: context.planId, taskIds, withLastReport: true })
  ).filter((task) => isBehindInCycle(task, cycle, context.timeZone, now));
  if (tasks.length === 0)
    return { to: "nobody", reason: "nothing left to remind: every task reported or closed" };
  const light = { schedule: context.schedule, calendar: deps.calendar, timeZone: context.timeZone, now };
  const items = describeTasks(tasks.slice(0, MAX_LISTED_TASKS), light, first.locale);
  // Tasks beyond the rows loaded are counted as they were queued.
  const total = tasks.length + Math.max(0, group.rowCount - payloads.length);
  if (first.type === "reminder") {
    return { to: "person", message: buildReminderMessage(first.locale, first.header, items, total) };
  }
  const departments = departmentsOf(items);
  const header = { ...first.header, departments, totalDepartments: departments.length };
  return { to: "person", message: buildEscalationMessage(first.locale, header, items, total) };
}
