import { pick } from "../../../domain/supervision/locale.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";

/** Messages `/inbox` shows in full; older ones are listed by their summary. */
const SHOWN_IN_FULL = 3;

/** `/inbox`: the DMs Duban sent the actor in this session, the latest in full with their buttons. */
export function showInbox(context: ShellContext): void {
  const { printer, session } = context;
  const received = context.mailbox.received(session.actor.person.id);
  const locale = actorLocale(context);
  if (received.length === 0) {
    printer.line(
      pick(locale, {
        zh: "本次会话中督办还没有给您发过私信。",
        en: "Duban has not sent you a DM in this session.",
      }),
    );
    return;
  }
  const older = received.slice(0, -SHOWN_IN_FULL);
  for (const mail of older) printer.line(printer.style.dim(`· ${mail.message.summary}`));
  printer.mails(received.slice(-SHOWN_IN_FULL), session.actor.person.id);
  context.mailbox.markRead(session.actor.person.id);
  printer.line(
    printer.style.dim(
      pick(locale, {
        zh: "直接输入文字即在最后一条私信的话题中回复。",
        en: "Type text to reply in the thread of the last one.",
      }),
    ),
  );
}
