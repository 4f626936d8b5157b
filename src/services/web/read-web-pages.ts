import { type EvidenceItem, evidenceItems } from "../../domain/evidence/report-evidence.ts";
import { statusText } from "../../domain/messages/build-task-item.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import type {
  DepartmentInfo,
  MeasureInfo,
  Person,
  TaskRecord,
} from "../../domain/supervision/supervision-types.ts";
import { loadPlanContext, type PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";
import { BOARD_PAGE_SIZE, canSeeDepartment, type WebReadDeps, type WebTask } from "./read-web-board.ts";

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
  /** One page (`taskPage`, from 1, BOARD_PAGE_SIZE a page) of the `taskCount` tasks the viewer may see. */
  tasks: WebTask[];
  taskCount: number;
  taskPage: number;
  /** Every task the viewer may see, for the measure's record (reports, reminders, urges, approvals). */
  recordTasks: Array<{ taskId: string; departmentName: string }>;
  reports: WebReport[];
  timeZone: string;
}

export interface WebDepartment {
  department: DepartmentInfo;
  /** One page (`taskPage`, from 1, BOARD_PAGE_SIZE a page) of its `taskCount` tasks. */
  tasks: WebTask[];
  taskCount: number;
  taskPage: number;
  contacts: Array<{ name: string }>;
  timeZone: string;
}

/**
 * One page of `records` (listTasks' order) as the web shows tasks: only the page's tasks are read again with
 * their latest reports and given their lights, so a measure or department of thousands of tasks costs a page.
 */
async function pageOfTasks(
  deps: WebReadDeps,
  context: PlanContext,
  person: Person,
  records: readonly TaskRecord[],
  requestedPage: number,
): Promise<{ tasks: WebTask[]; taskCount: number; taskPage: number }> {
  const pages = Math.max(1, Math.ceil(records.length / BOARD_PAGE_SIZE));
  const taskPage = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages);
  const ids = records
    .slice((taskPage - 1) * BOARD_PAGE_SIZE, taskPage * BOARD_PAGE_SIZE)
    .map((task) => task.id);
  const full =
    ids.length === 0
      ? []
      : await deps.store.listTasks({ planId: context.directory.planId, taskIds: ids, withLastReport: true });
  const items = describeTasks(full, context.light, localeOf(person.locale), () => []);
  return {
    tasks: items.map((item, i) => ({
      ...item,
      departmentId: full[i]?.department.id ?? "",
      county: full[i]?.county ?? null,
    })),
    taskCount: records.length,
    taskPage,
  };
}

/** A measure's page: its leads, the visible tasks (chat lights), their reports with evidence; null when unknown. */
export async function readWebMeasure(
  deps: WebReadDeps,
  person: Person,
  measureNumber: number,
  options: { reportLimit?: number; taskPage?: number } = {},
): Promise<WebMeasure | null> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const measure = directory.measures.find((m) => m.number === measureNumber);
  if (measure === undefined) return null;
  // every task without its latest report (one joined query); only the page's tasks are read whole
  const records = await deps.store.listTasks({ planId: directory.planId, measureNumbers: [measureNumber] });
  const locale = localeOf(person.locale);
  const visible = records.filter((task) => canSeeDepartment(person, task.department.id));
  const recordTasks = visible.map((task) => ({ taskId: task.id, departmentName: task.department.name }));
  const reports = await readWebReports(deps, recordTasks, locale, options.reportLimit ?? WEB_REPORT_LIMIT);
  return {
    measure,
    leads: records.map((task) => ({
      id: task.department.id,
      name: task.department.name,
      isPrimary: task.isPrimary,
    })),
    ...(await pageOfTasks(deps, context, person, visible, options.taskPage ?? 1)),
    recordTasks,
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
  options: { taskPage?: number } = {},
): Promise<WebDepartment | "unknown" | "forbidden"> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const department = directory.departments.find((d) => d.id === departmentId);
  if (department === undefined) return "unknown";
  if (!canSeeDepartment(person, departmentId)) return "forbidden";
  const records = await deps.store.listTasks({ planId: directory.planId, departmentIds: [departmentId] });
  const contacts = await deps.store.listContacts([departmentId]);
  return {
    department,
    ...(await pageOfTasks(deps, context, person, records, options.taskPage ?? 1)),
    contacts: contacts.map((c) => ({ name: c.person.displayName })),
    timeZone: directory.timezone,
  };
}
