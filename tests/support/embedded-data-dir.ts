import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteTemplate, type TemplateSeed } from "./database-templates.ts";

/**
 * A DUBAN_DATA_DIR holding an embedded database restored from a test template (migrated, or with the Nanyang
 * plan), for tests whose child processes or CLI runs open the embedded database themselves: seconds instead
 * of an initdb and every migration.
 */
export async function createEmbeddedDataDir(seed: TemplateSeed = "migrated"): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "duban-embedded-"));
  const pglite = await PGlite.create(join(dataDir, "pglite"), { loadDataDir: await pgliteTemplate(seed) });
  await pglite.close();
  return dataDir;
}
