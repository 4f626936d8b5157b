import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

/** `duban load <workflow.yaml> [--dry-run]`: idempotent upsert of a workflow into the database. */
export function registerLoadCommand(program: Command, io: CliIo): void {
  program
    .command("load")
    .description("load a workflow file into the database: plan, departments, measures and tasks (idempotent)")
    .argument("<workflow>", "workflow file, e.g. workflows/nanyang-relocation-2021.yaml")
    .option("--dry-run", "show what would change without writing anything")
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { createPrismaPlanStore } = await import("../../adapters/db/prisma-plan-store.ts");
      const { loadWorkflowFile } = await import("../../adapters/files/load-workflow-file.ts");
      const { loadWorkflow } = await import("../../services/load-workflow.ts");
      const path = resolve(io.cwd, file);
      const workflow = await loadWorkflowFile(path);
      const hash = createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
      const shownPath = relative(io.cwd, path) || file;
      await withDatabase(io, "duban load", async ({ db }) => {
        const result = await loadWorkflow({
          workflow,
          file: { path: shownPath, hash },
          store: createPrismaPlanStore(db.prisma),
          dryRun: options.dryRun === true,
          actor: "cli",
          loadedAt: io.clock.now(),
        });
        const verb = options.dryRun ? "would change" : "changed";
        io.out(`plan ${result.planId} (${db.kind} database, ${db.location}): plan ${result.changes.plan}`);
        for (const [kind, c] of Object.entries(result.counts)) {
          io.out(
            `  ${kind.padEnd(12)} ${c.added} added, ${c.restored} restored, ${c.updated} updated, ${c.archived} archived`,
          );
        }
        if (options.dryRun) io.out("dry run: nothing was written");
        else
          io.out(
            result.written ? `${verb}: loaded` : "nothing changed: the database already holds this workflow",
          );
      });
    });
}
