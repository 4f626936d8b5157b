import { type EvidenceItem, evidenceItems } from "../../domain/evidence/report-evidence.ts";
import { statusText } from "../../domain/messages/build-task-item.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import type { DepartmentInfo, MeasureInfo, Person } from "../../domain/supervision/supervision-types.ts";
import { loadPlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";
import { canSeeDepartment, type WebReadDeps, type WebTask } from "./read-web-board.ts";

/** How many reports a measure page lists. */
export const WEB_REPORT_LIMIT = 100;

export interface WebReport {
  id: string;
  taskId: string;
  departmentName: string;
  authorName: string;
  at: Date;
  statusText: string;
  done: string;
  nextSteps: string | null;
  blocker: string | null;
  evidence: EvidenceItem[];
  edited: boolean;
  withdrawn: boolean;
}

export interface WebMeasure {
  measure: MeasureInfo;
  /** Every lead department, primary first (the board's counts are public to every signed-in person). */
  leads: Array<{ id: string; name: string; isPrimary: boolean }>;
  /** The tasks the viewer may see. */
  tasks: WebTask[];
  reports: WebReport[];
  timeZone: string;
}

export interface WebDepartment {
  department: DepartmentInfo;
  tasks: WebTask[];
  contacts: Array<{ name: string }>;
  timeZone: string;
}

/** A measure's page: its leads, the visible tasks (chat lights), their reports with evidence; null when unknown. */
export async function readWebMeasure(
  deps: WebReadDeps,
  person: Person,
  measureNumber: number,
  options: { reportLimit?: number } = {},
): Promise<WebMeasure | null> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const measure = directory.measures.find((m) => m.number === measureNumber);
  if (measure === undefined) return null;
  const records = await deps.store.listTasks({
    planId: directory.planId,
    measureNumbers: [measureNumber],
    withLastReport: true,
  });
  const locale = localeOf(person.locale);
  const visible = records.filter((task) => canSeeDepartment(person, task.department.id));
  const items = describeTasks(visible, context.light, locale, () => []);
  const tasks = items.map((item, i) => ({
    ...item,
    departmentId: visible[i]?.department.id ?? "",
    county: visible[i]?.county ?? null,
  }));
  const reports = await readWebReports(deps, tasks, locale, options.reportLimit ?? WEB_REPORT_LIMIT);
  return {
    measure,
    leads: records.map((task) => ({
      id: task.department.id,
      name: task.department.name,
      isPrimary: task.isPrimary,
    })),
    tasks,
    reports,
    timeZone: directory.timezone,
  };
}

/** The tasks' reports (withdrawn ones too, marked), newest first, at most `limit`, as the web shows them. */
export async function readWebReports(
  deps: Pick<WebReadDeps, "store">,
  tasks: ReadonlyArray<{ taskId: string; departmentName: string }>,
  locale: Locale,
  limit: number,
): Promise<WebReport[]> {
  if (limit <= 0 || tasks.length === 0) return [];
  const departmentOf = new Map(tasks.map((task) => [task.taskId, task.departmentName]));
  const reports = await deps.store.listReports([...departmentOf.keys()], { limit, includeWithdrawn: true });
  return reports.map((report) => ({
    id: report.id,
    taskId: report.taskId,
    departmentName: departmentOf.get(report.taskId) ?? "",
    authorName: report.authorName,
    at: report.createdAt,
    statusText: statusText(report.status, report.percent, locale),
    done: report.done,
    nextSteps: report.nextSteps,
    blocker: report.blocker,
    evidence: evidenceItems(report),
    edited: report.editedAt !== null,
    withdrawn: report.withdrawnAt !== null,
  }));
}

/** A department's page: its tasks and contacts. "unknown" or "forbidden" (a contact of another department). */
export async function readWebDepartment(
  deps: WebReadDeps,
  person: Person,
  departmentId: string,
): Promise<WebDepartment | "unknown" | "forbidden"> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const department = directory.departments.find((d) => d.id === departmentId);
  if (department === undefined) return "unknown";
  if (!canSeeDepartment(person, departmentId)) return "forbidden";
  const records = await deps.store.listTasks({
    planId: directory.planId,
    departmentIds: [departmentId],
    withLastReport: true,
  });
  const items = describeTasks(records, context.light, localeOf(person.locale), () => []);
  const contacts = await deps.store.listContacts([departmentId]);
  return {
    department,
    tasks: items.map((item, i) => ({ ...item, departmentId, county: records[i]?.county ?? null })),
    contacts: contacts.map((c) => ({ name: c.person.displayName })),
    timeZone: directory.timezone,
  };
}
