import type { AssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { pick } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withAssessment } from "./assessment-access.ts";
import { buildLedgerFile } from "./build-ledger-file.ts";

/**
 * `/duban export [期间]` (supervisors): the Excel ledger as an attachment of the outcome (Slack uploads it to the
 * requester; the shell saves it and shows the path), with a notice of what it holds.
 */
export function exportLedger(
  deps: SupervisionDeps,
  person: Person,
  period: AssessmentPeriod | null,
): Promise<CoreOutcome> {
  return withAssessment(
    deps,
    person,
    { zh: "导出台账", en: "export the ledger" },
    async (assessment, locale) => {
      const { file, counts, auditHead } = await buildLedgerFile(assessment, period);
      const head = auditHead.hash === null ? "—" : auditHead.hash.slice(0, 16);
      const line = pick(locale, {
        zh: `台账已生成：${file.name}（任务 ${counts.tasks} 条，进展 ${counts.reports} 条，催办 ${counts.reminders} 条；审计链头 ${head}…）`,
        en: `Ledger ready: ${file.name} (${counts.tasks} tasks, ${counts.reports} reports, ${counts.reminders} reminders; audit chain head ${head}…)`,
      });
      return outcome([buildNoticeMessage(locale, "success", [line])], { attachments: [file] });
    },
  );
}
