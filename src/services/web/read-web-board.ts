import type { StatusLight } from "../../domain/lights/status-light.ts";
import type { LightCounts, TaskItem } from "../../domain/messages/message-parts.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { DepartmentInfo, Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { loadPlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";

/** `assessment` (the scorecard, the ledger, a department's record and score); unset, those pages are 404. */
export type WebReadDeps = Pick<SupervisionDeps, "store" | "clock" | "calendar" | "planId" | "assessment"> & {
  /** County id -> name ("fangcheng" -> "方城县") of the plan; without it the board shows county ids. */
  countyNames?: (planId: string) => Promise<ReadonlyMap<string, string>>;
};

/** The board's filters, as GET query parameters. */
export interface WebBoardFilters {
  department: string | null;
  /** A county's id; "city" for city-level tasks. */
  county: string | null;
  light: StatusLight | null;
  /** Only overdue, or only blocked tasks. */
  only: "overdue" | "blocked" | null;
}

/** A task as the web shows it: the chat's task item (same light and wording), with its department and county. */
export interface WebTask extends TaskItem {
  departmentId: string;
  county: string | null;
}

export interface WebBoardMeasure {
  number: number;
  label: string;
  title: string;
  counts: LightCounts;
}

export interface WebBoard {
  title: string;
  sections: Array<{ label: string; title: string; measures: WebBoardMeasure[] }>;
  totals: LightCounts;
  departments: DepartmentInfo[];
  counties: Array<{ id: string; name: string }>;
  /** The tasks the viewer may see that pass the filters. */
  tasks: WebTask[];
  seesAll: boolean;
  timeZone: string;
}

/** Supervisors, admins and readers see every task; a contact only their own departments'. */
export function seesAllTasks(person: Pick<Person, "role">): boolean {
  return isSupervisor(person) || person.role === "READER";
}

export function canSeeDepartment(
  person: Pick<Person, "role" | "departmentIds">,
  departmentId: string,
): boolean {
  return seesAllTasks(person) || person.departmentIds.includes(departmentId);
}

function toWebTasks(tasks: readonly TaskRecord[], items: readonly TaskItem[]): WebTask[] {
  return items.map((item, i) => {
    const task = tasks[i] as TaskRecord;
    return { ...item, departmentId: task.department.id, county: task.county ?? null };
  });
}

function passes(task: WebTask, filters: WebBoardFilters): boolean {
  if (filters.department !== null && task.departmentId !== filters.department) return false;
  if (filters.county !== null && (task.county ?? "city") !== filters.county) return false;
  if (filters.light !== null && task.light !== filters.light) return false;
  if (filters.only === "overdue" && task.lightReason !== "overdue") return false;
  if (filters.only === "blocked" && task.status !== "BLOCKED") return false;
  return true;
}

const emptyCounts = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

/**
 * The web board: every measure by section with its counts by light (the chat's light rules: describeTasks),
 * the filters applied to counts and tasks alike. Counts cover every task; the task list only those the viewer
 * may see.
 */
export async function readWebBoard(
  deps: WebReadDeps,
  person: Person,
  filters: WebBoardFilters,
): Promise<WebBoard> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const records = await deps.store.listTasks({ planId: directory.planId, withLastReport: true });
  const all = toWebTasks(
    records,
    describeTasks(records, context.light, localeOf(person.locale), () => []),
  );
  const shown = all.filter((task) => passes(task, filters));
  const counts = new Map<number, LightCounts>();
  const totals = emptyCounts();
  for (const task of shown) {
    const measureCounts = counts.get(task.measure.number) ?? emptyCounts();
    measureCounts[task.light] += 1;
    totals[task.light] += 1;
    counts.set(task.measure.number, measureCounts);
  }
  const sections: WebBoard["sections"] = [];
  for (const measure of directory.measures) {
    const section = measure.section ?? { label: "", title: "" };
    let last = sections.at(-1);
    if (last === undefined || last.label !== section.label || last.title !== section.title) {
      last = { ...section, measures: [] };
      sections.push(last);
    }
    last.measures.push({
      number: measure.number,
      label: measure.label,
      title: measure.title,
      counts: counts.get(measure.number) ?? emptyCounts(),
    });
  }
  const names = (await deps.countyNames?.(directory.planId)) ?? new Map<string, string>();
  const counties = [...new Set(all.flatMap((task) => (task.county === null ? [] : [task.county])))]
    .sort()
    .map((id) => ({ id, name: names.get(id) ?? id }));
  return {
    title: directory.title,
    sections,
    totals,
    departments: directory.departments,
    counties,
    tasks: shown.filter((task) => canSeeDepartment(person, task.departmentId)),
    seesAll: seesAllTasks(person),
    timeZone: directory.timezone,
  };
}
