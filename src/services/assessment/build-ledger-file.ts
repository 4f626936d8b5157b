import type { AssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import { buildLedgerWorkbook } from "../../domain/ledger/build-ledger-workbook.ts";
import { type OutboundFile, XLSX_MIME_TYPE } from "../../domain/messages/outbound-file.ts";
import { assessTask } from "../../domain/supervision/assess-task.ts";
import type { AssessmentDeps } from "./assessment-deps.ts";
import { computeScorecard } from "./compute-scorecard.ts";

export interface LedgerFile {
  file: OutboundFile;
  counts: { tasks: number; reports: number; reminders: number };
  auditHead: { events: number; hash: string | null };
}

/**
 * The Excel ledger (督办台账) of the plan: every task, the reports and reminders of the period (all when
 * `period` is null), the period's scorecard (the current quarter's when null) and the audit chain head.
 */
export async function buildLedgerFile(
  deps: AssessmentDeps,
  period: AssessmentPeriod | null,
): Promise<LedgerFile> {
  const computed = await computeScorecard(deps, { period });
  const { scorecard, history, directory, schedule } = computed;
  const light = {
    schedule,
    calendar: deps.calendar,
    timeZone: directory.timezone,
    now: scorecard.generatedAt,
  };
  const lights = new Map(history.tasks.map((task) => [task.id, assessTask(task, light)]));
  const auditHead = await deps.assessment.store.readAuditChainHead();
  const workbook = buildLedgerWorkbook({
    plan: { id: directory.planId, title: directory.title, timeZone: directory.timezone },
    period,
    history,
    lights,
    scorecard,
    auditHead,
    rulesSource: computed.rulesSource,
    generatedAt: scorecard.generatedAt,
  });
  const bytes = await deps.assessment.workbookWriter.writeXlsx(workbook);
  const [tasks, reports, reminders] = workbook.sheets.map((sheet) => sheet.rows.length);
  const scope = period?.key ?? "全部";
  return {
    file: {
      name: `督办台账-${directory.planId}-${scope}.xlsx`,
      title: `督办台账 ${period?.labelZh ?? "全部记录"}`,
      mimeType: XLSX_MIME_TYPE,
      bytes,
    },
    counts: { tasks: tasks ?? 0, reports: reports ?? 0, reminders: reminders ?? 0 },
    auditHead,
  };
}
