import { buildApprovalResult } from "../../domain/messages/build-approval-messages.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { Delivery } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { deliverDirectMessages } from "../messaging/deliver-direct-messages.ts";

/** Tells the contacts of the task's department that it was approved (办结) or returned, with the reason. */
export async function notifyApprovalResult(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  supervisor: Person,
  task: TaskRecord,
  result: { outcome: "approved" | "returned"; reason: string | null },
): Promise<Delivery[]> {
  const contacts = await deps.store.listContacts([task.department.id]);
  const recipients = contacts
    .map((contact) => contact.person)
    .filter((person) => person.id !== supervisor.id && canReportFor(person, task.department.id));
  return deliverDirectMessages(deps, {
    kind: "approval-result",
    actor: supervisor.id,
    slot: `task:${task.id}`,
    messages: recipients.map((recipient) => ({
      recipient,
      message: buildApprovalResult(localeOf(recipient.locale), task, {
        ...result,
        supervisorName: supervisor.displayName,
      }),
      taskIds: [task.id],
    })),
    audits: [],
  });
}
