import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory holding Duban's package.json, found by walking up from this module: the same answer from
 * src/ (tests, tsx), from the bundled build in dist/ (whatever chunk this code lands in) and from the release
 * package, so commands work from any working directory.
 */
function findProjectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, "package.json")) && existsSync(join(directory, "prisma")))
      return directory;
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error(`Duban's files (package.json, prisma/) not found above ${import.meta.url}`);
    directory = parent;
  }
}

/** Files that ship with Duban. */
export const PROJECT_ROOT = `${findProjectRoot()}/`;
export const MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma/migrations/");
export const SCHEMA_PATH = join(PROJECT_ROOT, "prisma/schema.prisma");
export const DEFAULT_CALENDAR_FILE = join(PROJECT_ROOT, "workflows/calendar/cn-workdays.yaml");
/** The web board's stylesheet and icon: the sources in a checkout, the build's copy in the release package. */
export const WEB_ASSETS_DIR = existsSync(join(PROJECT_ROOT, "src/adapters/web/assets"))
  ? join(PROJECT_ROOT, "src/adapters/web/assets")
  : join(PROJECT_ROOT, "dist/assets");
