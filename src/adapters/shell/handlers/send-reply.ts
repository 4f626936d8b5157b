import type { ShellContext } from "../shell-context.ts";
import { showOutcome } from "./show-outcome.ts";

/**
 * Free text typed as the actor: a reply in the thread of the last DM Duban sent them (as in Slack, Duban reads
 * it against the tasks that DM listed), or with `thread: "none"` (or no DM yet) a DM to Duban.
 */
export async function sendReply(context: ShellContext, text: string, thread: "last" | "none"): Promise<void> {
  const { actor } = context.session;
  const last = thread === "last" ? context.mailbox.lastReceived(actor.person.id) : null;
  const outcome = await context.core.recordReply({
    user: actor.user,
    text,
    channel: context.ids.dmChannel(actor.person),
    ts: context.ids.nextTs(),
    threadTs: last?.ref.ts ?? null,
    eventId: context.ids.nextEventId(),
    source: "SHELL",
  });
  await showOutcome(context, outcome);
}
