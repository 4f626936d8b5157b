import type { PersonStore } from "./person-store.ts";
import type { PlanDirectoryStore } from "./plan-directory-store.ts";
import type { ReminderStore } from "./reminder-store.ts";
import type { ReportStore } from "./report-store.ts";
import type { AbsenceStore, SnoozeStore } from "./schedule-store.ts";
import type { TaskStore } from "./task-store.ts";

/** Everything the supervision core keeps: people and contacts, the plan, tasks, reports, reminders. */
export type SupervisionStore = PersonStore &
  PlanDirectoryStore &
  TaskStore &
  ReportStore &
  ReminderStore &
  AbsenceStore &
  SnoozeStore;
