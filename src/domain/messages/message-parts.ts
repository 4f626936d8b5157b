import type { StatusLight, StatusLightReason } from "../lights/status-light.ts";
import type { TaskStatus } from "../supervision/supervision-types.ts";
import type { PlanDate } from "../time/plan-date.ts";

// The parts several messages share (task lines, buttons, light counts, board sections). They live apart from
// message-types.ts so that schedule-message-types.ts can use them without importing the union back.

/** A button: what it does, on which record, and its label in the reader's language. */
export type MessageAction =
  | { kind: "report"; taskId: string; label: string } // open the report form
  | { kind: "edit_report"; taskId: string; reportId: string; label: string }
  | { kind: "approve"; taskId: string; label: string }
  | { kind: "return"; taskId: string; label: string }
  | { kind: "home_page"; page: number; label: string };

/** One task as a message shows it. */
export interface TaskItem {
  taskId: string;
  measure: { number: number; label: string; title: string };
  departmentName: string;
  status: TaskStatus;
  /** "推进中 60%" / "in progress 60%". */
  statusText: string;
  percent: number;
  light: StatusLight;
  lightReason: StatusLightReason;
  /** Why the light ("逾期" / "overdue"). */
  lightText: string;
  dueOn: PlanDate | null;
  /** The latest report, one line ("11-20 张三：推进中 60%，完成招标"), or null. */
  lastReport: string | null;
  actions: MessageAction[];
}

/** Counts of tasks per light. */
export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
}

/** One measure's line on the board. */
export interface BoardMeasure {
  number: number;
  label: string;
  title: string;
  counts: LightCounts;
  total: number;
}

/** The board's measures grouped by the plan's sections. */
export interface BoardSection {
  label: string;
  title: string;
  measures: BoardMeasure[];
}
