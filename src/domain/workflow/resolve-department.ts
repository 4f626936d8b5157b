import { normalizeDepartmentName } from "./normalize-department-name.ts";
import type { WorkflowDepartment } from "./workflow-schema.ts";

/** What resolution needs of a department: its id, names, and its county counterpart's names. */
export type DirectoryEntry = Pick<WorkflowDepartment, "id" | "name" | "aliases"> & {
  countyCounterpart?: { name: string; aliases: readonly string[] } | undefined;
};

/**
 * Finds the department a name means: its name, one of its aliases, or its county counterpart's name or
 * aliases ("有关县住房和城乡建设局" -> the department whose counterpart is "县住房和城乡建设局").
 * Returns the department id, or null when no department has that name.
 */
export function resolveDepartment(departments: readonly DirectoryEntry[], name: string): string | null {
  const wanted = normalizeDepartmentName(name);
  for (const department of departments) {
    const names = [department.name, ...department.aliases];
    if (department.countyCounterpart !== undefined) {
      names.push(department.countyCounterpart.name, ...department.countyCounterpart.aliases);
    }
    if (names.some((candidate) => normalizeDepartmentName(candidate) === wanted)) return department.id;
  }
  return null;
}
