import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";
import { asOfClock, readPeriodOption } from "./period-options.ts";

interface ExportOptions {
  xlsx?: string;
  period?: string;
  asOf?: string;
  plan?: string;
}

/** `duban export --xlsx <file> [--period 2026-Q4]`: the Excel ledger (督办台账). */
export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command("export")
    .description(
      "write the Excel ledger (督办台账): tasks, reports, reminders, the scorecard and the audit chain head",
    )
    .option("--xlsx <file>", "the .xlsx file to write")
    .option(
      "--period <period>",
      "reports and reminders of 2026-11, 2026-Q4 or 2026 only (the scorecard: that period)",
    )
    .option("--as-of <date>", "lights and scores as at the end of this day (YYYY-MM-DD)")
    .option("--plan <id>", "the plan, when several are loaded")
    .action(async (options: ExportOptions) => {
      const { createPrismaPlanDirectoryStore } = await import(
        "../../adapters/db/prisma-plan-directory-store.ts"
      );
      const { buildLedgerFile } = await import("../../services/assessment/build-ledger-file.ts");
      if (options.xlsx === undefined)
        throw new DomainError("usage", "export: give the file to write, e.g. --xlsx 台账.xlsx");
      const target = resolve(io.cwd, options.xlsx);
      const period = readPeriodOption(options.period);
      await withDatabase(io, "duban export", async ({ db, core }) => {
        const { assessment, calendar } = await core();
        const ledger = await buildLedgerFile(
          {
            plans: createPrismaPlanDirectoryStore(db.prisma),
            assessment,
            clock: asOfClock(options.asOf, io.clock),
            calendar,
            planId: options.plan,
          },
          period,
        );
        await writeFile(target, ledger.file.bytes);
        const { tasks, reports, reminders } = ledger.counts;
        io.out(`wrote ${options.xlsx}: ${tasks} tasks, ${reports} reports, ${reminders} reminders`);
        io.out(
          `audit chain: ${ledger.auditHead.events} events, head ${ledger.auditHead.hash ?? "(none yet)"}`,
        );
      });
    });
}
