import { DomainError } from "../errors.ts";
import { resolveDepartment } from "../workflow/resolve-department.ts";
import type { Workflow, WorkflowDepartment } from "../workflow/workflow-schema.ts";
import { countyDepartmentId, countyDepartmentName } from "./county-department.ts";
import type {
  DepartmentLevel,
  DesiredDepartment,
  DesiredLead,
  DesiredMeasure,
  DesiredPlanState,
  DesiredSection,
  DesiredTask,
} from "./desired-plan-state.ts";

const LEVELS: Record<WorkflowDepartment["level"], DepartmentLevel> = {
  province: "PROVINCE",
  city: "CITY",
  county: "COUNTY",
};

function splitSection(section: string): { label: string; title: string } {
  const match = /^([一二三四五六七八九十百]+[、.．])\s*(.*)$/u.exec(section);
  return match
    ? { label: match[1] as string, title: (match[2] as string) || section }
    : { label: section, title: section };
}

function expandDepartments(workflow: Workflow): DesiredDepartment[] {
  const departments: DesiredDepartment[] = [];
  for (const department of workflow.departments) {
    departments.push({
      id: department.id,
      name: department.name,
      aliases: department.aliases,
      level: LEVELS[department.level],
      county: null,
      counterpartOfId: null,
    });
    if (department.collective === true) {
      for (const county of workflow.counties) {
        departments.push({
          id: countyDepartmentId(department.id, county.id),
          name: `${county.name}人民政府`,
          aliases: [],
          level: "COUNTY",
          county: county.id,
          counterpartOfId: department.id,
        });
      }
      continue;
    }
    const counterpart = department.countyCounterpart;
    if (!counterpart || !workflow.plan.countiesImplement) continue;
    for (const county of workflow.counties) {
      departments.push({
        id: countyDepartmentId(department.id, county.id),
        name: countyDepartmentName(counterpart.name, county.name),
        aliases: counterpart.aliases.map((alias) => countyDepartmentName(alias, county.name)),
        level: "COUNTY",
        county: county.id,
        counterpartOfId: department.id,
      });
    }
  }
  return departments;
}

/**
 * Turns a validated workflow into what the database should hold: departments (with a county department
 * per county counterpart when county counterparts implement), sections, measures with their leads, and
 * one task per measure × lead department, plus one per measure × county counterpart of each lead. A
 * collective local government ("各县（市、区）人民政府") that leads gives one task per county instead, to
 * that county's government, where the workflow lists counties.
 */
export function expandWorkflow(workflow: Workflow, file: { path: string; hash: string }): DesiredPlanState {
  const resolve = (name: string): string => {
    const id = resolveDepartment(workflow.departments, name);
    if (id === null)
      throw new DomainError(
        "unknown_department",
        `unknown department "${name}" in ${file.path}: run \`duban validate ${file.path}\``,
      );
    return id;
  };
  const sections: DesiredSection[] = [];
  const measures: DesiredMeasure[] = [];
  const tasks: DesiredTask[] = [];
  const counterparts = new Set(workflow.departments.filter((d) => d.countyCounterpart).map((d) => d.id));
  const collectives = new Set(workflow.departments.filter((d) => d.collective === true).map((d) => d.id));
  for (const measure of workflow.measures) {
    const section = measure.section === null ? null : splitSection(measure.section);
    if (section && !sections.some((s) => s.label === section.label))
      sections.push({ ...section, position: sections.length + 1 });
    const leads: DesiredLead[] = measure.leads.map((name, position) => ({
      departmentId: resolve(name),
      position,
      role: "LEAD",
    }));
    for (const unit of measure.cooperating) {
      leads.push({ departmentId: resolve(unit.department), position: leads.length, role: "COOPERATE" });
    }
    measures.push({
      number: measure.number,
      label: measure.label,
      sectionLabel: section?.label ?? null,
      title: measure.title,
      text: measure.text,
      needsAssignment: measure.needsAssignment,
      basis: measure.basis ?? null,
      indicators: measure.indicators,
      leads,
    });
    for (const lead of leads.filter((l) => l.role === "LEAD")) {
      if (collectives.has(lead.departmentId) && workflow.counties.length > 0) {
        for (const county of workflow.counties) {
          tasks.push({
            measureNumber: measure.number,
            departmentId: countyDepartmentId(lead.departmentId, county.id),
            county: county.id,
            isPrimary: lead.position === 0,
          });
        }
        continue;
      }
      tasks.push({
        measureNumber: measure.number,
        departmentId: lead.departmentId,
        county: null,
        isPrimary: lead.position === 0,
      });
      if (!workflow.plan.countiesImplement || !counterparts.has(lead.departmentId)) continue;
      for (const county of workflow.counties) {
        const departmentId = countyDepartmentId(lead.departmentId, county.id);
        tasks.push({
          measureNumber: measure.number,
          departmentId,
          county: county.id,
          isPrimary: lead.position === 0,
        });
      }
    }
  }
  const { plan } = workflow;
  return {
    plan: {
      id: workflow.id,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      basisDocument: plan.basisDocument,
      timezone: workflow.timezone,
      countiesImplement: plan.countiesImplement,
      schedule: workflow.schedule ?? {},
      recipients: plan.recipients,
      copies: plan.copies,
      workflowFile: file.path,
      workflowHash: file.hash,
    },
    departments: expandDepartments(workflow),
    sections,
    measures,
    tasks,
  };
}
