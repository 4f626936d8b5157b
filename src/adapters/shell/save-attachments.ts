import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { OutboundFile } from "../../domain/messages/outbound-file.ts";

/** Most "<name> (n)<ext>" tried before giving up when a file of that name is already there. */
const MAX_COPIES = 100;

/** A file name safe on any file system: no folders, no characters Windows refuses. */
function safeName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, "/"))
    .replace(/[<>:"|?*]|\p{Cc}/gu, "_")
    .trim();
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "attachment" : cleaned;
}

/**
 * Saves a file Duban hands the actor (`/duban export`: the Excel ledger) in `directory`, created when missing,
 * and returns its path. An existing file is never overwritten: the copy is saved as "<name> (2).xlsx" and so on.
 */
export async function saveAttachment(file: OutboundFile, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const name = safeName(file.name);
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let copy = 1; copy <= MAX_COPIES; copy += 1) {
    const path = join(directory, copy === 1 ? name : `${stem} (${copy})${extension}`);
    try {
      await writeFile(path, file.bytes, { flag: "wx" });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new Error(`${MAX_COPIES} files named like ${name} are already in ${directory}`);
}
