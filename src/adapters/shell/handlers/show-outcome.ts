import { pick } from "../../../domain/supervision/locale.ts";
import type { CoreOutcome } from "../../../services/core/core-outcome.ts";
import { saveAttachment } from "../save-attachments.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { fillReportForm } from "./fill-report-form.ts";

/** Shows the direct messages Duban sent since the last call; the actor's own are then read. */
export function showNewMail(context: ShellContext): void {
  const mails = context.mailbox.takeNew();
  if (mails.length === 0) return;
  const actorId = context.session.actor.person.id;
  context.printer.mails(mails, actorId);
  if (mails.some((mail) => mail.recipient?.id === actorId)) context.mailbox.markRead(actorId);
}

/** Saves the files of an outcome (Slack would upload them) in the exports folder and prints where each went. */
async function saveAttachments(context: ShellContext, files: NonNullable<CoreOutcome["attachments"]>) {
  const { printer } = context;
  const locale = actorLocale(context);
  for (const file of files) {
    try {
      const path = await saveAttachment(file, context.exportsDir);
      printer.line(
        printer.style.success(pick(locale, { zh: `✓ 文件已保存：${path}`, en: `✓ File saved: ${path}` })),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      printer.line(
        printer.style.error(
          pick(locale, {
            zh: `✗ 无法保存文件 ${file.name}：${reason}`,
            en: `✗ Could not save ${file.name}: ${reason}`,
          }),
        ),
      );
    }
  }
}

/**
 * Shows what an action led to: the replies to the actor, the files for them (saved, their paths printed), the
 * DMs it sent, and the form it opens (prompted).
 */
export async function showOutcome(context: ShellContext, outcome: CoreOutcome): Promise<void> {
  context.printer.messages(outcome.replies);
  if (outcome.attachments !== undefined) await saveAttachments(context, outcome.attachments);
  showNewMail(context);
  if (outcome.openForm === null) return;
  // The form's own outcome is shown here, so fill-report-form need not import this file back.
  const stored = await fillReportForm(context, outcome.openForm);
  if (stored !== null) await showOutcome(context, stored);
}
