import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import type { PlanTable } from "../../domain/plan-import/parse-task-table.ts";
import { decodeTextBytes } from "./decode-text-bytes.ts";
import { readDocxHtml } from "./read-docx-html.ts";

export interface PlanDocument {
  text: string;
  /** "UTF-8", "GB18030", "docx", "xlsx" ... */
  encoding: string;
  /** What a human should know about how it was read. */
  warnings: string[];
  /** The document's tables (a .docx's Word tables, an .xlsx's sheets): a task-division table among them becomes the measures. */
  tables: PlanTable[];
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

/** A .docx's text (paragraphs outside tables) and its tables. */
async function extractDocx(bytes: Buffer, name: string): Promise<{ text: string; tables: PlanTable[] }> {
  const { default: mammoth } = await import("mammoth"); // loaded for a .docx only, not whenever the CLI starts
  try {
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    if (!html.includes("<table"))
      return { text: (await mammoth.extractRawText({ buffer: bytes })).value, tables: [] };
    return readDocxHtml(html);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DomainError("plan-bad-docx", `cannot read ${name}: not a readable .docx file (${reason})`);
  }
}

/** Every worksheet of an .xlsx as a table of cell texts (a merged cell's text in each cell it covers). */
async function extractWorkbook(bytes: Buffer, name: string): Promise<PlanTable[]> {
  const { default: ExcelJS } = await import("exceljs"); // loaded for an .xlsx only, not whenever the CLI starts
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("plan-bad-xlsx", `cannot read ${name}: not a readable .xlsx workbook`);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.isMerged ? (cell.master.text ?? "") : (cell.text ?? "");
      });
      rows.push(Array.from(cells, (cell) => cell ?? ""));
    });
    return { name: `sheet ${sheet.name}`, rows };
  });
}

/**
 * Reads a plan document: .docx through mammoth (text and Word tables), .xlsx through exceljs (its
 * sheets as tables), anything else as text (UTF-8 or GB18030, detected). `name` is how messages call
 * the file (the path as the user typed it).
 */
export async function readPlanDocument(path: string, name = path): Promise<PlanDocument> {
  const extension = extname(path).toLowerCase();
  if (extension === ".doc" || extension === ".wps" || extension === ".pdf" || extension === ".xls") {
    throw new DomainError(
      "plan-format",
      `cannot read ${name}: ${extension} files are not supported; save it as .docx or .txt`,
    );
  }
  const bytes = await readBytes(path, name);
  if (bytes.length === 0) throw new DomainError("plan-empty", `${name} is empty`);
  if (extension === ".docx") return { ...(await extractDocx(bytes, name)), encoding: "docx", warnings: [] };
  if (extension === ".xlsx")
    return { text: "", encoding: "xlsx", warnings: [], tables: await extractWorkbook(bytes, name) };
  const decoded = decodeTextBytes(bytes, name);
  const warnings =
    decoded.encoding === "UTF-8" ? [] : [`read ${name} as ${decoded.encoding} (it is not UTF-8)`];
  return { text: decoded.text, encoding: decoded.encoding, warnings, tables: [] };
}
