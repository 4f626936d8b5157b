import type { ParsedPlan } from "../plan-import/plan-types.ts";
import { buildDirectory } from "./build-directory.ts";
import type { Workflow, WorkflowDepartment } from "./workflow-schema.ts";

export interface BuildWorkflowOptions {
  /** The workflow id (ASCII slug), usually the file name: "nanyang-relocation-2021". */
  id: string;
  /** The source document, relative to the repository. */
  source: string;
  /** A department directory to reuse, e.g. from another workflow of the same city. */
  departments?: readonly WorkflowDepartment[];
  counties?: Workflow["counties"];
}

/** Turns a parsed plan into a workflow file's content: plan metadata, department directory, measures. */
export function buildWorkflow(
  parsed: ParsedPlan,
  options: BuildWorkflowOptions,
): { workflow: Workflow; warnings: string[] } {
  const { plan } = parsed;
  const names = parsed.measures.flatMap((measure) => [
    ...measure.leadDepartments,
    ...measure.cooperatingDepartments.map((unit) => unit.name),
    ...measure.suggestedDepartments,
  ]);
  const directory = buildDirectory({
    names,
    recipients: plan.recipients,
    countiesImplement: plan.countiesImplement,
    existing: options.departments ?? [],
  });
  const counties = options.counties ?? [];
  const warnings = [...directory.warnings];
  if (plan.countiesImplement && counties.length === 0) {
    warnings.push("county counterparts implement the measures: list the county-level units under counties");
  }
  const workflow: Workflow = {
    version: 1,
    id: options.id,
    plan: {
      title: plan.title,
      ...(plan.documentNumber === null ? {} : { documentNumber: plan.documentNumber }),
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      basisDocument: plan.basisDocument,
      basisTitle: plan.basisTitle,
      source: options.source,
      countiesImplement: plan.countiesImplement,
      numbering: plan.numbering,
      recipients: plan.recipients,
      copies: plan.copies,
    },
    timezone: "Asia/Shanghai",
    counties,
    departments: directory.departments,
    measures: parsed.measures.map((measure) => ({
      number: measure.number,
      label: measure.label,
      section: measure.section,
      ...(measure.group === null ? {} : { group: measure.group }),
      title: measure.title,
      text: measure.text,
      leads: measure.leadDepartments,
      cooperating: measure.cooperatingDepartments.map((unit) => ({ department: unit.name, role: unit.role })),
      needsAssignment: measure.needsAssignment,
      suggestedLeads: measure.suggestedDepartments,
      indicators: measure.indicators,
      ...(measure.note === null ? {} : { note: measure.note }),
      ...(measure.timeLimit === null ? {} : { timeLimit: measure.timeLimit }),
      ...(measure.deadline === null ? {} : { deadline: measure.deadline }),
    })),
  };
  return { workflow, warnings };
}
