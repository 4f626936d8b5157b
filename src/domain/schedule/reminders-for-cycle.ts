import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { PlanTime } from "../time/plan-time.ts";
import type { ReportingCycle } from "./cycle-for.ts";
import type { Schedule } from "./schedule-schema.ts";

/** The reminder ladder: 催办 before and after the due day, then 督办 escalation. */
export type ReminderKind = "first" | "due" | `overdue-${number}` | "escalation";

export interface Reminder {
  kind: ReminderKind;
  /** Always a working day. */
  on: PlanDate;
  at: PlanTime;
  /** Working days after the due day (negative before it: -3 for a first reminder 3 working days ahead). */
  workingDaysOverdue: number;
}

type LadderSchedule = Pick<
  Schedule,
  | "firstReminderWorkingDaysBefore"
  | "followUpsOverdueWorkingDays"
  | "escalateAfterWorkingDaysOverdue"
  | "reminderTime"
>;

/**
 * Every reminder of one cycle, in ladder order: first (N working days before due), due (on the due day),
 * overdue-k (k working days after), escalation (M working days after). Each date is reached by counting
 * working days from the due day, so holidays and weekends are skipped and 调休 Saturdays count.
 */
export function remindersForCycle(
  cycle: Pick<ReportingCycle, "dueOn">,
  schedule: LadderSchedule,
  calendar: WorkingDayCalendar,
): Reminder[] {
  const at = schedule.reminderTime;
  const step = (kind: ReminderKind, workingDays: number): Reminder => ({
    kind,
    on: calendar.addWorkingDays(cycle.dueOn, workingDays),
    at,
    workingDaysOverdue: workingDays,
  });
  const before = schedule.firstReminderWorkingDaysBefore;
  return [
    ...(before > 0 ? [step("first", -before)] : []),
    step("due", 0),
    ...schedule.followUpsOverdueWorkingDays.map((days) => step(`overdue-${days}`, days)),
    step("escalation", schedule.escalateAfterWorkingDaysOverdue),
  ];
}
