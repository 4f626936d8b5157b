import type ExcelJS from "exceljs";
import type { CellValue, SheetModel } from "../../domain/ledger/workbook-model.ts";
import type { WorkbookWriter } from "../../domain/ports/assessment.ts";
import { displayWidth as textWidth } from "../../shared/pad-to-width.ts";

const NUMBER_FORMATS: Record<string, string | undefined> = {
  datetime: "yyyy-mm-dd hh:mm",
  date: "yyyy-mm-dd",
  percent: "0.0%",
};
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** How wide a value shows, in Excel's character columns (a CJK character takes two). */
function displayWidth(value: CellValue, kind: string): number {
  if (value === null) return 0;
  if (value instanceof Date) return kind === "date" ? 10 : 16;
  if (typeof value === "object") return String(value.result).length;
  if (typeof value === "number") return kind === "percent" ? 7 : String(value).length;
  return Math.max(...value.split("\n").map((line) => textWidth(line)));
}

function addSheet(book: ExcelJS.Workbook, model: SheetModel): void {
  const headerRow = model.notes.length + 1;
  const sheet = book.addWorksheet(model.name, { views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }] });
  for (const note of model.notes) sheet.addRow([note]).font = { italic: true, color: { argb: "FF555555" } };
  const header = sheet.addRow(model.columns.map((column) => column.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  for (const values of model.rows) sheet.addRow(values);
  model.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    const format = NUMBER_FORMATS[column.kind];
    if (format !== undefined) {
      sheetColumn.eachCell((cell, row) => {
        if (row > headerRow) cell.numFmt = format;
      });
    }
    const widest = Math.max(
      textWidth(column.header),
      ...model.rows.map((row) => displayWidth(row[index] ?? null, column.kind)),
    );
    sheetColumn.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    if (widest > MAX_WIDTH) sheetColumn.alignment = { wrapText: true, vertical: "top" };
  });
  if (model.rows.length > 0) {
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: model.columns.length },
    };
  }
}

/**
 * WorkbookWriter on exceljs: Chinese headers in bold, header row frozen, columns as wide as their content.
 * exceljs is loaded on the first ledger written, not when a front end or the CLI starts.
 */
export function createXlsxWorkbookWriter(): WorkbookWriter {
  return {
    writeXlsx: async (model) => {
      const { default: ExcelJS } = await import("exceljs");
      const book = new ExcelJS.Workbook();
      book.creator = "Duban 督办";
      book.title = model.title;
      for (const sheet of model.sheets) addSheet(book, sheet);
      return new Uint8Array(await book.xlsx.writeBuffer());
    },
  };
}
