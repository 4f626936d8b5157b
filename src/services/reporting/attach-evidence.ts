import { type EvidenceFile, newEvidenceFiles } from "../../domain/evidence/report-evidence.ts";
import { buildQuestionMessage } from "../../domain/messages/build-question-message.ts";
import { buildReportReceipt } from "../../domain/messages/build-report-receipt.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { findReplyTasks } from "./find-reply-tasks.ts";

/** How many of the tasks' latest reports are searched for the sender's own. */
const RECENT_REPORTS = 50;

/**
 * Files shared without words (a photo or a PDF dropped into a reminder's or a receipt's thread): kept as
 * evidence with the sender's latest report on the tasks the message can be about (the thread's tasks, else
 * their departments'), and a receipt says so. Files it already keeps are not added twice (a redelivery changes
 * nothing and gets no answer). With no report of theirs to keep them with, it asks for the progress and keeps
 * nothing.
 */
export async function attachEvidence(
  deps: Pick<SupervisionDeps, "store" | "clock">,
  person: Person,
  where: { channel: string; threadTs: string | null },
  files: readonly EvidenceFile[],
): Promise<CoreOutcome> {
  const locale = localeOf(person.locale);
  const tasks = await findReplyTasks(deps, person, { ...where, measureNumber: null });
  const reports = await deps.store.listReports(
    tasks.map((task) => task.id),
    { limit: RECENT_REPORTS },
  );
  const latest = reports.find((report) => report.authorId === person.id);
  const task: TaskRecord | undefined = tasks.find((candidate) => candidate.id === latest?.taskId);
  if (latest === undefined || task === undefined) {
    const names = files.map((file) => file.name).join("、");
    return outcome([
      buildQuestionMessage(
        locale,
        pick(locale, {
          zh: `收到文件“${names}”。请连同进展一起发送（如“（五）推进中 60%”并附上文件），文件将作为佐证材料保存。`,
          en: `Got "${names}". Send it together with the progress (e.g. "(5) in progress 60%" with the file attached) and it is kept as evidence.`,
        }),
      ),
    ]);
  }
  const added = newEvidenceFiles(latest.evidenceFiles, files);
  if (added.length === 0) return outcome([]);
  const now = deps.clock.now();
  await deps.store.addEvidenceFiles(latest.id, added, now, {
    actor: person.id,
    action: "report.evidence",
    subjectType: "report",
    subjectId: latest.id,
    before: { evidenceFiles: latest.evidenceFiles },
    after: { evidenceFiles: [...latest.evidenceFiles, ...added] },
    at: now,
  });
  const updated = { ...latest, evidenceFiles: [...latest.evidenceFiles, ...added] };
  return outcome([buildReportReceipt(locale, task, updated, { evidenceAdded: true })]);
}
