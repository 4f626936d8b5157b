import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { assessStatusLight, type StatusLight, type StatusLightReason } from "../lights/status-light.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate } from "../time/plan-time.ts";
import type { TaskRecord } from "./supervision-types.ts";
import { taskDueOn } from "./task-due-on.ts";

/** The plan's calendar facts the lights need. */
export interface LightContext {
  schedule: Pick<Schedule, "cycle" | "dueDay">;
  calendar: WorkingDayCalendar;
  timeZone: string;
  now: Date;
}

export interface TaskAssessment {
  light: StatusLight;
  reason: StatusLightReason;
  dueOn: PlanDate;
}

/** A task's status light (statusLight's rules) against its due day (taskDueOn). */
export function assessTask(
  task: Pick<TaskRecord, "status" | "lastReportAt" | "trackedSince">,
  context: LightContext,
): TaskAssessment {
  const today = toPlanDate(context.now, context.timeZone);
  const { cycle, dueOn } = taskDueOn(
    task.lastReportAt,
    today,
    context.schedule,
    context.calendar,
    context.timeZone,
    task.trackedSince,
  );
  const { light, reason } = assessStatusLight(
    { status: task.status, dueOn, lastReportAt: task.lastReportAt },
    context.now,
    {
      workingDaysBetween: context.calendar.workingDaysBetween,
      timeZone: context.timeZone,
      cycleOpensOn: cycle.opensOn,
    },
  );
  return { light, reason, dueOn };
}
