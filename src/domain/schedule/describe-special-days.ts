import { statutoryOnlyNote } from "../calendar/missing-notice.ts";
import type { DayInfo, WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { addDays, type PlanDate, weekdayName, yearOf } from "../time/plan-date.ts";

/** "Sat 2026-10-10 (调休 working day for 国庆节 National Day)", "Sun 2026-10-25 (weekend)". */
export function describeDay(info: DayInfo): string {
  const day = `${weekdayName(info.date)} ${info.date}`;
  switch (info.kind) {
    case "holiday":
      return `${day} (holiday: ${info.name})`;
    case "make-up-workday":
      return `${day} (调休 make-up working day for ${info.name})`;
    case "weekend":
      return `${day} (weekend)`;
    default:
      return day;
  }
}

/**
 * What a reader needs to follow a working-day count walked from `from` to `to` (either direction; `from`
 * excluded, `to` included, as in WorkingDayCalendar.workingDaysBetween): the holiday runs skipped, the
 * 调休 Saturdays/Sundays counted, and years whose notice is missing (statutory holidays only, 调休 unknown).
 */
export function describeSpecialDays(from: PlanDate, to: PlanDate, calendar: WorkingDayCalendar): string[] {
  if (from === to) return [];
  const [first, last] = from < to ? [addDays(from, 1), to] : [to, addDays(from, -1)];
  const notes: string[] = [];
  let run: { from: PlanDate; to: PlanDate; name: string } | undefined;
  const closeRun = () => {
    if (run === undefined) return;
    const span = run.from === run.to ? run.from : `${run.from}..${run.to.slice(5)}`;
    notes.push(`${span} ${run.name} skipped`);
    run = undefined;
  };
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const info = calendar.dayInfo(day);
    if (info.kind === "holiday" && run !== undefined && run.name === info.name) {
      run.to = day;
      continue;
    }
    closeRun();
    if (info.kind === "holiday") run = { from: day, to: day, name: info.name ?? "holiday" };
    if (info.kind === "make-up-workday") notes.push(`${weekdayName(day)} ${day} counted (调休 working day)`);
  }
  closeRun();
  for (let year = yearOf(first); year <= yearOf(last); year += 1) {
    if (!calendar.hasNotice(year)) notes.push(statutoryOnlyNote(year));
  }
  return notes;
}
