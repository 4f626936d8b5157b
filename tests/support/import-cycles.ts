// Finds circular imports among the TypeScript files under a directory, using the TypeScript compiler's own
// parser and module resolution (the same NodeNext rules tsc applies, so `./x.js` resolves to `./x.ts`).
// Chosen over madge/dpdm: no new dependency, and no second resolver that could disagree with tsc.
// Static `import`/`export … from` count, type-only ones included (a type cycle still ties two modules
// together); a dynamic `import()` does not, since it loads lazily and cannot deadlock module evaluation.
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

function listTypeScriptFiles(directory: string, skip: (path: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) files.push(...listTypeScriptFiles(path, skip));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(path);
  }
  return files;
}

function staticImportSpecifiers(sourceFile: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of sourceFile.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** The import graph of the files under `root`: file -> files it imports (absolute paths). */
export function importGraph(
  root: string,
  skip: (path: string) => boolean = () => false,
): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
  };
  const files = listTypeScriptFiles(resolve(root), skip);
  const inGraph = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = ts.sys.readFile(file) ?? "";
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const targets = new Set<string>();
    for (const specifier of staticImportSpecifiers(sourceFile)) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule
        ?.resolvedFileName;
      if (resolved && inGraph.has(resolve(resolved))) targets.add(resolve(resolved));
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Every group of files that import each other (Tarjan's strongly connected components), relative to root. */
export function importCycles(root: string, skip?: (path: string) => boolean): string[][] {
  const graph = importGraph(root, skip);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (file: string): void => {
    index.set(file, counter);
    lowLink.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, lowLink.get(target) ?? 0));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (lowLink.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const importsItself = (graph.get(file) ?? []).includes(file);
      if (component.length > 1 || importsItself) {
        cycles.push(component.map((path) => relative(root, path)).sort());
      }
    }
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
