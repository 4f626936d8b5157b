import type { WorkbookModel } from "../ledger/workbook-model.ts";

/** Turns a workbook model into .xlsx bytes (the exceljs adapter). */
export interface WorkbookWriter {
  writeXlsx(workbook: WorkbookModel): Promise<Uint8Array>;
}
