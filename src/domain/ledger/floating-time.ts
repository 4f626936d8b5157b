import { toPlanDateTime } from "../time/plan-time.ts";

/** An instant as the plan's clock shows it, carried in a Date's UTC fields (see WorkbookModel). */
export function floatingTime(instant: Date | null, timeZone: string): Date | null {
  if (instant === null) return null;
  const { date, time } = toPlanDateTime(instant, timeZone);
  return new Date(`${date}T${time}:00.000Z`);
}

/** A plan date as a floating date at midnight. */
export function floatingDate(date: string | null): Date | null {
  return date === null ? null : new Date(`${date}T00:00:00.000Z`);
}
