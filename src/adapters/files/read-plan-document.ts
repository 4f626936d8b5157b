import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import mammoth from "mammoth";
import { DomainError } from "../../domain/errors.ts";
import { decodeTextBytes } from "./decode-text-bytes.ts";

export interface PlanDocument {
  text: string;
  /** "UTF-8", "GB18030", "docx" ... */
  encoding: string;
  /** What a human should know about how it was read. */
  warnings: string[];
}

async function readBytes(path: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DomainError("file-not-found", `cannot read ${name}: no such file`);
    if (code === "EISDIR")
      throw new DomainError("file-is-directory", `cannot read ${name}: it is a directory`);
    if (code === "EACCES")
      throw new DomainError("file-not-readable", `cannot read ${name}: permission denied`);
    throw error;
  }
}

async function extractDocx(bytes: Buffer, name: string): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DomainError("plan-bad-docx", `cannot read ${name}: not a readable .docx file (${reason})`);
  }
}

/**
 * Reads a plan document: .docx through mammoth, anything else as text (UTF-8 or GB18030, detected).
 * `name` is how messages call the file (the path as the user typed it).
 */
export async function readPlanDocument(path: string, name = path): Promise<PlanDocument> {
  const extension = extname(path).toLowerCase();
  if (extension === ".doc" || extension === ".wps" || extension === ".pdf") {
    throw new DomainError(
      "plan-format",
      `cannot read ${name}: ${extension} files are not supported; save it as .docx or .txt`,
    );
  }
  const bytes = await readBytes(path, name);
  if (bytes.length === 0) throw new DomainError("plan-empty", `${name} is empty`);
  if (extension === ".docx") return { text: await extractDocx(bytes, name), encoding: "docx", warnings: [] };
  const decoded = decodeTextBytes(bytes, name);
  const warnings =
    decoded.encoding === "UTF-8" ? [] : [`read ${name} as ${decoded.encoding} (it is not UTF-8)`];
  return { text: decoded.text, encoding: decoded.encoding, warnings };
}
