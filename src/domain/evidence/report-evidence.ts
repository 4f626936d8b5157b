/**
 * A file kept with a progress report as evidence (佐证材料), by reference: the chat platform keeps the bytes
 * (Slack: a file shared in a reminder's thread or added in the report form; the shell: `/attach <path>`).
 */
export interface EvidenceFile {
  /** The platform's file id (Slack: "F0123ABCD"; the shell: its own). */
  fileId: string;
  /** The file name as shared ("进展报告.pdf"). */
  name: string;
  /** The kind of file as the platform names it ("pdf", "png"), else from the name's extension; null if unknown. */
  filetype: string | null;
  mimetype: string | null;
  /** Where a reader opens it (Slack: the file's permalink; the shell: the kept copy); null if unknown. */
  permalink: string | null;
}

/** One piece of evidence: a link typed into the report, or a file kept with it. */
export type EvidenceItem =
  | { kind: "link"; url: string }
  | { kind: "file"; id: string; name: string; type: string | null; permalink: string | null };

/** A report's evidence, links first then files, as `duban status --json` and the ledger show it. */
export function evidenceItems(report: {
  evidence: readonly string[];
  evidenceFiles: readonly EvidenceFile[];
}): EvidenceItem[] {
  return [
    ...report.evidence.filter((url) => url.trim() !== "").map((url): EvidenceItem => ({ kind: "link", url })),
    ...report.evidenceFiles.map(
      (file): EvidenceItem => ({
        kind: "file",
        id: file.fileId,
        name: file.name,
        type: file.filetype,
        permalink: file.permalink,
      }),
    ),
  ];
}

/** Files count like links: a report has evidence when it has either. */
export function hasEvidence(report: {
  evidence: readonly string[];
  evidenceFiles: readonly EvidenceFile[];
}): boolean {
  return evidenceItems(report).length > 0;
}

/** Short words for each piece: a link as written, a file by its name ("进展报告.pdf"). */
export function evidenceLabels(report: {
  evidence: readonly string[];
  evidenceFiles: readonly EvidenceFile[];
}): string[] {
  return evidenceItems(report).map((item) => (item.kind === "link" ? item.url : item.name));
}

/** The files of `added` not already in `kept` (by file id), in order: a file shared twice is kept once. */
export function newEvidenceFiles(
  kept: readonly EvidenceFile[],
  added: readonly EvidenceFile[],
): EvidenceFile[] {
  const seen = new Set(kept.map((file) => file.fileId));
  return added.filter((file) => {
    if (seen.has(file.fileId)) return false;
    seen.add(file.fileId);
    return true;
  });
}

/** A file's type from its name when the platform gives none: "报告.PDF" -> "pdf"; null without an extension. */
export function filetypeFromName(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match?.[1] === undefined ? null : match[1].toLowerCase();
}
