import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

/**
 * Line and column (1-based) of the node at `path` in a parsed YAML document. When the path goes past
 * what the file holds (a missing key), the deepest node that exists is given; `atKey` points at a
 * mapping key rather than its value (for keys that should not be there).
 */
export function locateYamlPath(
  document: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  atKey = false,
): { line: number; column: number } | null {
  let node: Node | null = document.contents;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      const last = index === path.length - 1;
      const next = (last && atKey) || pair.value === null ? pair.key : pair.value;
      node = (next as Node | null) ?? node;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      node = node.items[segment] as Node;
    } else {
      break;
    }
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return null;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}
