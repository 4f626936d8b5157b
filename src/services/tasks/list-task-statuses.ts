import { type EvidenceItem, evidenceItems } from "../../domain/evidence/report-evidence.ts";
import type { StatusLight, StatusLightReason } from "../../domain/lights/status-light.ts";
import { statusText } from "../../domain/messages/build-task-item.ts";
import { assessTask } from "../../domain/supervision/assess-task.ts";
import type { TaskStatus } from "../../domain/supervision/supervision-types.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { loadPlanContext } from "../plans/load-plan-context.ts";

/** One task for operators and scripts (`duban status [--json]`). */
export interface TaskStatusRow {
  taskId: string;
  measure: { number: number; label: string; title: string };
  department: { id: string; name: string };
  status: TaskStatus;
  /** "推进中 60%". */
  statusText: string;
  percent: number;
  light: StatusLight;
  lightReason: StatusLightReason;
  dueOn: string;
  lastReport: {
    at: string;
    author: string;
    status: TaskStatus;
    percent: number | null;
    done: string;
    /** Its evidence (佐证材料): links typed in, then files kept with it. */
    evidence: EvidenceItem[];
  } | null;
  /** Display names of the department's contacts. */
  contacts: string[];
}

/** Every active task of the plan with its status, light, latest report and contacts. */
export async function listTaskStatuses(
  deps: Pick<SupervisionDeps, "store" | "clock" | "calendar" | "planId">,
): Promise<{ planId: string; title: string; rows: TaskStatusRow[] }> {
  const context = await loadPlanContext(deps, { locale: "en" }); // for operators: English, as the CLI speaks
  const { directory } = context;
  const tasks = await deps.store.listTasks({ planId: directory.planId, withLastReport: true });
  const contacts = await deps.store.listContacts([...new Set(tasks.map((task) => task.department.id))]);
  const lastReports = await deps.store.findReports(
    tasks.flatMap((task) => (task.lastReport === null ? [] : [task.lastReport.id])),
  );
  const evidenceOf = new Map(lastReports.map((report) => [report.id, evidenceItems(report)]));
  const rows = tasks.map((task): TaskStatusRow => {
    const { light, reason, dueOn } = assessTask(task, context.light);
    const last = task.lastReport;
    return {
      taskId: task.id,
      measure: { number: task.measure.number, label: task.measure.label, title: task.measure.title },
      department: task.department,
      status: task.status,
      statusText: statusText(task.status, task.percent, "zh"),
      percent: task.percent,
      light,
      lightReason: reason,
      dueOn,
      lastReport:
        last === null
          ? null
          : {
              at: last.createdAt.toISOString(),
              author: last.authorName,
              status: last.status,
              percent: last.percent,
              done: last.done,
              evidence: evidenceOf.get(last.id) ?? [],
            },
      contacts: contacts
        .filter((c) => c.departmentId === task.department.id)
        .map((c) => c.person.displayName),
    };
  });
  return { planId: directory.planId, title: directory.title, rows };
}
