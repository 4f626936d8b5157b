import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../../src");
const BOLT_MODULE = "adapters/slack/bolt.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Imports of "@slack/bolt" that load it at run time (an `import type` is erased by tsc). */
function valueImportsOfBolt(source: string): string[] {
  const statements = source.match(/^(?:import|export)\b[^;]*?from\s+["']@slack\/bolt["'];?/gms) ?? [];
  const bare = source.match(/^import\s+["']@slack\/bolt["'];?/gm) ?? [];
  const dynamic = source.match(/import\(\s*["']@slack\/bolt["']\s*\)/g) ?? [];
  return [...statements.filter((s) => !/^import\s+type\b/.test(s)), ...bare, ...dynamic];
}

describe("Bolt is loaded only through src/adapters/slack/bolt.ts", () => {
  it("the check sees a value import and ignores a type import", () => {
    expect(valueImportsOfBolt('import { App } from "@slack/bolt";')).toHaveLength(1);
    expect(valueImportsOfBolt('const bolt = await import("@slack/bolt");')).toHaveLength(1);
    expect(valueImportsOfBolt('import type { webApi } from "@slack/bolt";')).toEqual([]);
  });

  it("no other module imports @slack/bolt at run time (it would load the Socket Mode client and undici in HTTP mode)", () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => relative(SRC, file) !== BOLT_MODULE)
      .filter((file) => valueImportsOfBolt(readFileSync(file, "utf8")).length > 0)
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
