import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCycles } from "../../support/import-cycles.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const fixtureRoot = mkdtempSync(join(tmpdir(), "duban-cycles-"));
afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

function writeFixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(fixtureRoot, "case-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("import cycles", () => {
  it("finds a cycle through a type-only import and an export-from, and ignores a dynamic import", () => {
    const root = writeFixture({
      "a.ts": 'import type { B } from "./sub/b.js";\nexport type A = { b?: B };\n',
      "sub/b.ts": 'export { c } from "./c.js";\nexport type B = number;\n',
      "sub/c.ts": 'import type { A } from "../a.js";\nexport const c = (a: A) => a;\n',
      "lazy.ts": 'export const load = () => import("./lazy-back.js");\n',
      "lazy-back.ts": 'import { load } from "./lazy.js";\nexport const again = load;\n',
    });
    expect(importCycles(root)).toEqual([["a.ts", "sub/b.ts", "sub/c.ts"]]);
  });

  it("finds none in an acyclic tree", () => {
    const root = writeFixture({
      "a.ts": 'import { b } from "./b.js";\nexport const a = b;\n',
      "b.ts": "export const b = 1;\n",
    });
    expect(importCycles(root)).toEqual([]);
  });

  it("src has no circular imports", () => {
    const generated = resolve(repoRoot, "src/adapters/db/generated");
    expect(importCycles(resolve(repoRoot, "src"), (path) => path.startsWith(generated))).toEqual([]);
  });
});
