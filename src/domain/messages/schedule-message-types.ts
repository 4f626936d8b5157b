import type { DigestChartData } from "../charts/digest-chart-data.ts";
import type { Locale } from "../supervision/locale.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { BoardSection, LightCounts, TaskItem } from "./message-parts.ts";

/** Which rung of the reminder ladder a reminder is (催办 before and after the due day). */
export type ReminderRung = "first" | "due" | "overdue" | "snoozed";

/** The snooze button a reminder offers: put this cycle's reminders off to the next working day, once. */
export interface SnoozeOffer {
  cycleKey: string;
  label: string;
}

/**
 * A scheduled reminder (提醒 / 催办) to one person: every open task of theirs that has not reported in the
 * cycle, with lights and report buttons, in ONE message.
 */
export interface ReminderMessage {
  kind: "reminder";
  locale: Locale;
  summary: string;
  rung: ReminderRung;
  title: string;
  intro: string;
  cycleKey: string;
  dueOn: PlanDate;
  /** The tasks listed (the first ones when there are many); `totalTasks` counts them all. */
  tasks: TaskItem[];
  totalTasks: number;
  /** People the recipient stands in for (代理人) while they are away. */
  onBehalfOf: string[];
  replyHint: string;
  snooze: SnoozeOffer | null;
}

/** One department's part of an escalation. */
export interface EscalatedDepartment {
  name: string;
  overdueTasks: number;
}

/**
 * 督办: an escalation of tasks overdue by the schedule's threshold, to supervisors (every department behind)
 * or to a department's lead contact (their department's tasks, with report buttons).
 */
export interface EscalationMessage {
  kind: "escalation";
  locale: Locale;
  summary: string;
  audience: "supervisor" | "lead_contact";
  title: string;
  intro: string;
  cycleKey: string;
  dueOn: PlanDate;
  workingDaysOverdue: number;
  /** The tasks listed (the first ones); `totalTasks` counts them all. */
  tasks: TaskItem[];
  totalTasks: number;
  /** Departments behind, most overdue tasks first (the first ones); `totalDepartments` counts them all. */
  departments: EscalatedDepartment[];
  totalDepartments: number;
  /** Departments behind that no one could be reminded in (no contact). */
  unreachable: string[];
  onBehalfOf: string[];
}

/** One line of a digest list: a task, and what the list says about it. */
export interface DigestEntry {
  measureLabel: string;
  measureTitle: string;
  departmentName: string;
  /** "逾期 3 个工作日", the blocker, "办结 11-20" ... */
  detail: string;
}

/** A list in the digest: its entries (the first ones) and how many there are in all. */
export interface DigestList {
  title: string;
  entries: DigestEntry[];
  total: number;
}

/**
 * The praise and lagging lists (表扬 / 通报) the last digest of a month or quarter carries, from that period's
 * scorecard (the workflow's `assessment.includeInDigest`).
 */
export interface DigestAssessment {
  /** "2026年11月督查考核" */
  title: string;
  /** The period, as `/duban assess` takes it: "2026-11", "2026-Q4". */
  periodKey: string;
  /** "市农业农村局 92.5 分", best first; departments, then counties. */
  praise: string[];
  lagging: string[];
  /** Where the formula and the records behind every score are: "评分办法和明细：/duban assess 2026-11". */
  note: string;
}

/** The weekly digest (周报) posted to the digest channel: the main message, and lists for its thread. */
export interface DigestMessage {
  kind: "digest";
  locale: Locale;
  summary: string;
  title: string;
  /** "2026-W41". */
  weekKey: string;
  /** The reporting cycle it reports on ("2026-10"), and its due day. */
  cycleKey: string;
  dueOn: PlanDate;
  /** Posted after its time (补发): says when it was due. */
  lateNote: string | null;
  /** "截至 2026-10-12 09:00" */
  asOf: string;
  totals: LightCounts;
  taskCount: number;
  sections: BoardSection[];
  reported: { title: string; departments: string[] };
  notReported: { title: string; departments: string[] };
  overdue: DigestList;
  blocked: DigestList;
  completed: DigestList;
  approved: DigestList;
  /** Short lines for the main message: "逾期 12 项（最长 6 个工作日）" ... */
  highlights: string[];
  /** The chart's data (status by section, 8 weeks of reported / overdue); the front end draws and attaches it. */
  chart: DigestChartData | null;
  /** 表扬 / 通报 of the month or quarter ending, in its last digest; null otherwise. */
  assessment: DigestAssessment | null;
  /**
   * The footer's calendar warning (from 1 November, when next year has no State Council notice; all year when
   * this one has none): "2027 … statutory holidays only …"; null when there is nothing to say.
   */
  calendarNote: string | null;
}
