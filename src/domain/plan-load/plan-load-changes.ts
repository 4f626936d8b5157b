import { canonicalJson } from "../canonical-json.ts";
import { type DesiredPlanState, taskKey } from "./desired-plan-state.ts";
import type { StoredPlanState } from "./stored-plan-state.ts";

/** One kind of row's changes: added (new), restored (back from the archive), updated, archived (keys). */
export interface RowChanges<T> {
  added: T[];
  restored: T[];
  updated: T[];
  archived: string[];
}

export interface PlanLoadChanges {
  plan: "added" | "updated" | "unchanged";
  desired: DesiredPlanState;
  departments: RowChanges<DesiredPlanState["departments"][number]>;
  sections: RowChanges<DesiredPlanState["sections"][number]>;
  measures: RowChanges<DesiredPlanState["measures"][number]>;
  leads: RowChanges<{ measureNumber: number; departmentId: string }>;
  tasks: RowChanges<DesiredPlanState["tasks"][number]>;
}

/** Equal as the database keeps them (jsonb does not keep key order). */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function compare<D, S extends { archived: boolean }>(
  desired: D[],
  stored: S[],
  key: (row: D | S) => string,
  content: (row: D | S) => unknown,
): RowChanges<D> {
  const storedByKey = new Map(stored.map((row) => [key(row), row]));
  const desiredKeys = new Set(desired.map(key));
  const changes: RowChanges<D> = { added: [], restored: [], updated: [], archived: [] };
  for (const row of desired) {
    const existing = storedByKey.get(key(row));
    if (!existing) changes.added.push(row);
    else if (existing.archived) changes.restored.push(row);
    else if (!same(content(row), content(existing))) changes.updated.push(row);
  }
  for (const row of stored) if (!row.archived && !desiredKeys.has(key(row))) changes.archived.push(key(row));
  return changes;
}

/**
 * What `duban load` must change to make the database hold `desired`. Nothing is ever deleted: a measure,
 * lead, task or department that left the workflow is archived, and comes back (with its history) when
 * it returns. Measures are matched by number, tasks by measure number and department.
 */
export function planLoadChanges(desired: DesiredPlanState, stored: StoredPlanState): PlanLoadChanges {
  const leadRows = (
    measures: {
      number: number;
      leads: { departmentId: string; position: number; role: string; archived?: boolean }[];
    }[],
  ) =>
    measures.flatMap((m) =>
      m.leads.map((l) => ({ measureNumber: m.number, ...l, archived: l.archived ?? false })),
    );
  const leadKey = (row: { measureNumber: number; departmentId: string }) =>
    `${row.measureNumber}:${row.departmentId}`;
  const desiredLeads = leadRows(desired.measures);
  return {
    plan: stored.plan === null ? "added" : same(desired.plan, stored.plan) ? "unchanged" : "updated",
    desired,
    // the department directory is shared by every plan: a department this workflow no longer lists stays
    departments: {
      ...compare(
        desired.departments,
        stored.departments,
        (d) => d.id,
        ({ id, name, aliases, level, county, counterpartOfId }) => ({
          id,
          name,
          aliases,
          level,
          county,
          counterpartOfId,
        }),
      ),
      archived: [],
    },
    sections: compare(
      desired.sections,
      stored.sections,
      (s) => s.label,
      ({ title, position }) => ({ title, position }),
    ),
    measures: compare(
      desired.measures,
      stored.measures,
      (m) => String(m.number),
      ({ label, sectionLabel, title, text, needsAssignment, basis, indicators }) => ({
        label,
        sectionLabel,
        title,
        text,
        needsAssignment,
        basis,
        indicators,
      }),
    ),
    leads: compare(desiredLeads, leadRows(stored.measures), leadKey, ({ position, role }) => ({
      position,
      role,
    })),
    tasks: compare(desired.tasks, stored.tasks, taskKey, ({ county, isPrimary }) => ({ county, isPrimary })),
  };
}

export interface ChangeCounts {
  added: number;
  restored: number;
  updated: number;
  archived: number;
}

export function countChanges(
  changes: PlanLoadChanges,
): Record<"departments" | "sections" | "measures" | "leads" | "tasks", ChangeCounts> {
  const count = (rows: RowChanges<unknown>): ChangeCounts => ({
    added: rows.added.length,
    restored: rows.restored.length,
    updated: rows.updated.length,
    archived: rows.archived.length,
  });
  return {
    departments: count(changes.departments),
    sections: count(changes.sections),
    measures: count(changes.measures),
    leads: count(changes.leads),
    tasks: count(changes.tasks),
  };
}

export function hasChanges(changes: PlanLoadChanges): boolean {
  return (
    changes.plan !== "unchanged" ||
    Object.values(countChanges(changes)).some((c) => c.added + c.restored + c.updated + c.archived > 0)
  );
}
