import type { Command } from "commander";
import { loadWorkingDayCalendar } from "../../adapters/calendar/load-working-day-calendar.ts";
import { systemClock } from "../../adapters/clock/system-clock.ts";
import { createPrismaSupervisionStore } from "../../adapters/db/prisma-supervision-store.ts";
import { DomainError } from "../../domain/errors.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import { buildWeeklyDigest } from "../../services/schedule/build-weekly-digest.ts";
import type { CliIo } from "../cli-io.ts";
import { renderDigestMarkdown } from "../format/render-digest-markdown.ts";
import { withDatabase } from "../with-database.ts";

/** `duban digest --print [--en]`: this week's digest from the database, as Markdown on the terminal. */
export function registerDigestCommand(program: Command, io: CliIo): void {
  program
    .command("digest")
    .description("render the weekly digest from the database (posting is the bot's job: /duban digest)")
    .option("--print", "print it as Markdown")
    .option("--en", "in English (default Chinese)")
    .action(async (options: { print?: boolean; en?: boolean }) => {
      if (options.print !== true) {
        throw new DomainError(
          "usage",
          "duban digest only prints (add --print); the bot posts it: /duban digest",
        );
      }
      const calendar = await loadWorkingDayCalendar();
      await withDatabase(io, "duban digest", async ({ db }) => {
        const store = createPrismaSupervisionStore(db.prisma);
        const directory = await store.readPlanDirectory();
        if (directory === null)
          throw new DomainError("no-plan", "no plan is loaded yet: run duban load <workflow.yaml> first");
        const digest = await buildWeeklyDigest(store, {
          directory,
          schedule: readPlanSchedule(directory.schedule),
          calendar,
          now: systemClock.now(),
          locale: options.en === true ? "en" : "zh",
        });
        io.out(renderDigestMarkdown(digest));
      });
    });
}
