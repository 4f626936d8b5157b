import { fragmentReason } from "../plan-import/department-name-checks.ts";
import { findControlCharacters } from "../text/control-characters.ts";
import { normalizeDepartmentName } from "./normalize-department-name.ts";
import { resolveDepartment } from "./resolve-department.ts";
import type { Workflow } from "./workflow-schema.ts";

/** A problem in a workflow file, at a path inside it ("measures", 3, "leads", 0). */
export interface WorkflowProblem {
  path: (string | number)[];
  message: string;
  /** Errors make the file unusable; warnings name work left to do (a measure without leads ...). */
  severity: "error" | "warning";
}

function checkDirectory(workflow: Workflow, problems: WorkflowProblem[]): void {
  const ids = new Map<string, number>();
  const owners = new Map<string, string>();
  workflow.departments.forEach((department, index) => {
    if (ids.has(department.id)) {
      problems.push({
        path: ["departments", index, "id"],
        message: `id "${department.id}" is used twice`,
        severity: "error",
      });
    }
    ids.set(department.id, index);
    const names: [string, (string | number)[]][] = [
      [department.name, ["name"]],
      ...department.aliases.map((alias, j): [string, (string | number)[]] => [alias, ["aliases", j]]),
    ];
    const counterpart = department.countyCounterpart;
    if (counterpart !== undefined) {
      names.push([counterpart.name, ["countyCounterpart", "name"]]);
      for (const [j, alias] of counterpart.aliases.entries())
        names.push([alias, ["countyCounterpart", "aliases", j]]);
    }
    for (const [name, path] of names) {
      const reason = fragmentReason(name);
      if (reason !== null) {
        problems.push({
          path: ["departments", index, ...path],
          message: `"${name}" looks like a piece of a responsibility clause, not a department (${reason}): split it into the departments it names`,
          severity: "warning",
        });
      }
      const key = normalizeDepartmentName(name);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== department.id) {
        const message = `name "${name}" also belongs to department ${owner}: names must be unique`;
        problems.push({ path: ["departments", index, ...path], message, severity: "error" });
      }
      owners.set(key, department.id);
    }
  });
  const counties = new Set<string>();
  workflow.counties.forEach((county, index) => {
    for (const key of [county.id, county.name]) {
      if (counties.has(key))
        problems.push({ path: ["counties", index], message: `"${key}" is listed twice`, severity: "error" });
      counties.add(key);
    }
  });
}

function checkMeasures(workflow: Workflow, problems: WorkflowProblem[]): Set<string> {
  const numbers = new Set<number>();
  const leadIds = new Set<string>();
  const resolve = (name: string) => resolveDepartment(workflow.departments, name);
  const unknown = (name: string) =>
    `unknown department "${name}": add it to departments (as a name or an alias)`;
  workflow.measures.forEach((measure, index) => {
    const at = (...path: (string | number)[]) => ["measures", index, ...path];
    if (numbers.has(measure.number))
      problems.push({
        path: at("number"),
        message: `measure number ${measure.number} is used twice`,
        severity: "error",
      });
    numbers.add(measure.number);
    const seen = new Set<string>();
    measure.leads.forEach((name, j) => {
      const id = resolve(name);
      if (id === null) problems.push({ path: at("leads", j), message: unknown(name), severity: "error" });
      else if (seen.has(id))
        problems.push({ path: at("leads", j), message: `"${name}" is listed twice`, severity: "error" });
      if (id !== null) seen.add(id);
      if (id !== null) leadIds.add(id);
    });
    measure.cooperating.forEach((unit, j) => {
      if (resolve(unit.department) === null)
        problems.push({
          path: at("cooperating", j, "department"),
          message: unknown(unit.department),
          severity: "error",
        });
    });
    measure.suggestedLeads.forEach((name, j) => {
      if (resolve(name) === null)
        problems.push({ path: at("suggestedLeads", j), message: unknown(name), severity: "warning" });
    });
    if (measure.needsAssignment && measure.leads.length > 0) {
      problems.push({
        path: at("needsAssignment"),
        message: "the measure has leads: set needsAssignment to false",
        severity: "error",
      });
    } else if (!measure.needsAssignment && measure.leads.length === 0) {
      problems.push({
        path: at("leads"),
        message: "no lead department: list one, or set needsAssignment to true",
        severity: "error",
      });
    } else if (measure.needsAssignment) {
      problems.push({
        path: at("leads"),
        message: `measure ${measure.label} ${measure.title} needs assignment: no lead yet`,
        severity: "warning",
      });
    }
  });
  return leadIds;
}

/** Invisible characters a database cannot store or a reader cannot see ("\0" and "\x1b" escapes in YAML). */
function checkControlCharacters(workflow: Workflow, problems: WorkflowProblem[]): void {
  for (const { path, character } of findControlCharacters(workflow)) {
    problems.push({
      path,
      message: `holds the invisible control character ${character}: remove it (and any escape such as "\\0" that writes one)`,
      severity: "error",
    });
  }
}

/**
 * Checks what the schema cannot: no control characters in any text, names resolve to departments, ids and
 * numbers are unique, leads agree with needsAssignment.
 */
export function checkWorkflow(workflow: Workflow): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  checkControlCharacters(workflow, problems);
  checkDirectory(workflow, problems);
  const leadIds = checkMeasures(workflow, problems);
  if (workflow.plan.countiesImplement) {
    if (workflow.counties.length === 0) {
      problems.push({
        path: ["counties"],
        message: "plan.countiesImplement is true but no county is listed",
        severity: "warning",
      });
    }
    workflow.departments.forEach((department, index) => {
      if (
        leadIds.has(department.id) &&
        department.countyCounterpart === undefined &&
        department.collective !== true
      ) {
        const message = `${department.name} leads measures but has no countyCounterpart: its county tasks cannot be made`;
        problems.push({ path: ["departments", index], message, severity: "warning" });
      }
    });
  }
  workflow.plan.recipients.forEach((name, index) => {
    if (resolveDepartment(workflow.departments, name) === null) {
      problems.push({
        path: ["plan", "recipients", index],
        message: `recipient "${name}" matches no department`,
        severity: "warning",
      });
    }
  });
  return problems;
}
