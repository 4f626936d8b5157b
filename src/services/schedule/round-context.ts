import { buildTaskItem } from "../../domain/messages/build-task-item.ts";
import type { TaskItem } from "../../domain/messages/message-types.ts";
import type { DepartmentContact } from "../../domain/ports/schedule-store.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import type { ReportingCycle } from "../../domain/schedule/reporting-cycles.ts";
import { cycleClosesOn, cycleOfKey } from "../../domain/schedule/reporting-cycles.ts";
import { isBehindInCycle } from "../../domain/schedule/task-behind-in-cycle.ts";
import { assessTask, type LightContext } from "../../domain/supervision/assess-task.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { addDays } from "../../domain/time/plan-date.ts";
import { planDateTimeToInstant, toPlanDate } from "../../domain/time/plan-time.ts";
import { reportAction } from "../tasks/describe-tasks.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";
import { createStandIns, type StandIns } from "./stand-ins.ts";

/** What every round of one firing shares: its cycle, lights as of now, who stands in for whom. */
export interface RoundContext {
  firing: Firing;
  cycle: ReportingCycle;
  light: LightContext;
  standIns: StandIns;
  /** The outbox slot of the firing ("reminder:2026-10:due@<plan>"), prefix of its keys. */
  slotKey: string;
  /** Rows of this firing are not sent after this (the cycle closed). */
  expiresAt: Date;
  /** True when the task still has to report in the cycle (isBehindInCycle as of now). */
  isBehind(task: TaskRecord): boolean;
  /** The task as a message lists it, in `locale`, with its report button. */
  itemFor(task: TaskRecord, locale: Locale): TaskItem;
  /** The department's contacts who may report for it, each replaced by their deputy while away. */
  recipientsOf(departmentId: string): Person[];
  /** Loads the contacts of the departments not loaded yet. */
  loadContacts(departmentIds: Iterable<string>): Promise<void>;
  /** The department's contacts as stored (lead contacts first), before stand-ins. */
  contactsOf(departmentId: string): DepartmentContact[];
}

export async function createRoundContext(
  deps: Pick<ResolvedScheduleDeps, "schedules" | "calendar">,
  context: ScheduleContext,
  firing: Firing,
  now: Date,
): Promise<RoundContext> {
  const { schedule, timeZone } = context;
  const cycle = cycleOfKey(firing.cycleKey, schedule, deps.calendar);
  const light: LightContext = { schedule, calendar: deps.calendar, timeZone, now };
  const standIns = createStandIns(await deps.schedules.listAbsencesOn(toPlanDate(now, timeZone)));
  const contacts = new Map<string, DepartmentContact[]>();
  const recipients = new Map<string, Person[]>();
  const closes = cycleClosesOn(cycle, schedule, deps.calendar);
  return {
    firing,
    cycle,
    light,
    standIns,
    slotKey: `${firing.slot}@${context.planId}`,
    expiresAt: planDateTimeToInstant(addDays(closes, 1), "00:00", timeZone),
    isBehind: (task) => isBehindInCycle(task, cycle, timeZone, now),
    itemFor: (task, locale) =>
      buildTaskItem(task, assessTask(task, light), locale, { timeZone, actions: reportAction(task) }),
    recipientsOf: (departmentId) => {
      let found = recipients.get(departmentId);
      if (found === undefined) {
        const eligible = (contacts.get(departmentId) ?? []).filter((c) =>
          canReportFor(c.person, departmentId),
        );
        const people = eligible.map((c) => standIns.recipientFor(c.person));
        found = [...new Map(people.map((person) => [person.id, person])).values()];
        recipients.set(departmentId, found);
      }
      return found;
    },
    loadContacts: async (departmentIds) => {
      const missing = [...new Set(departmentIds)].filter((id) => !contacts.has(id));
      if (missing.length === 0) return;
      for (const id of missing) contacts.set(id, []);
      for (const contact of await deps.schedules.listDepartmentContacts(missing)) {
        contacts.get(contact.departmentId)?.push(contact);
      }
    },
    contactsOf: (departmentId) => contacts.get(departmentId) ?? [],
  };
}

/** The reader's locale of a person. */
export function localeOfPerson(person: Pick<Person, "locale">): Locale {
  return localeOf(person.locale);
}
