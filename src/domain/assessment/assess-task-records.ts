import { workingDaysOverdue } from "../schedule/reporting-cycles.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { type AssessmentContext, assessedUntil, dayOf } from "./assessment-context.ts";
import {
  type AssessedReminder,
  type AssessedReport,
  type AssessedTask,
  URGE_KINDS,
} from "./assessment-records.ts";
import { blockerEpisodes } from "./blocker-episodes.ts";
import type { CountedCycle } from "./cycles-due-in-period.ts";
import { missingReportFields } from "./report-completeness.ts";
import type { ComponentKey, CountedRecord } from "./scorecard-types.ts";

/** What one task contributes to each component, record by record. */
export type TaskFacts = Record<ComponentKey, CountedRecord[]> & { openBlockers: number };

const short = (day: PlanDate) => day.slice(5);
const FINISHED = new Set(["AWAITING_APPROVAL", "DONE"]);

/** True when, before `day`, the task was approved or its latest report said 已完成: no report is due from it. */
function finishedBefore(
  task: AssessedTask,
  reports: readonly AssessedReport[],
  day: PlanDate,
  context: AssessmentContext,
): boolean {
  if (task.approvedAt !== null && dayOf(task.approvedAt, context) < day) return true;
  const earlier = reports.filter((report) => dayOf(report.createdAt, context) < day);
  const last = earlier.at(-1);
  return last !== undefined && FINISHED.has(last.status);
}

/** True when the task was first loaded after `instant`. */
function notTrackedBy(task: AssessedTask, instant: Date): boolean {
  return task.trackedSince !== undefined && task.trackedSince.getTime() > instant.getTime();
}

function cycleFacts(
  task: AssessedTask,
  reports: readonly AssessedReport[],
  cycles: readonly CountedCycle[],
  context: AssessmentContext,
) {
  const name = `${task.measure.label}${task.department.name}`;
  const today = dayOf(context.now, context);
  const onTime: CountedRecord[] = [];
  const overdue: CountedRecord[] = [];
  for (const cycle of cycles) {
    if (finishedBefore(task, reports, cycle.opensOn, context)) continue;
    const id = `${task.id}@${cycle.key}`;
    const inCycle = reports.filter((r) => {
      const day = dayOf(r.createdAt, context);
      return day >= cycle.opensOn && day <= cycle.endsOn;
    });
    // a cycle that fell due before Duban tracked the task (the plan's load) asked nothing of its department
    if (inCycle.length === 0 && notTrackedBy(task, cycle.dueAt)) continue;
    const punctual = inCycle.find((r) => r.createdAt.getTime() <= cycle.dueAt.getTime());
    if (punctual !== undefined) {
      onTime.push({
        type: "cycle",
        id,
        taskId: task.id,
        value: 1,
        summary: `${name} ${cycle.key} 按时报送（${short(dayOf(punctual.createdAt, context))}，截止 ${short(cycle.dueOn)}）`,
        cycle: {
          key: cycle.key,
          dueOn: cycle.dueOn,
          outcome: "on-time",
          reportedOn: dayOf(punctual.createdAt, context),
        },
      });
      continue;
    }
    const late = reports.find((r) => r.createdAt.getTime() > cycle.dueAt.getTime());
    const lateDay = late === undefined ? today : dayOf(late.createdAt, context);
    const endDay = [lateDay, cycle.nextDueOn, today].sort()[0] as PlanDate;
    const days = workingDaysOverdue(cycle.dueOn, endDay, context.calendar);
    const how = late === undefined ? "未报送" : `${short(lateDay)} 补报`;
    onTime.push({
      type: "cycle",
      id,
      taskId: task.id,
      value: 0,
      summary: `${name} ${cycle.key} 未按时报送（截止 ${short(cycle.dueOn)}，${how}）`,
      cycle: {
        key: cycle.key,
        dueOn: cycle.dueOn,
        outcome: late === undefined ? "missing" : "late",
        reportedOn: late === undefined ? null : lateDay,
      },
    });
    overdue.push({
      type: "cycle",
      id,
      taskId: task.id,
      value: days,
      summary: `${name} ${cycle.key} 逾期 ${days} 个工作日（截止 ${short(cycle.dueOn)}，${how}）`,
    });
  }
  return { onTime, overdue };
}

/**
 * The facts of one task in the period: its reporting cycles (on time or not, and working days overdue), its
 * reports (complete or not), its approval, its blockers and the urges it received. `reports` are the task's
 * reports, oldest first, withdrawn ones included (they are skipped here).
 */
export function assessTaskRecords(
  task: AssessedTask,
  allReports: readonly AssessedReport[],
  reminders: readonly AssessedReminder[],
  cycles: readonly CountedCycle[],
  context: AssessmentContext,
): TaskFacts {
  const name = `${task.measure.label}${task.department.name}`;
  const { from } = context.period;
  const until = assessedUntil(context);
  const within = (instant: Date) => {
    const day = dayOf(instant, context);
    return day >= from && day <= until;
  };
  const reports = allReports.filter((report) => report.withdrawnAt === null);
  const { onTime, overdue } = cycleFacts(task, reports, cycles, context);

  const completeness = reports
    .filter((report) => within(report.createdAt))
    .map((report): CountedRecord => {
      const missing = missingReportFields(report);
      const when = short(dayOf(report.createdAt, context));
      const summary =
        missing.length === 0 ? `${name} ${when} 报送完整` : `${name} ${when} 报送缺：${missing.join("、")}`;
      return { type: "report", id: report.id, taskId: task.id, value: missing.length === 0 ? 1 : 0, summary };
    });

  const approved: CountedRecord[] =
    task.approvedAt !== null && within(task.approvedAt)
      ? [
          {
            type: "task",
            id: task.id,
            taskId: task.id,
            value: 1,
            summary: `${name} ${short(dayOf(task.approvedAt, context))} 办结`,
          },
        ]
      : [];

  const episodes = blockerEpisodes(reports, context);
  const blockers = episodes.map((episode): CountedRecord => {
    const start = short(dayOf(episode.startReport.createdAt, context));
    const end = episode.open
      ? "未解决"
      : `${short(dayOf((episode.endReport as AssessedReport).createdAt, context))} 解除`;
    const what = episode.startReport.blocker?.trim() || "未说明";
    return {
      type: "blocker",
      id: episode.startReport.id,
      taskId: task.id,
      value: episode.workingDays,
      summary: `${name} 受阻 ${start}–${end}，${episode.workingDays} 个工作日：${what}`,
    };
  });

  const seen = new Set<string>();
  const urges: CountedRecord[] = [];
  for (const reminder of reminders) {
    if (!URGE_KINDS.has(reminder.kind) || !within(reminder.createdAt)) continue;
    const day = dayOf(reminder.createdAt, context);
    const key = `${reminder.kind}|${day}`;
    if (seen.has(key)) continue; // one urge per kind and day, however many contacts received it
    seen.add(key);
    const what = reminder.kind === "urge" ? "催办" : "督办升级";
    urges.push({
      type: "reminder",
      id: reminder.id,
      taskId: task.id,
      value: 1,
      summary: `${name} ${short(day)} 被${what}`,
    });
  }

  return {
    onTime,
    completeness,
    approved,
    overdue,
    blockers,
    urges,
    openBlockers: episodes.filter((e) => e.open).length,
  };
}
