import { evidenceLabels } from "../evidence/report-evidence.ts";
import type { ReportWithAuthor } from "../ports/supervision-store.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { MeasureInfo } from "../supervision/supervision-types.ts";
import { toPlanDateTime } from "../time/plan-time.ts";
import { excerpt, statusText } from "./build-task-item.ts";
import type { HistoryMessage } from "./message-types.ts";
import { colon } from "./message-words.ts";

/**
 * The reports of a measure, newest first: "2026-11-20 09:30 市农业农村局 张三：推进中 60%，…（佐证材料：进展报告.pdf）";
 * evidence files by name, links as written.
 */
export function buildHistoryMessage(
  locale: Locale,
  measure: Pick<MeasureInfo, "label" | "title">,
  reports: ReadonlyArray<ReportWithAuthor & { departmentName: string }>,
  timeZone: string,
): HistoryMessage {
  const title =
    pick(locale, { zh: "进展记录", en: "History" }) + colon(locale) + measure.label + measure.title;
  const withdrawnWord = pick(locale, { zh: "（已撤回）", en: " (withdrawn)" });
  const editedWord = pick(locale, { zh: "（已修改）", en: " (edited)" });
  const entries = reports.map((report) => {
    const { date, time } = toPlanDateTime(report.createdAt, timeZone);
    const marks = (report.withdrawnAt ? withdrawnWord : "") + (report.editedAt ? editedWord : "");
    const evidence = evidenceLabels(report);
    const evidenceText =
      evidence.length === 0
        ? ""
        : pick(locale, {
            zh: `（佐证材料：${excerpt(evidence.join("、"), 120)}）`,
            en: ` (evidence: ${excerpt(evidence.join(", "), 120)})`,
          });
    const what = `${statusText(report.status, report.percent, locale)}${locale === "zh" ? "，" : ", "}${excerpt(report.done, 80)}${evidenceText}`;
    return {
      at: report.createdAt,
      line: `${date} ${time} ${report.departmentName} ${report.authorName}${colon(locale)}${what}${marks}`,
      withdrawn: report.withdrawnAt !== null,
      edited: report.editedAt !== null,
    };
  });
  const emptyText = pick(locale, { zh: "该措施还没有进展记录。", en: "No reports for this measure yet." });
  return {
    kind: "history",
    locale,
    summary: entries.length === 0 ? emptyText : title,
    title,
    emptyText,
    entries,
  };
}
