import { buildApprovalRequest } from "../../domain/messages/build-approval-messages.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { Person, ProgressReportRecord, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { Delivery } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { deliverDirectMessages } from "../messaging/deliver-direct-messages.ts";

/** Asks every supervisor but the reporter to approve (办结) or return a task reported 已完成. */
export async function requestApproval(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  reporter: Person,
  task: TaskRecord,
  report: ProgressReportRecord,
): Promise<Delivery[]> {
  const supervisors = (await deps.store.listSupervisors()).filter((person) => person.id !== reporter.id);
  return deliverDirectMessages(deps, {
    kind: "approval-request",
    actor: reporter.id,
    slot: `report:${report.id}`,
    messages: supervisors.map((recipient) => ({
      recipient,
      message: buildApprovalRequest(localeOf(recipient.locale), task, report, reporter.displayName),
      taskIds: [task.id],
    })),
    audits: [],
  });
}
