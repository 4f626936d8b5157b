import type {
  AssessedReminder,
  AssessedReport,
  AssessedTask,
  SupervisionHistory,
} from "../../../src/domain/assessment/assessment-records.ts";

/** Plan-local time in Nanyang (UTC+8), "2026-10-20 10:00" -> the instant. */
export const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+08:00`);

const measure = (number: number) => ({
  number,
  label: `（${"一二"[number - 1]}）`,
  title: `措施${number}`,
  section: { label: "二、", title: "产业就业" },
});
const task = (
  id: string,
  number: number,
  department: [string, string],
  county: [string, string] | null,
): AssessedTask => ({
  id,
  measure: measure(number),
  department: { id: department[0], name: department[1] },
  county: county === null ? null : { id: county[0], name: county[1] },
  status: "IN_PROGRESS",
  percent: 0,
  lastReportAt: null,
  approvedAt: null,
});

let serial = 0;
const report = (taskId: string, local: string, fields: Partial<AssessedReport> = {}): AssessedReport => ({
  id: `r${++serial}`,
  taskId,
  authorName: "联络员",
  createdAt: at(local),
  status: "IN_PROGRESS",
  percent: 50,
  done: "完成了工作",
  nextSteps: "继续推进",
  blocker: null,
  evidence: ["照片.jpg"],
  evidenceFiles: [],
  source: "MODAL",
  editedAt: null,
  withdrawnAt: null,
  ...fields,
});
const reminder = (taskId: string, kind: string, local: string, recipientName: string): AssessedReminder => ({
  id: `m${++serial}`,
  taskId,
  kind,
  slot: "2026-11",
  recipientName,
  createdAt: at(local),
  sentAt: at(local),
  lastError: null,
});

/**
 * Two city departments (甲局: t1, t2; 乙局: t3) and two counties (东县: t4, t5; 西县: t6), reporting monthly by
 * the 25th at 18:00 through 2026 Q4, assessed on Monday 2026-11-30 10:00. See scorecard.test.ts for the sums.
 */
export function scorecardHistory(): SupervisionHistory {
  serial = 0;
  const tasks = [
    {
      ...task("t1", 1, ["city-a", "市甲局"], null),
      status: "DONE" as const,
      approvedAt: at("2026-11-27 10:00"),
    },
    task("t2", 2, ["city-a", "市甲局"], null),
    task("t3", 1, ["city-b", "市乙局"], null),
    task("t4", 1, ["east-a", "东县甲局"], ["east", "东县"]),
    task("t5", 2, ["east-b", "东县乙局"], ["east", "东县"]),
    {
      ...task("t6", 1, ["west-a", "西县甲局"], ["west", "西县"]),
      status: "DONE" as const,
      approvedAt: at("2026-11-27 15:00"),
    },
  ];
  const reports = [
    report("t1", "2026-10-20 10:00"),
    report("t1", "2026-11-24 10:00", {
      status: "AWAITING_APPROVAL",
      percent: 100,
      nextSteps: null,
      evidence: [],
    }),
    report("t2", "2026-10-27 09:00", { status: "BLOCKED", percent: 10, blocker: "资金未到位" }),
    report("t2", "2026-11-26 10:00", { percent: 20 }),
    report("t4", "2026-10-22 10:00"),
    report("t4", "2026-11-20 10:00"),
    report("t5", "2026-10-21 10:00", { evidence: [] }),
    report("t5", "2026-11-25 12:00", { evidence: [" "] }),
    report("t5", "2026-11-26 12:00", { withdrawnAt: at("2026-11-26 13:00") }),
    report("t6", "2026-10-26 10:00"),
    report("t6", "2026-11-27 09:00", { status: "AWAITING_APPROVAL", percent: 100, nextSteps: null }),
  ];
  const reminders = [
    reminder("t3", "first", "2026-11-20 09:30", "乙局联络员"),
    reminder("t3", "urge", "2026-11-26 10:00", "乙局联络员"),
    reminder("t3", "urge", "2026-11-26 10:00", "乙局副联络员"),
    reminder("t3", "escalation", "2026-11-27 09:30", "乙局负责人"),
  ];
  return { tasks, reports, reminders };
}
