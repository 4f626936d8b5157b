import { resolve } from "node:path";
import type { Command } from "commander";
import type { AssessmentDeps } from "../../services/assessment/assessment-deps.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";
import { asOfClock, readPeriodOption } from "./period-options.ts";

interface AssessOptions {
  period?: string;
  asOf?: string;
  plan?: string;
  workflow?: string;
  json?: boolean;
  md?: boolean;
}

/** `duban assess --period 2026-Q4 [--json|--md]`: the scorecard (督查考核) of departments and counties. */
export function registerAssessCommand(program: Command, io: CliIo): void {
  program
    .command("assess")
    .description(
      "the assessment scorecard (督查考核) of departments and counties for a month, quarter or year",
    )
    .option(
      "--period <period>",
      "2026-11 (month), 2026-Q4 (quarter) or 2026 (year); default: the current quarter",
    )
    .option("--as-of <date>", "assess as at the end of this day (YYYY-MM-DD) instead of now")
    .option("--plan <id>", "the plan, when several are loaded")
    .option("--workflow <file>", "take the weights and rules from this workflow file instead of the plan's")
    .option("--json", "the whole scorecard as JSON, with the records behind every figure")
    .option("--md", "Markdown tables")
    .action(async (options: AssessOptions) => {
      const { createPrismaPlanDirectoryStore } = await import(
        "../../adapters/db/prisma-plan-directory-store.ts"
      );
      const { loadWorkflowFile } = await import("../../adapters/files/load-workflow-file.ts");
      const { DEFAULT_ASSESSMENT_RULES } = await import("../../domain/assessment/assessment-rules-schema.ts");
      const { computeScorecard } = await import("../../services/assessment/compute-scorecard.ts");
      const { scorecardMarkdown, scorecardText } = await import("../format/render-scorecard.ts");
      const period = readPeriodOption(options.period);
      const override =
        options.workflow === undefined
          ? undefined
          : await loadWorkflowFile(resolve(io.cwd, options.workflow), options.workflow);
      await withDatabase(io, "duban assess", async ({ db, core }) => {
        const { assessment, calendar } = await core();
        const deps: AssessmentDeps = {
          plans: createPrismaPlanDirectoryStore(db.prisma),
          assessment,
          clock: asOfClock(options.asOf, io.clock),
          calendar,
          planId: options.plan,
        };
        const rules = override && {
          rules: override.assessment ?? DEFAULT_ASSESSMENT_RULES,
          source: options.workflow as string,
        };
        const { scorecard, rulesSource } = await computeScorecard(deps, { period, rules });
        if (options.json === true) io.out(JSON.stringify({ ...scorecard, rulesSource }, null, 2));
        else
          for (const line of options.md === true ? scorecardMarkdown(scorecard) : scorecardText(scorecard))
            io.out(line);
        if (options.json !== true) io.out(`${options.md === true ? "\n" : ""}规则来源 rules: ${rulesSource}`);
      });
    });
}
