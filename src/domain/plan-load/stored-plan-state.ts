import type {
  DesiredDepartment,
  DesiredLead,
  DesiredMeasure,
  DesiredPlan,
  DesiredSection,
  DesiredTask,
} from "./desired-plan-state.ts";

/** What the database holds for one plan (archived rows included), as `duban load` compares it. */
export interface StoredPlanState {
  plan: DesiredPlan | null;
  departments: (DesiredDepartment & { archived: boolean })[];
  sections: (DesiredSection & { archived: boolean })[];
  measures: (Omit<DesiredMeasure, "leads"> & {
    archived: boolean;
    leads: (DesiredLead & { archived: boolean })[];
  })[];
  tasks: (DesiredTask & { archived: boolean })[];
}
