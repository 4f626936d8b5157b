import { hasEvidence } from "../evidence/report-evidence.ts";
import type { AssessedReport } from "./assessment-records.ts";

/**
 * What a report lacks to be complete (完整): what was done, the percent, the next steps (unless it reports
 * 已完成), the difficulty when it reports 受阻, and at least one piece of evidence (佐证材料: a link or a
 * file kept with it). Empty: complete.
 */
export function missingReportFields(
  report: Pick<
    AssessedReport,
    "status" | "percent" | "done" | "nextSteps" | "blocker" | "evidence" | "evidenceFiles"
  >,
): string[] {
  const blank = (text: string | null) => text === null || text.trim() === "";
  const finished = report.status === "AWAITING_APPROVAL" || report.status === "DONE";
  const missing: string[] = [];
  if (blank(report.done)) missing.push("工作进展");
  if (report.percent === null) missing.push("完成比例");
  if (!finished && blank(report.nextSteps)) missing.push("下一步计划");
  if (report.status === "BLOCKED" && blank(report.blocker)) missing.push("困难问题");
  if (!hasEvidence(report)) missing.push("佐证材料");
  return missing;
}
