/**
 * A workbook as data, written to .xlsx by an adapter. Date cells carry plan-local wall-clock time in the
 * Date's UTC fields ("floating" times: Excel cells have no time zone), made by `floatingTime`.
 */
export type CellValue = string | number | Date | null | { formula: string; result: number };

export interface SheetColumn {
  header: string;
  kind: "text" | "number" | "percent" | "datetime" | "date";
}

export interface SheetModel {
  name: string;
  /** Lines above the header row (a formula written out, a note); the header row and these stay frozen. */
  notes: string[];
  columns: SheetColumn[];
  rows: CellValue[][];
}

export interface WorkbookModel {
  title: string;
  sheets: SheetModel[];
}

/** The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
