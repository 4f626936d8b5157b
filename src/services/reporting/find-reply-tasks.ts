import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/**
 * The tasks a free-text reply may be about: the tasks listed by the Duban message whose thread it
 * replies in, else (no such message, or the reply names a measure it did not list) the person's own
 * departments' tasks; only open ones they may report for.
 */
export async function findReplyTasks(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  where: { channel: string; threadTs: string | null; measureNumber: number | null },
): Promise<TaskRecord[]> {
  const open = (tasks: TaskRecord[]) =>
    tasks.filter((task) => task.status !== "DONE" && canReportFor(person, task.department.id));
  const names = (tasks: TaskRecord[]) =>
    where.measureNumber === null || tasks.some((task) => task.measure.number === where.measureNumber);
  if (where.threadTs !== null) {
    const listedBy = { channel: where.channel, ts: where.threadTs };
    const listed = open(await deps.store.listTasks({ listedBy }));
    if (listed.length > 0 && names(listed)) return listed;
  }
  if (person.departmentIds.length === 0) return [];
  return open(await deps.store.listTasks({ departmentIds: person.departmentIds }));
}
