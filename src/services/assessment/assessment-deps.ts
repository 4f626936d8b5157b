import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import type {
  AssessmentStore,
  WorkbookWriter,
  WorkflowSettingsReader,
} from "../../domain/ports/assessment.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { PlanDirectoryStore } from "../../domain/ports/supervision-store.ts";

/** What the assessment adds to the supervision core's dependencies (createAssessmentPorts wires them). */
export interface AssessmentPorts {
  store: AssessmentStore;
  settings: WorkflowSettingsReader;
  workbookWriter: WorkbookWriter;
}

/** What the assessment use cases need. */
export interface AssessmentDeps {
  plans: PlanDirectoryStore;
  assessment: AssessmentPorts;
  clock: Clock;
  calendar: WorkingDayCalendar;
  /** The plan; default: the most recently loaded one. */
  planId?: string | undefined;
}
