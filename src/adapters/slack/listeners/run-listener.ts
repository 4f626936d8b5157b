import { isDomainError } from "../../../domain/errors.ts";
import { buildNoticeMessage } from "../../../domain/messages/build-notice-message.ts";
import type { OutboundMessage } from "../../../domain/messages/message-types.ts";
import { localeOf, pick } from "../../../domain/supervision/locale.ts";
import type { ListenerDeps } from "./listener-deps.ts";

const APOLOGY = {
  zh: "抱歉，督办暂时出了问题，这次操作没有完成，请稍后再试。",
  en: "Sorry, Duban ran into a problem and could not finish this; please try again shortly.",
};

export interface ListenerRun {
  /** The listener, for the log ("command", "report_button" ...). */
  what: string;
  /** The Slack user acting. */
  userId: string;
  /** Shows a message to that user only (ephemeral, or their DM with the bot). */
  tell(message: OutboundMessage): Promise<unknown>;
}

/**
 * Runs a listener's work after its ack: a DomainError becomes a message only the user sees; anything else is
 * logged once, here at the edge, and the user gets a short apology. Never throws.
 */
export async function runListener(
  deps: ListenerDeps,
  run: ListenerRun,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isDomainError(error))
      deps.logger.error({ err: error, listener: run.what, user: run.userId }, "Slack listener failed");
    const locale = localeOf((await deps.profiles.chatUser(run.userId)).locale);
    const text = isDomainError(error) ? error.userMessage : pick(locale, APOLOGY);
    await run.tell(buildNoticeMessage(locale, "error", [text])).catch((tellError: unknown) => {
      deps.logger.warn(
        { err: tellError, listener: run.what, user: run.userId },
        "could not tell the user about a failure",
      );
    });
  }
}

/** The apology, for surfaces that show it elsewhere (a modal's field error). */
export function apologyText(locale: string | null | undefined): string {
  return pick(localeOf(locale), APOLOGY);
}
