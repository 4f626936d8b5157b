import { readFile, stat } from "node:fs/promises";
import {
  type Alias,
  type Document,
  isCollection,
  isPair,
  type LineCounter,
  parseDocument,
  visit,
} from "yaml";
import { DomainError } from "../../domain/errors.ts";
import { type DecodedText, decodeTextBytes } from "./decode-text-bytes.ts";

/**
 * What Duban reads of a YAML file (workflow files, the working-day calendar). Real files stay far below: the
 * Nanyang workflow is 34 KB, 5 levels deep, without aliases.
 */
export const YAML_LIMITS = {
  /** Bytes; a larger file is refused before it is read. */
  maxBytes: 1024 * 1024,
  /** Mappings and sequences inside each other; deeper documents are refused before they are walked. */
  maxDepth: 64,
  /**
   * The yaml package's own guard against alias expansion ("billion laughs"): `toJS({ maxAliasCount })`, default
   * 100, throws "Excessive alias count indicates a resource exhaustion attack" when an anchor's uses times the
   * aliases inside it exceed it (https://eemeli.org/yaml/#tojs-options). Caught here and told as one line.
   */
  maxAliasCount: 100,
};

/** A problem parsing a YAML file, at an offset in its text when known. */
export interface YamlProblem {
  message: string;
  offset: number | null;
}

type YamlFileKind = "workflow" | "calendar";

/** "1.0 MB" / "340 KB". */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * A YAML file's text, decoded like any text file Duban reads (UTF-8, or GB18030/GBK as Chinese offices save
 * it), so errors quote its lines readably. A missing file, a directory, a file over the size limit, binary
 * data or an unknown encoding is refused with one line naming the file.
 */
export async function readYamlText(path: string, name: string, kind: YamlFileKind): Promise<DecodedText> {
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > YAML_LIMITS.maxBytes) {
      throw new DomainError(
        "yaml-too-large",
        `${name} is ${formatSize(size)}, more than the ${formatSize(YAML_LIMITS.maxBytes)} a ${kind} file may be: is it the right file?`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DomainError("file-not-found", `cannot read ${name}: no such file`);
    if (code === "EISDIR")
      throw new DomainError("file-is-directory", `cannot read ${name}: it is a directory`);
    if (code === "EACCES")
      throw new DomainError("file-not-readable", `cannot read ${name}: permission denied`);
    throw error;
  }
  return decodeTextBytes(bytes, name, kind);
}

const TOO_DEEP = `nested more than ${YAML_LIMITS.maxDepth} levels deep (mappings and lists inside each other): not a file Duban reads`;

/** The first collection nested deeper than the limit, found without recursion (a deep document cannot overflow the stack). */
function findTooDeep(document: Document): { range?: [number, number, number] | null } | null {
  const stack: Array<[unknown, number]> = [[document.contents, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (!isCollection(node)) continue;
    if (depth > YAML_LIMITS.maxDepth) return node;
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return null;
}

/**
 * Parses YAML text: the document, or its problems (syntax, nesting beyond the limit), each with the offset
 * where it is. `lineCounter` then turns offsets into lines.
 */
export function parseYamlText(
  text: string,
  lineCounter: LineCounter,
): { document: Document; problems: YamlProblem[] } {
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { document: parseDocument(""), problems: [{ message: TOO_DEEP, offset: null }] };
  }
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      // the parser runs out of stack on very deep flow collections ([[[[...]]]]) and reports that as an error
      message: /call stack/i.test(error.message) ? TOO_DEEP : (error.message.split("\n")[0] ?? error.message),
      offset: error.pos[0],
    }));
    return { document, problems };
  }
  const tooDeep = findTooDeep(document);
  if (tooDeep !== null)
    return { document, problems: [{ message: TOO_DEEP, offset: tooDeep.range?.[0] ?? null }] };
  return { document, problems: [] };
}

/** Where the first alias is for which `wanted` holds (an alias bomb: any; an unresolved alias: that one). */
function aliasOffset(document: Document, wanted: (alias: Alias) => boolean): number | null {
  let offset: number | null = null;
  visit(document, {
    Alias: (_key, node) => {
      if (!wanted(node)) return undefined;
      offset = node.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The parsed document as plain data. Aliases that would expand past the limit are a problem at the first
 * alias; an alias to no anchor ("*x" before or without "&x") at that alias.
 */
export function yamlToData(document: Document): { data: unknown } | { problem: YamlProblem } {
  try {
    return { data: document.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    if (/excessive alias count/i.test(error.message)) {
      return {
        problem: {
          message: `its aliases (*name) expand to too much data (more than the ${YAML_LIMITS.maxAliasCount} alias expansions allowed): write the values out instead`,
          offset: aliasOffset(document, () => true),
        },
      };
    }
    const unresolved = (alias: Alias) => alias.resolve(document) === undefined;
    return {
      problem: {
        message: error.message.split("\n")[0] ?? error.message,
        offset: aliasOffset(document, unresolved),
      },
    };
  }
}
