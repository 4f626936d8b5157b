import { z } from "zod";
import { isPlanDate } from "../../domain/time/plan-date.ts";

const planDate = z.string().refine(isPlanDate, { error: "expected a date written YYYY-MM-DD" });

const HolidaySpanSchema = z
  .object({
    name: z.string().trim().min(1),
    from: planDate,
    /** Last day off, inclusive; omitted for a one-day holiday. */
    to: planDate.optional(),
  })
  .refine((span) => span.to === undefined || span.to >= span.from, { error: "`to` is before `from`" });

const MakeUpWorkdaySchema = z.object({
  date: planDate,
  /** The holiday this Saturday or Sunday is worked for. */
  for: z.string().trim().min(1),
});

const YearSchema = z.object({
  /** Title of the State Council notice (国务院办公厅关于…年部分节假日安排的通知). */
  notice: z.string().trim().min(1),
  /** Where the notice was read (gov.cn URL) and how it was checked. */
  source: z.string().trim().min(1),
  holidays: z.array(HolidaySpanSchema),
  makeUpWorkdays: z.array(MakeUpWorkdaySchema).default([]),
});

/** The operator-maintained calendar file, workflows/calendar/cn-workdays.yaml. */
export const CalendarFileSchema = z.object({
  years: z.record(z.string().regex(/^\d{4}$/, { error: "expected a year like 2026" }), YearSchema),
});

export type CalendarFile = z.infer<typeof CalendarFileSchema>;
export type CalendarYear = z.infer<typeof YearSchema>;
