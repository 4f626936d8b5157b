import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { type ContactImportRow, readContactTable } from "../../domain/contacts/read-contact-table.ts";
import { DomainError } from "../../domain/errors.ts";
import { decodeTextBytes } from "./decode-text-bytes.ts";
import { parseCsv } from "./parse-csv.ts";

async function readBytes(path: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new DomainError("contacts-unreadable", `cannot read ${name}: ${reason}`);
  }
}

/** The first worksheet as rows of cell texts; row i of the sheet is table[i - 1] (empty rows kept empty). */
async function readWorksheet(bytes: Buffer, name: string): Promise<string[][]> {
  const { default: ExcelJS } = await import("exceljs"); // loaded for an .xlsx only, not whenever the CLI starts
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("contacts-unreadable", `${name} is not a readable .xlsx workbook`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new DomainError("contacts-unreadable", `${name} has no worksheet`);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? "";
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? "");
  });
  return Array.from(table, (row) => row ?? []);
}

/**
 * Reads a contacts file, .csv (UTF-8 or GBK, as Excel saves it) or .xlsx (the first worksheet), with the
 * headers 部门, 姓名, 邮箱, 角色 (or department, name, email, role). `name` is how messages call the file.
 */
export async function readContactsFile(path: string, name = path): Promise<ContactImportRow[]> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") {
    throw new DomainError("contacts-format", `${name}: give a .csv or .xlsx file`);
  }
  const bytes = await readBytes(path, name);
  const table =
    extension === ".csv"
      ? parseCsv(decodeTextBytes(bytes, name, "contacts").text)
      : await readWorksheet(bytes, name);
  return readContactTable(table, name);
}
