import type { CoreOutcome } from "../../../services/core-outcome.ts";
import type { ShellContext } from "../shell-context.ts";
import { fillReportForm } from "./fill-report-form.ts";

/** Shows the direct messages Duban sent since the last call; the actor's own are then read. */
export function showNewMail(context: ShellContext): void {
  const mails = context.mailbox.takeNew();
  if (mails.length === 0) return;
  const actorId = context.session.actor.person.id;
  context.printer.mails(mails, actorId);
  if (mails.some((mail) => mail.recipient?.id === actorId)) context.mailbox.markRead(actorId);
}

/** Shows what an action led to: the replies to the actor, the DMs it sent, and the form it opens (prompted). */
export async function showOutcome(context: ShellContext, outcome: CoreOutcome): Promise<void> {
  context.printer.messages(outcome.replies);
  showNewMail(context);
  if (outcome.openForm !== null) await fillReportForm(context, outcome.openForm);
}
