import { z } from "zod";
import { isPlanTime } from "../time/plan-time.ts";

const planTime = z.string().refine(isPlanTime, { error: 'expected a time like "09:30" (24-hour HH:mm)' });
const isoWeekday = z
  .number()
  .int()
  .min(1, { error: "expected an ISO weekday, 1 (Monday) to 7 (Sunday)" })
  .max(7, { error: "expected an ISO weekday, 1 (Monday) to 7 (Sunday)" });
const workingDays = (min: number) => z.number().int().min(min).max(30);

const DigestSchema = z
  .object({
    /** ISO weekday of the weekly digest; moved to the next working day when that day is not one. */
    weekday: isoWeekday.default(1),
    time: planTime.default("09:00"),
    /** Chat channel the digest goes to; unset means the front end's default. */
    channel: z.string().trim().min(1).optional(),
  })
  .strict();

/**
 * When reports are due and how Duban chases them (催办 reminders, then 督办 escalation), in the plan's
 * timezone. A due day that is not a working day moves to the previous working day ("每月25日前报送"
 * means by the 25th): see cycleFor.
 */
export const ScheduleSchema = z
  .object({
    cycle: z.enum(["weekly", "monthly"]),
    /** monthly: day of the month 1-31 (clamped to the month's last day); weekly: ISO weekday 1-7. */
    dueDay: z.number().int().min(1).max(31),
    /** Reports after this time on the due day are late. */
    dueTime: planTime.default("18:00"),
    /** First reminder this many working days before the due day; 0 means no early reminder. */
    firstReminderWorkingDaysBefore: workingDays(0).default(3),
    /** Follow-ups (催办) this many working days after the due day. */
    followUpsOverdueWorkingDays: z
      .array(workingDays(1))
      .default([1, 3])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    /** Escalation (督办) to supervisors and the department's lead contact after this many working days overdue. */
    escalateAfterWorkingDaysOverdue: workingDays(1).default(5),
    /** Time of day for every reminder, follow-up and escalation. */
    reminderTime: planTime.default("09:30"),
    digest: DigestSchema.prefault({}),
  })
  .strict()
  .superRefine((schedule, context) => {
    if (schedule.cycle === "weekly" && schedule.dueDay > 7) {
      context.addIssue({
        code: "custom",
        path: ["dueDay"],
        message: "a weekly cycle's dueDay is an ISO weekday, 1 (Monday) to 7 (Sunday)",
      });
    }
  });

export type Schedule = z.infer<typeof ScheduleSchema>;
/** The schedule as written in a workflow file, before defaults. */
export type ScheduleInput = z.input<typeof ScheduleSchema>;
