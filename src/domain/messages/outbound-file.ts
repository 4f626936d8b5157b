/** A file the core hands to a front end with its replies (Slack uploads it; the shell saves it and shows the path). */
export interface OutboundFile {
  /** File name with extension: "督办台账-nanyang-relocation-2021-2026-Q4.xlsx". */
  name: string;
  title: string;
  mimeType: string;
  bytes: Uint8Array;
}

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
