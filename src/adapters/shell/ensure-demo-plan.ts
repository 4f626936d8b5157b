import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { PlanDirectoryStore } from "../../domain/ports/supervision-store.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { loadWorkflow } from "../../services/plans/load-workflow.ts";
import { PROJECT_ROOT } from "../../shared/project-paths.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { createPrismaPlanStore } from "../db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../files/load-workflow-file.ts";

/** The plan the shell loads into an empty database: Nanyang's 2021 relocation follow-up plan. */
export const DEMO_WORKFLOW_PATH = join(PROJECT_ROOT, "workflows", "nanyang-relocation-2021.yaml");

/**
 * The loaded plan; when the database has none, loads the Nanyang workflow first (as `duban load` would),
 * stamped `loadedAt` (the shell's plan clock).
 */
export async function ensureDemoPlan(
  prisma: PrismaClient,
  directory: PlanDirectoryStore,
  onLoad: (path: string) => void,
  loadedAt: Date,
): Promise<PlanDirectory> {
  const found = await directory.readPlanDirectory();
  if (found !== null) return found;
  const shownPath = relative(PROJECT_ROOT, DEMO_WORKFLOW_PATH);
  onLoad(shownPath);
  const workflow = await loadWorkflowFile(DEMO_WORKFLOW_PATH, shownPath);
  const hash = createHash("sha256")
    .update(await readFile(DEMO_WORKFLOW_PATH))
    .digest("hex");
  const store = createPrismaPlanStore(prisma);
  try {
    await loadWorkflow({
      workflow,
      file: { path: shownPath, hash },
      store,
      dryRun: false,
      actor: "shell",
      loadedAt,
    });
  } catch (error) {
    // Another process starting at the same time may have loaded it first: use theirs.
    const loadedMeanwhile = await directory.readPlanDirectory();
    if (loadedMeanwhile !== null) return loadedMeanwhile;
    throw error;
  }
  const loaded = await directory.readPlanDirectory();
  if (loaded === null) throw new Error(`loading ${shownPath} left no plan in the database`);
  return loaded;
}
