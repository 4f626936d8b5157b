import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";
import { asOfClock } from "./period-options.ts";

interface DigestOptions {
  print?: boolean;
  chart?: string;
  en?: boolean;
  asOf?: string;
}

/**
 * `duban digest --print [--chart <file.png>] [--en] [--as-of <date>]`: this week's digest from the database, as
 * Markdown on the terminal, and its chart as a PNG file.
 */
export function registerDigestCommand(program: Command, io: CliIo): void {
  program
    .command("digest")
    .description("render the weekly digest from the database (posting is the bot's job: /duban digest)")
    .option("--print", "print it as Markdown")
    .option("--chart <file>", "write its chart (status by section, 8 weeks of reported / overdue) as a PNG")
    .option("--en", "in English (default Chinese)")
    .option("--as-of <date>", "as at the end of this day (YYYY-MM-DD) instead of now")
    .action(async (options: DigestOptions) => {
      const { digestChartFile } = await import("../../adapters/charts/digest-chart-file.ts");
      const { readPlanSchedule } = await import("../../domain/supervision/plan-schedule.ts");
      const { buildDigestExtras } = await import("../../services/schedule/build-digest-extras.ts");
      const { buildWeeklyDigest } = await import("../../services/schedule/build-weekly-digest.ts");
      const { renderDigestMarkdown } = await import("../format/render-digest-markdown.ts");
      const { readLoadedPlan } = await import("../read-loaded-plan.ts");
      if (options.print !== true && options.chart === undefined) {
        throw new DomainError(
          "usage",
          "duban digest only renders (add --print, or --chart <file.png>); the bot posts it: /duban digest",
        );
      }
      const now = asOfClock(options.asOf, io.clock).now();
      await withDatabase(io, "duban digest", async ({ core }) => {
        const { store, calendar, assessment } = await core();
        const directory = await readLoadedPlan(store);
        const request = {
          directory,
          schedule: readPlanSchedule(directory.schedule),
          calendar,
          now,
          locale: options.en === true ? ("en" as const) : ("zh" as const),
        };
        const extras = await buildDigestExtras(assessment, request, (error) =>
          io.err(
            `duban digest: no chart or assessment lists: ${error instanceof Error ? error.message : error}`,
          ),
        );
        const digest = await buildWeeklyDigest(store, { ...request, extras });
        if (options.print === true) io.out(renderDigestMarkdown(digest));
        if (options.chart !== undefined) {
          const file = await digestChartFile(digest);
          if (file === null) throw new DomainError("no-chart", "duban digest: the chart could not be drawn");
          await writeFile(resolve(io.cwd, options.chart), file.bytes);
          io.out(`wrote the chart to ${options.chart} (${file.bytes.byteLength} bytes)`);
        }
      });
    });
}
