import {
  buildEscalationMessage,
  type EscalationHeader,
} from "../../domain/messages/build-escalation-message.ts";
import { MAX_LISTED_TASKS } from "../../domain/messages/build-reminder-message.ts";
import type { OutboxRow } from "../../domain/ports/schedule-store.ts";
import { workingDaysOverdue } from "../../domain/schedule/reporting-cycles.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import type { OutboxPayload } from "./outbox-payload.ts";
import type { RoundOutcome } from "./plan-reminder-round.ts";
import { localeOfPerson, type RoundContext } from "./round-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

const byMeasure = (a: TaskRecord, b: TaskRecord) =>
  a.measure.number - b.measure.number || a.department.name.localeCompare(b.department.name, "zh-CN");

/** Keeps the MAX_LISTED_TASKS first tasks by measure (the supervisors' DM lists those), whatever the read order. */
function keepFirst(listed: TaskRecord[], task: TaskRecord): void {
  const last = listed.at(-1);
  if (listed.length >= MAX_LISTED_TASKS && last !== undefined && byMeasure(task, last) >= 0) return;
  const at = listed.findIndex((other) => byMeasure(task, other) < 0);
  listed.splice(at < 0 ? listed.length : at, 0, task);
  if (listed.length > MAX_LISTED_TASKS) listed.pop();
}

/** The department's lead contacts (Contact.isLead); all its contacts when none is marked lead. */
function leadsOf(round: RoundContext, departmentId: string): Person[] {
  const eligible = round.contactsOf(departmentId).filter((c) => canReportFor(c.person, departmentId));
  const leads = eligible.some((c) => c.isLead) ? eligible.filter((c) => c.isLead) : eligible;
  return [...new Map(leads.map((c) => [c.person.id, round.standIns.recipientFor(c.person)])).values()];
}

/**
 * Queues the escalation (督办) of a cycle's tasks still behind: to each department's lead contact, one DM of
 * their department's tasks (with report buttons); to every supervisor, one summary DM of all departments
 * behind, most overdue tasks first, and those no one could be reminded in. Departments that reported are
 * not named: only the co-leads that are behind are escalated.
 */
export async function planEscalation(
  deps: Pick<ResolvedScheduleDeps, "schedules" | "store" | "tuning">,
  context: ScheduleContext,
  round: RoundContext,
): Promise<RoundOutcome> {
  const { firing, cycle, light } = round;
  const header: Omit<EscalationHeader, "audience" | "departments" | "totalDepartments" | "unreachable"> = {
    cycleKey: cycle.key,
    dueOn: cycle.dueOn,
    dueTime: context.schedule.dueTime,
    workingDaysOverdue: workingDaysOverdue(cycle.dueOn, firing.on, light.calendar),
    onBehalfOf: [],
  };
  const perDepartment = new Map<string, number>();
  const unreachable = new Set<string>();
  const listed: TaskRecord[] = [];
  const groups = new Set<string>();
  let behindCount = 0;
  let queued = 0;
  for await (const batch of deps.schedules.taskBatches(context.planId, deps.tuning.taskBatchSize)) {
    const behind = batch.filter(round.isBehind);
    await round.loadContacts(behind.map((task) => task.department.id));
    const rows: OutboxRow[] = [];
    for (const task of behind) {
      behindCount += 1;
      perDepartment.set(task.department.name, (perDepartment.get(task.department.name) ?? 0) + 1);
      keepFirst(listed, task);
      if (round.recipientsOf(task.department.id).length === 0) unreachable.add(task.department.name);
      for (const lead of leadsOf(round, task.department.id)) {
        const locale = localeOfPerson(lead);
        const groupKey = `${round.slotKey}:${lead.id}`;
        const departments = [{ name: task.department.name, overdueTasks: 0 }];
        const payload: OutboxPayload = {
          type: "escalation",
          locale,
          header: {
            ...header,
            audience: "lead_contact",
            departments,
            totalDepartments: 1,
            unreachable: [],
            onBehalfOf: round.standIns.onBehalfOf(lead.id),
          },
          taskId: task.id,
        };
        groups.add(groupKey);
        rows.push({
          idempotencyKey: `${groupKey}:${task.id}`,
          groupKey,
          kind: firing.kind,
          slot: round.slotKey,
          taskId: task.id,
          recipientId: lead.id,
          payload,
          expiresAt: round.expiresAt,
        });
      }
    }
    queued += await deps.schedules.enqueueHeld(rows);
  }
  if (behindCount > 0) {
    const departments = [...perDepartment]
      .map(([name, overdueTasks]) => ({ name, overdueTasks }))
      .sort((a, b) => b.overdueTasks - a.overdueTasks || a.name.localeCompare(b.name, "zh-CN"));
    const supervisors = await deps.store.listSupervisors();
    const recipients = new Map(
      supervisors.map((s) => [round.standIns.recipientFor(s).id, round.standIns.recipientFor(s)]),
    );
    const rows: OutboxRow[] = [...recipients.values()].map((supervisor) => {
      const locale = localeOfPerson(supervisor);
      const message = buildEscalationMessage(
        locale,
        {
          ...header,
          audience: "supervisor",
          departments,
          totalDepartments: departments.length,
          unreachable: [...unreachable].sort(),
          onBehalfOf: round.standIns.onBehalfOf(supervisor.id),
        },
        listed.map((task) => round.itemFor(task, locale)),
        behindCount,
      );
      const key = `${round.slotKey}:${supervisor.id}:summary`;
      groups.add(key);
      const payload: OutboxPayload = { type: "message", message };
      return {
        idempotencyKey: key,
        groupKey: key,
        kind: firing.kind,
        slot: round.slotKey,
        taskId: null,
        recipientId: supervisor.id,
        payload,
        expiresAt: round.expiresAt,
      };
    });
    queued += await deps.schedules.enqueueHeld(rows);
  }
  return { rows: queued, messages: groups.size, unreachable: [...unreachable].sort() };
}
