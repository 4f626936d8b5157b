import type { StatusLight } from "../../domain/lights/status-light.ts";
import type { LightCounts, TaskItem } from "../../domain/messages/message-parts.ts";
import type { TaskLightKey, TaskSliceQuery, TaskTally } from "../../domain/ports/supervision-store.ts";
import { assessTask, type LightContext, type TaskAssessment } from "../../domain/supervision/assess-task.ts";
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
  /** One page (`page`, from 1) of the tasks the viewer may see that pass the filters. */
  tasks: WebTask[];
  /** How many tasks the viewer may see pass the filters, on every page. */
  taskCount: number;
  page: number;
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

const emptyCounts = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

/** How many tasks one page of the board lists (a plan with counties has over a thousand). */
export const BOARD_PAGE_SIZE = 100;

/** The light of tasks alike in status and days (TaskLightKey): assessTask on one of them, the chat's rules. */
function lightsOf(context: LightContext): (tally: TaskTally) => TaskAssessment {
  const known = new Map<string, TaskAssessment>();
  return (tally) => {
    const key = `${tally.status}|${tally.reportDay}|${tally.trackedDay}`;
    let assessment = known.get(key);
    if (assessment === undefined) {
      assessment = assessTask(
        { status: tally.status, lastReportAt: tally.lastReportAt, trackedSince: tally.trackedSince },
        context,
      );
      known.set(key, assessment);
    }
    return assessment;
  };
}

/** The filters a task's light, reason and status decide (department and county are the store's). */
function passesLight(status: TaskTally["status"], light: TaskAssessment, filters: WebBoardFilters): boolean {
  if (filters.light !== null && light.light !== filters.light) return false;
  if (filters.only === "overdue" && light.reason !== "overdue") return false;
  if (filters.only === "blocked" && status !== "BLOCKED") return false;
  return true;
}

function keysOf(tallies: readonly TaskTally[]): TaskLightKey[] {
  const keys = new Map<string, TaskLightKey>();
  for (const { status, reportDay, trackedDay } of tallies)
    keys.set(`${status}|${reportDay}|${trackedDay}`, { status, reportDay, trackedDay });
  return [...keys.values()];
}

/**
 * The measures the tasks `offset` to `offset + limit` of the list (ordered by measure first) belong to, and
 * where the page starts among those measures' tasks: the store then sorts those measures' tasks only.
 */
function pageSpan(
  tallies: readonly TaskTally[],
  offset: number,
  limit: number,
): { measureNumbers: number[]; offset: number } {
  const perMeasure = new Map<number, number>();
  for (const tally of tallies)
    perMeasure.set(tally.measureNumber, (perMeasure.get(tally.measureNumber) ?? 0) + tally.count);
  const measureNumbers: number[] = [];
  let before = 0;
  let skipped = 0;
  for (const [number, count] of [...perMeasure].sort(([a], [b]) => a - b)) {
    if (before + count <= offset) skipped += count;
    else if (before < offset + limit) measureNumbers.push(number);
    before += count;
  }
  return { measureNumbers, offset: offset - skipped };
}

/**
 * The web board: every measure by section with its counts by light (the chat's light rules: assessTask), the
 * filters applied to counts and tasks alike. Counts cover every task; the task list only those the viewer may
 * see, one page of BOARD_PAGE_SIZE at a time. At scale nothing reads every task: the store counts tasks by
 * what their light depends on (tallyTasks), the light is assessed once per such group, and only the page's
 * tasks are read whole.
 */
export async function readWebBoard(
  deps: WebReadDeps,
  person: Person,
  filters: WebBoardFilters,
  requestedPage = 1,
): Promise<WebBoard> {
  const context = await loadPlanContext(deps, person);
  const { directory } = context;
  const planId = directory.planId;
  const county = filters.county === null ? undefined : filters.county === "city" ? null : filters.county;
  const slice: TaskSliceQuery = {
    planId,
    timeZone: context.light.timeZone,
    ...(filters.department === null ? {} : { departmentId: filters.department }),
    ...(county === undefined ? {} : { county }),
  };
  const [tallies, countyIds] = await Promise.all([
    deps.store.tallyTasks(slice),
    deps.store.listTaskCounties(planId),
  ]);
  const lightOf = lightsOf(context.light);
  const shown = tallies.filter((tally) => passesLight(tally.status, lightOf(tally), filters));
  const counts = new Map<number, LightCounts>();
  const totals = emptyCounts();
  for (const tally of shown) {
    const { light } = lightOf(tally);
    const measureCounts = counts.get(tally.measureNumber) ?? emptyCounts();
    measureCounts[light] += tally.count;
    totals[light] += tally.count;
    counts.set(tally.measureNumber, measureCounts);
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

  // the list: the viewer's tasks among those counted, one page, in the chat's order
  const seesAll = seesAllTasks(person);
  const visible: TaskSliceQuery = seesAll ? slice : { ...slice, departmentIds: person.departmentIds };
  const visibleTallies = seesAll
    ? shown
    : (await deps.store.tallyTasks(visible)).filter((tally) =>
        passesLight(tally.status, lightOf(tally), filters),
      );
  const taskCount = visibleTallies.reduce((sum, tally) => sum + tally.count, 0);
  const page = Math.min(Math.max(1, requestedPage), Math.max(1, Math.ceil(taskCount / BOARD_PAGE_SIZE)));
  const ids = await deps.store.pageTaskIds({
    ...visible,
    ...pageSpan(visibleTallies, (page - 1) * BOARD_PAGE_SIZE, BOARD_PAGE_SIZE),
    // every task passes when no filter looks at lights
    keys: filters.light === null && filters.only === null ? null : keysOf(visibleTallies),
    counties: countyIds,
    limit: BOARD_PAGE_SIZE,
  });
  const records =
    ids.length === 0 ? [] : await deps.store.listTasks({ planId, taskIds: ids, withLastReport: true });
  const names = (await deps.countyNames?.(planId)) ?? new Map<string, string>();
  return {
    title: directory.title,
    sections,
    totals,
    departments: directory.departments,
    counties: countyIds.map((id) => ({ id, name: names.get(id) ?? id })),
    tasks: toWebTasks(
      records,
      describeTasks(records, context.light, localeOf(person.locale), () => []),
    ),
    taskCount,
    page,
    seesAll,
    timeZone: directory.timezone,
  };
}
