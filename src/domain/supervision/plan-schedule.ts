import { DomainError } from "../errors.ts";
import { type Schedule, ScheduleSchema } from "../schedule/schedule-schema.ts";

/**
 * The reporting schedule used while a plan has none: monthly, due on the 25th (每月25日前报送), with
 * ScheduleSchema's defaults for reminders and the digest.
 */
export const DEFAULT_PLAN_SCHEDULE: Schedule = ScheduleSchema.parse({ cycle: "monthly", dueDay: 25 });

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "object" && Object.keys(raw).length === 0);
}

/** The plan's stored schedule with defaults applied; an empty one means DEFAULT_PLAN_SCHEDULE. */
export function readPlanSchedule(raw: unknown): Schedule {
  if (isEmpty(raw)) return DEFAULT_PLAN_SCHEDULE;
  const parsed = ScheduleSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "schedule";
  throw new DomainError(
    "schedule-invalid",
    `The plan's schedule is invalid (${where}: ${issue?.message ?? "invalid"}): fix the workflow file and load it again`,
  );
}
