/** What the database should hold for one plan after `duban load`: the workflow file, resolved and expanded. */
export type DepartmentLevel = "PROVINCE" | "CITY" | "COUNTY";

export interface DesiredDepartment {
  id: string;
  name: string;
  aliases: string[];
  level: DepartmentLevel;
  /** County id for a county-level department. */
  county: string | null;
  counterpartOfId: string | null;
}

export interface DesiredSection {
  label: string;
  title: string;
  position: number;
}

export interface DesiredLead {
  departmentId: string;
  /** 0 = first listed = primary lead; cooperating units come after the leads. */
  position: number;
  role: "LEAD" | "COOPERATE";
}

export interface DesiredMeasure {
  number: number;
  label: string;
  sectionLabel: string | null;
  title: string;
  text: string;
  needsAssignment: boolean;
  basis: string | null;
  indicators: unknown[];
  leads: DesiredLead[];
}

export interface DesiredTask {
  measureNumber: number;
  departmentId: string;
  county: string | null;
  isPrimary: boolean;
}

export interface DesiredPlan {
  id: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  basisDocument: string | null;
  timezone: string;
  countiesImplement: boolean;
  /** The workflow's schedule with its defaults filled in, or {} when the workflow gives none. */
  schedule: Record<string, unknown>;
  recipients: string[];
  copies: string[];
  workflowFile: string;
  workflowHash: string;
}

export interface DesiredPlanState {
  plan: DesiredPlan;
  departments: DesiredDepartment[];
  sections: DesiredSection[];
  measures: DesiredMeasure[];
  tasks: DesiredTask[];
}

export function taskKey(task: Pick<DesiredTask, "measureNumber" | "departmentId">): string {
  return `${task.measureNumber}:${task.departmentId}`;
}
