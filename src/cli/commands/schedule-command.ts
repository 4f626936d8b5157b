import type { Command } from "commander";
import {
  IMPORT_NOTICE_COMMAND,
  statutoryOnlyNote,
  yearMissingNotice,
} from "../../domain/calendar/missing-notice.ts";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import { type PlanDate, weekdayName, yearOf } from "../../domain/time/plan-date.ts";
import { toPlanDateTime } from "../../domain/time/plan-time.ts";
import { padToWidth } from "../../shared/pad-to-width.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

const notFromHere = () => Promise.reject(new Error("the CLI sends nothing"));

/** The years without a notice from today to the last firing listed (and next year from 1 November). */
function statutoryOnlyYears(
  today: PlanDate,
  firings: readonly Firing[],
  timeZone: string,
  calendar: WorkingDayCalendar,
): number[] {
  const last = firings.at(-1);
  const lastYear = last === undefined ? yearOf(today) : yearOf(toPlanDateTime(last.instant, timeZone).date);
  const years = new Set<number>();
  const warned = yearMissingNotice(calendar, today);
  if (warned !== null) years.add(warned);
  for (let year = yearOf(today); year <= lastYear; year += 1) if (!calendar.hasNotice(year)) years.add(year);
  return [...years].sort((a, b) => a - b);
}

function firingLine(firing: Firing, timeZone: string): string {
  const { date, time } = toPlanDateTime(firing.instant, timeZone);
  const warning = firing.calendarCovered ? "" : "  ⚠ statutory holidays only";
  return `${date} ${weekdayName(date)} ${time}  ${padToWidth(firing.kind, 11)}${padToWidth(firing.slot, 30)}${firing.reason}${warning}`;
}

/** `duban schedule [--count n] [--json]`: the next firings with their working-day reasoning, and the outbox. */
export function registerScheduleCommand(program: Command, io: CliIo): void {
  program
    .command("schedule")
    .description("the next scheduled reminders, escalations and digests, with their working-day reasoning")
    .option("--count <n>", "how many firings (default 10)", "10")
    .option("--json", "print JSON for scripts")
    .action(async (options: { count: string; json?: boolean }) => {
      const { createScheduleRunner } = await import("../../services/schedule/create-schedule-runner.ts");
      const { readLoadedPlan } = await import("../read-loaded-plan.ts");
      const count = Number(options.count);
      if (!Number.isInteger(count) || count < 1 || count > 200) {
        throw new DomainError("usage", "--count takes a whole number from 1 to 200");
      }
      await withDatabase(io, "duban schedule", async ({ core }) => {
        const { store, schedules, calendar } = await core();
        const directory = await readLoadedPlan(store);
        const runner = createScheduleRunner({
          store,
          schedules,
          calendar,
          notifier: { sendDirectMessage: notFromHere },
          digestPublisher: { publish: notFromHere },
        });
        const now = io.clock.now();
        const firings = await runner.upcoming(now, count);
        const outbox = await schedules.countOutbox();
        if (options.json === true) {
          io.out(
            JSON.stringify(
              { planId: directory.planId, timezone: directory.timezone, firings, outbox },
              null,
              2,
            ),
          );
          return;
        }
        const { date, time } = toPlanDateTime(now, directory.timezone);
        io.out(
          `${directory.title} (${directory.planId}), ${directory.timezone}; now ${date} ${weekdayName(date)} ${time}`,
        );
        io.out(
          `calendar: workflows/calendar/cn-workdays.yaml has the State Council notices for ${calendar.noticeYears.join(", ")}`,
        );
        for (const year of statutoryOnlyYears(date, firings, directory.timezone, calendar))
          io.out(`⚠ ${statutoryOnlyNote(year)}: ${IMPORT_NOTICE_COMMAND}`);
        io.out("");
        for (const firing of firings) io.out(firingLine(firing, directory.timezone));
        io.out("");
        io.out(
          `outbox: ${outbox.pending} pending, ${outbox.sent} sent, ${outbox.closed} dropped, ${outbox.inDoubt} in doubt`,
        );
        const reconciled = outbox.reconciledFound + outbox.reconciledResent;
        if (reconciled > 0)
          io.out(
            `reconciled after a crash: ${reconciled} (${outbox.reconciledFound} found in Slack and marked sent, ${outbox.reconciledResent} not found and sent again)`,
          );
      });
    });
}
