import type { BoardSection, LightCounts } from "../messages/message-types.ts";
import type { DigestEntry } from "../messages/schedule-message-types.ts";
import { workingDaysOverdue } from "../schedule/reporting-cycles.ts";
import { assessTask, type LightContext } from "../supervision/assess-task.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { MeasureInfo, TaskRecord } from "../supervision/supervision-types.ts";
import { taskDueOn } from "../supervision/task-due-on.ts";
import { toPlanDate } from "../time/plan-time.ts";

/** The facts a digest is made of, before they are worded. */
export interface DigestFacts {
  cycleKey: string;
  dueOn: string;
  totals: LightCounts;
  taskCount: number;
  sections: BoardSection[];
  reported: string[];
  notReported: string[];
  overdue: Array<DigestEntry & { days: number }>;
  blocked: DigestEntry[];
  completed: DigestEntry[];
  approved: DigestEntry[];
}

const zeroCounts = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

function entry(task: TaskRecord, detail: string): DigestEntry {
  return {
    measureLabel: task.measure.label,
    measureTitle: task.measure.title,
    departmentName: task.department.name,
    detail,
  };
}

function sectionsOf(
  measures: readonly MeasureInfo[],
  counts: Map<number, { counts: LightCounts; total: number }>,
): BoardSection[] {
  const sections = new Map<string, BoardSection>();
  for (const measure of [...measures].sort((a, b) => a.number - b.number)) {
    const key = measure.section?.label ?? "";
    const section = sections.get(key) ?? { label: key, title: measure.section?.title ?? "", measures: [] };
    sections.set(key, section);
    const own = counts.get(measure.number) ?? { counts: zeroCounts(), total: 0 };
    section.measures.push({ number: measure.number, label: measure.label, title: measure.title, ...own });
  }
  return [...sections.values()].sort((a, b) => Number(a.label === "") - Number(b.label === ""));
}

/**
 * Sorts every task into what the weekly digest shows: lights per measure, every department, as reported this
 * cycle (every open task reported since the cycle opened, or none open) or not, overdue tasks with their
 * working days overdue (most first), blocked tasks with their blockers, and tasks reported done or approved
 * (办结) since `since`.
 */
export function classifyDigestTasks(
  tasks: readonly TaskRecord[],
  measures: readonly MeasureInfo[],
  light: LightContext,
  since: Date,
  locale: Locale,
): DigestFacts {
  const today = toPlanDate(light.now, light.timeZone);
  const { cycle } = taskDueOn(null, today, light.schedule, light.calendar, light.timeZone);
  const perMeasure = new Map<number, { counts: LightCounts; total: number }>();
  const totals = zeroCounts();
  const departmentBehind = new Map<string, boolean>();
  const facts: Omit<
    DigestFacts,
    "cycleKey" | "dueOn" | "totals" | "taskCount" | "sections" | "reported" | "notReported"
  > = {
    overdue: [],
    blocked: [],
    completed: [],
    approved: [],
  };
  const day = (at: Date) => toPlanDate(at, light.timeZone).slice(5);
  for (const task of tasks) {
    const assessment = assessTask(task, light);
    totals[assessment.light] += 1;
    const measure = perMeasure.get(task.measure.number) ?? { counts: zeroCounts(), total: 0 };
    measure.counts[assessment.light] += 1;
    measure.total += 1;
    perMeasure.set(task.measure.number, measure);
    const open = task.status !== "DONE" && task.status !== "AWAITING_APPROVAL";
    const reportedThisCycle =
      task.lastReportAt !== null && toPlanDate(task.lastReportAt, light.timeZone) >= cycle.opensOn;
    // every department is named: behind when an open task of its has not reported this cycle; one whose
    // tasks are all done or awaiting approval owes nothing, and counts as reported
    const name = task.department.name;
    departmentBehind.set(name, (departmentBehind.get(name) ?? false) || (open && !reportedThisCycle));
    if (assessment.reason === "overdue") {
      const days = Math.max(1, workingDaysOverdue(assessment.dueOn, today, light.calendar));
      facts.overdue.push({
        ...entry(task, pick(locale, { zh: `逾期 ${days} 个工作日`, en: `${days} working day(s) overdue` })),
        days,
      });
    }
    if (task.status === "BLOCKED") {
      const blocker =
        task.lastReport?.blocker ?? pick(locale, { zh: "（未说明受阻原因）", en: "(no blocker given)" });
      facts.blocked.push(entry(task, blocker));
    }
    if (task.status === "AWAITING_APPROVAL" && task.lastReportAt !== null && task.lastReportAt >= since) {
      facts.completed.push(
        entry(
          task,
          pick(locale, {
            zh: `${day(task.lastReportAt)} 报告完成`,
            en: `reported done ${day(task.lastReportAt)}`,
          }),
        ),
      );
    }
    if (task.status === "DONE" && task.approvedAt !== null && task.approvedAt >= since) {
      facts.approved.push(
        entry(
          task,
          pick(locale, { zh: `${day(task.approvedAt)} 办结`, en: `approved ${day(task.approvedAt)}` }),
        ),
      );
    }
  }
  facts.overdue.sort((a, b) => b.days - a.days);
  const names = (behind: boolean) =>
    [...departmentBehind]
      .filter(([, isBehind]) => isBehind === behind)
      .map(([name]) => name)
      .sort((a, b) => a.localeCompare(b, "zh-CN"));
  return {
    cycleKey: cycle.key,
    dueOn: cycle.dueOn,
    totals,
    taskCount: tasks.length,
    sections: sectionsOf(measures, perMeasure),
    reported: names(false),
    notReported: names(true),
    ...facts,
  };
}
