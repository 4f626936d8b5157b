import { collectiveLevel, collectiveSlug } from "./collective-local-government.ts";
import { departmentLevel } from "./department-level.ts";
import { departmentSlug } from "./department-slug.ts";
import { deriveCountyCounterpart } from "./derive-county-counterpart.ts";
import { resolveDepartment } from "./resolve-department.ts";
import type { WorkflowDepartment } from "./workflow-schema.ts";

export interface DirectoryInput {
  /** Every department name the plan uses, in order of first use. */
  names: readonly string[];
  recipients: readonly string[];
  countiesImplement: boolean;
  /** A directory to reuse (from another workflow file): names it resolves keep its ids. */
  existing: readonly WorkflowDepartment[];
}

function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0").slice(0, 6);
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The department directory of an imported plan: the reused directory, plus one department per name it
 * does not resolve, with an id from the usual department names ("市财政局" -> "city-finance") and,
 * when counties implement, a county counterpart. Collective local governments ("各省级人民政府") are
 * marked `collective`. Ids it cannot derive and counterparts it guesses are reported.
 */
export function buildDirectory(input: DirectoryInput): {
  departments: WorkflowDepartment[];
  warnings: string[];
} {
  const departments = input.existing.map((department) => ({ ...department }));
  const taken = new Set(departments.map((department) => department.id));
  const warnings: string[] = [];
  for (const name of new Set(input.names)) {
    if (resolveDepartment(departments, name) !== null) continue;
    const collective = collectiveLevel(name);
    if (collective !== null) {
      const id = uniqueId(collectiveSlug(name) as string, taken);
      departments.push({ id, name, aliases: [], level: collective, collective: true });
      continue;
    }
    const level = departmentLevel(name, "city");
    const slug = departmentSlug(name);
    const base =
      slug === null
        ? `${level}-dept-${shortHash(name)}`
        : slug.proper
          ? `${slug.stem}-branch`
          : `${level}-${slug.stem}`;
    const id = uniqueId(base, taken);
    if (slug === null)
      warnings.push(
        `no English id known for ${name}: named it ${id}; rename it before loading (ids are kept)`,
      );
    const department: WorkflowDepartment = { id, name, aliases: [], level };
    if (input.countiesImplement && level === "city") {
      const { counterpart, warning } = deriveCountyCounterpart(name, input.recipients);
      if (counterpart !== undefined) department.countyCounterpart = counterpart;
      if (warning !== null) warnings.push(warning);
    }
    departments.push(department);
  }
  return { departments, warnings };
}
