import type { AssessedReport, AssessedTask } from "../assessment/assessment-records.ts";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
import type { TaskStatus } from "../supervision/supervision-types.ts";
import { taskDueOn } from "../supervision/task-due-on.ts";
import { isoWeek } from "../time/iso-week.ts";
import { addDays, type PlanDate } from "../time/plan-date.ts";
import { planDateTimeToInstant, toPlanDate } from "../time/plan-time.ts";
import { CHART_STATUSES, type ChartStatus, type DigestChartData } from "./digest-chart-data.ts";

export interface DigestChartInput {
  planTitle: string;
  tasks: readonly AssessedTask[];
  /** The tasks' reports (withdrawn ones are skipped). */
  reports: readonly AssessedReport[];
  schedule: Pick<Schedule, "cycle" | "dueDay">;
  calendar: WorkingDayCalendar;
  timeZone: string;
  now: Date;
  /** Weeks of trend, this one included; default 8. */
  weeks?: number;
}

const emptyCounts = (): Record<ChartStatus, number> =>
  Object.fromEntries(CHART_STATUSES.map((status) => [status, 0])) as Record<ChartStatus, number>;

/** A task's status and latest report as they stood at `end` (reports after it not yet made). */
function stateAt(
  task: AssessedTask,
  reports: readonly AssessedReport[],
  end: Date,
): { status: TaskStatus; lastReportAt: Date | null } {
  const made = reports.filter((report) => report.createdAt.getTime() <= end.getTime());
  const last = made.at(-1);
  if (task.approvedAt !== null && task.approvedAt.getTime() <= end.getTime())
    return { status: "DONE", lastReportAt: last?.createdAt ?? null };
  return { status: last?.status ?? "NOT_STARTED", lastReportAt: last?.createdAt ?? null };
}

/**
 * The digest chart's data: every active task counted by its current status under its section (二、…), and for
 * each of the last `weeks` ISO weeks, the tasks that reported during it and the tasks overdue at its end
 * (the status-light rule: past the due day, neither done nor awaiting approval), replayed from the reports; a
 * week counts only the tasks Duban tracked by its end.
 */
export function buildDigestChartData(input: DigestChartInput): DigestChartData {
  const { tasks, schedule, calendar, timeZone, now } = input;
  const today = toPlanDate(now, timeZone);
  const reportsOf = new Map<string, AssessedReport[]>();
  for (const report of [...input.reports].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (report.withdrawnAt !== null) continue;
    const own = reportsOf.get(report.taskId);
    if (own === undefined) reportsOf.set(report.taskId, [report]);
    else own.push(report);
  }
  const sections = new Map<string, Record<ChartStatus, number>>();
  for (const task of [...tasks].sort((a, b) => a.measure.number - b.measure.number)) {
    const label =
      task.measure.section === null ? "其他" : `${task.measure.section.label}${task.measure.section.title}`;
    const counts = sections.get(label) ?? emptyCounts();
    counts[task.status] += 1;
    sections.set(label, counts);
  }
  const count = input.weeks ?? 8;
  const thisMonday = isoWeek(today).monday;
  const weeks = Array.from({ length: count }, (_, index) => {
    const monday = addDays(thisMonday, (index - count + 1) * 7);
    const sunday = addDays(monday, 6);
    const lastDay = [sunday, today].sort()[0] as PlanDate; // the earlier day
    const end = sunday < today ? planDateTimeToInstant(addDays(sunday, 1), "00:00", timeZone) : now;
    let reported = 0;
    let overdue = 0;
    for (const task of tasks) {
      if (task.trackedSince !== undefined && task.trackedSince.getTime() > end.getTime()) continue; // not tracked yet
      const own = reportsOf.get(task.id) ?? [];
      if (
        own.some((r) => toPlanDate(r.createdAt, timeZone) >= monday && r.createdAt.getTime() <= end.getTime())
      )
        reported += 1;
      const state = stateAt(task, own, end);
      if (state.status === "DONE" || state.status === "AWAITING_APPROVAL") continue;
      if (lastDay > taskDueOn(state.lastReportAt, lastDay, schedule, calendar, timeZone).dueOn) overdue += 1;
    }
    return { key: isoWeek(monday).key, label: monday.slice(5), reported, overdue };
  });
  return {
    title: `${input.planTitle} 督办进展`,
    subtitle: `截至 ${today}，共 ${tasks.length} 项任务`,
    sections: [...sections].map(([label, counts]) => ({ label, counts })),
    weeks,
  };
}
