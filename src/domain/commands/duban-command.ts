import type { DepartmentRefTarget } from "../addressing/resolve-department-ref.ts";
import type { MeasureRefTarget } from "../addressing/resolve-measure-ref.ts";
import type { AssessmentPeriod } from "../assessment/assessment-period.ts";
import type { Localized } from "../supervision/locale.ts";
import type { Role } from "../supervision/supervision-types.ts";
import type { ScheduleCommand } from "./parse-schedule-commands.ts";
import type { UserMention } from "./user-mention.ts";

/** The measures and departments commands can name. */
export interface CommandDirectory {
  measures: readonly MeasureRefTarget[];
  departments: readonly DepartmentRefTarget[];
}

/** "<measure> [部门]": the department is null when the command left it out (resolved later, in context). */
export interface TaskRef {
  measureNumber: number;
  departmentId: string | null;
}

export type CommandTarget =
  | { kind: "measure"; number: number }
  | { kind: "department"; id: string }
  | { kind: "overdue" };

/** A `/duban` command, read and its measures and departments resolved. */
export type DubanCommand =
  /** `help`, an empty command, or one that could not be read (`problem` says why). */
  | { kind: "help"; problem: Localized | null }
  | { kind: "tasks" }
  | { kind: "report"; measureNumber: number | null }
  | { kind: "status"; target: Exclude<CommandTarget, { kind: "overdue" }> | null }
  | { kind: "remind"; target: CommandTarget }
  | { kind: "assign"; departmentId: string; user: UserMention; role: Role | null }
  | { kind: "approve"; task: TaskRef }
  | { kind: "return"; task: TaskRef; reason: string | null }
  | { kind: "history"; measureNumber: number }
  /** 督查考核 (supervisors): the scorecard of a period, null meaning the current quarter. */
  | { kind: "assess"; period: AssessmentPeriod | null }
  /** The Excel ledger (台账) of a period (supervisors), null meaning every record. */
  | { kind: "export"; period: AssessmentPeriod | null }
  /** The web board: a personal sign-in link (`revoke` null), or end a person's web sessions (supervisors). */
  | { kind: "web"; revoke: UserMention | null }
  /** Schedules: snooze, absence, digest (parse-schedule-commands.ts). */
  | ScheduleCommand;
