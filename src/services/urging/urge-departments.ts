import type { CommandTarget } from "../../domain/commands/duban-command.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { buildUrgeMessage, buildUrgeSummaryMessage } from "../../domain/messages/build-urge-messages.ts";
import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import { cycleFor } from "../../domain/schedule/reporting-cycles.ts";
import { assessTask } from "../../domain/supervision/assess-task.ts";
import { type Locale, localeOf, pick } from "../../domain/supervision/locale.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { deliverDirectMessages } from "../messaging/deliver-direct-messages.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";

/** The tasks an urge is about: a measure's or a department's unfinished tasks, or every overdue one. */
async function tasksInScope(
  deps: Pick<SupervisionDeps, "store">,
  context: PlanContext,
  target: CommandTarget,
) {
  const planId = context.directory.planId;
  if (target.kind === "overdue") {
    const all = await deps.store.listTasks({ planId, withLastReport: true });
    return all.filter((task) => assessTask(task, context.light).reason === "overdue");
  }
  const query =
    target.kind === "measure" ? { measureNumbers: [target.number] } : { departmentIds: [target.id] };
  const tasks = await deps.store.listTasks({ planId, ...query, withLastReport: true });
  return tasks.filter((task) => task.status !== "DONE" && task.status !== "AWAITING_APPROVAL");
}

function scopeName(context: PlanContext, target: CommandTarget, locale: Locale): string {
  if (target.kind === "overdue") return pick(locale, { zh: "逾期任务", en: "overdue tasks" });
  if (target.kind === "department")
    return context.directory.departments.find((d) => d.id === target.id)?.name ?? target.id;
  const measure = context.directory.measures.find((m) => m.number === target.number);
  return measure === undefined ? String(target.number) : `${measure.label}${measure.title}`;
}

/**
 * `/duban remind <measure|部门|overdue>` (催办, supervisors): a DM to every contact of the departments
 * concerned, listing their tasks in scope with a report button each; recorded as Reminder rows (kind
 * "urge") and one audit event per department. Departments without a contact are reported back.
 * `requestKey` (the chat request, e.g. a Slack trigger_id) keys the DMs: the same request run again after a
 * crash records no new rows and sends nothing twice; without it, each call is its own urge.
 */
export async function urgeDepartments(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  context: PlanContext,
  target: CommandTarget,
  requestKey?: string,
): Promise<CoreOutcome> {
  requireSupervisor(person, { zh: "催办", en: "urge departments" });
  const locale = localeOf(person.locale);
  const tasks = await tasksInScope(deps, context, target);
  if (tasks.length === 0) {
    const text = {
      zh: `“${scopeName(context, target, "zh")}”没有需要催办的任务。`,
      en: `Nothing to urge in "${scopeName(context, target, "en")}".`,
    };
    return outcome([buildNoticeMessage(locale, "info", [pick(locale, text)])]);
  }
  const departmentIds = [...new Set(tasks.map((task) => task.department.id))];
  const contacts = (await deps.store.listContacts(departmentIds)).filter((c) =>
    canReportFor(c.person, c.departmentId),
  );
  /** Each department's contacts, who are messaged (none: the department is unreachable). */
  const reached = new Map(
    departmentIds.map((id) => [id, contacts.filter((c) => c.departmentId === id).map((c) => c.person)]),
  );
  const recipients = new Map<string, { person: Person; tasks: TaskRecord[] }>();
  for (const task of tasks) {
    for (const contact of reached.get(task.department.id) ?? []) {
      const entry = recipients.get(contact.id) ?? { person: contact, tasks: [] };
      entry.tasks.push(task);
      recipients.set(contact.id, entry);
    }
  }
  const now = deps.clock.now();
  const nameOf = (id: string) => tasks.find((task) => task.department.id === id)?.department.name ?? id;
  const audits: AuditEntry[] = departmentIds.map((id) => ({
    actor: person.id,
    action: "urge",
    subjectType: "department",
    subjectId: id,
    after: {
      scope: scopeName(context, target, "zh"),
      taskIds: tasks.filter((task) => task.department.id === id).map((task) => task.id),
      recipientIds: (reached.get(id) ?? []).map((recipient) => recipient.id),
    },
    at: now,
  }));
  const { light } = context;
  const deliveries = await deliverDirectMessages(deps, {
    kind: "urge",
    actor: person.id,
    ...(requestKey === undefined ? {} : { requestKey }),
    slot: cycleFor(toPlanDate(now, light.timeZone), light.schedule, light.calendar).key,
    audits,
    messages: [...recipients.values()].map(({ person: recipient, tasks: own }) => {
      const theirs = localeOf(recipient.locale);
      const items = describeTasks(own, light, theirs);
      const message = buildUrgeMessage(theirs, {
        urgerName: person.displayName,
        scopeName: scopeName(context, target, theirs),
        tasks: items,
      });
      return { recipient, message, taskIds: own.map((task) => task.id) };
    }),
  });
  const summary = buildUrgeSummaryMessage(locale, {
    scopeName: scopeName(context, target, locale),
    urged: [...reached]
      .filter(([, people]) => people.length > 0)
      .map(([id, people]) => ({ departmentName: nameOf(id), recipients: people.map((p) => p.displayName) })),
    unreachable: [...reached].filter(([, people]) => people.length === 0).map(([id]) => nameOf(id)),
    failed: deliveries
      .filter((delivery) => delivery.error !== null)
      .map((delivery) => delivery.recipientName),
  });
  return outcome([summary], { deliveries });
}
