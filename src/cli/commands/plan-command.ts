import type { Command } from "commander";
import type { PlanOverview } from "../../adapters/db/read-plan-overview.ts";
import { padToWidth, truncateToWidth } from "../../shared/pad-to-width.ts";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

function renderPlanTable(overview: PlanOverview): string[] {
  const lines = [`${overview.title} (${overview.id})`, ""];
  let section: string | null = null;
  for (const m of overview.measures) {
    if (m.section !== section) {
      section = m.section;
      if (section) lines.push(section);
    }
    const leads = m.leads
      .map((l) => `${l.department}${l.primary ? "*" : ""}${l.role === "COOPERATE" ? "(配合)" : ""}`)
      .join("、");
    const who = leads === "" ? "— needs assignment" : leads;
    const counties = m.countyTasks > 0 ? `  +${m.countyTasks} county tasks` : "";
    lines.push(
      `  ${padToWidth(m.label, 10)}${padToWidth(truncateToWidth(m.title, 34), 36)}${who}${counties}`,
    );
  }
  lines.push("", "* primary lead (first listed)");
  return lines;
}

/** `duban plan [--json]`: the measure -> departments table, from the database. */
export function registerPlanCommand(program: Command, io: CliIo): void {
  program
    .command("plan")
    .description("print the measure -> lead departments table of a loaded plan")
    .option("--plan <id>", "the plan, when several are loaded")
    .option("--json", "print JSON instead of a table")
    .action(async (options: { plan?: string; json?: boolean }) => {
      const { choosePlanId, readPlanOverview } = await import("../../adapters/db/read-plan-overview.ts");
      await withDatabase(io, "duban plan", async ({ db }) => {
        const overview = await readPlanOverview(db.prisma, await choosePlanId(db.prisma, options.plan));
        if (options.json) io.out(JSON.stringify(overview, null, 2));
        else for (const line of renderPlanTable(overview)) io.out(line);
      });
    });
}
