import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { cleanPersonInput, isOnlyControlCharacters } from "../../domain/text/control-characters.ts";
import type { IncomingReply } from "../reporting/record-reply.ts";
import { type CoreOutcome, outcome } from "./core-outcome.ts";

type AnyMethod = (...args: unknown[]) => unknown;

/** The one core method that refuses, rather than cleans, a text made only of control characters. */
interface RefusingMethods {
  recordReply(reply: IncomingReply): Promise<CoreOutcome>;
}

const ONLY_CONTROL_CHARACTERS = {
  zh: "您的消息只包含不可见的控制字符，没有可读的内容，未作记录。请重新输入进展，例如“（五）推进中 60%”。",
  en: 'Your message held only invisible control characters, nothing readable, so nothing was recorded. Please type your progress again, e.g. "(5) in progress 60%".',
};

/**
 * One argument cleaned. A form submission's `values` are left to the form's validation (validateReportForm),
 * which removes the same characters and gives a field made only of them a field error.
 */
function cleanArgument(argument: unknown): unknown {
  if (
    typeof argument !== "object" ||
    argument === null ||
    Array.isArray(argument) ||
    !Object.hasOwn(argument, "values")
  )
    return cleanPersonInput(argument);
  const { values, ...rest } = argument as { values: unknown };
  return { ...cleanPersonInput(rest), values };
}

/**
 * The supervision core behind one boundary for what people send it: every string in every argument of every
 * method (replies, DMs, `/duban` text, names and e-mails from the chat platform, contacts rows, ids from
 * buttons) loses its control characters (see control-characters.ts) before any use case, and so any database
 * call, sees it; form fields lose them in the form's validation. A new message (reply or DM) made only of
 * control characters is refused with a notice saying so, since removing them would leave nothing the person
 * meant (an edit made only of them is read as an empty edit: a question, the report unchanged). Methods added
 * to the core later are covered without listing them here.
 */
export function withCleanInput<Core extends RefusingMethods>(core: Core): Core {
  const cleaned = Object.fromEntries(
    Object.entries(core).map(([name, method]) => [
      name,
      typeof method === "function"
        ? (...args: unknown[]) => (method as AnyMethod)(...args.map(cleanArgument))
        : method,
    ]),
  ) as unknown as Core;
  return {
    ...cleaned,
    recordReply: async (reply: IncomingReply) => {
      if (!isOnlyControlCharacters(reply.text)) return cleaned.recordReply(reply);
      const locale = localeOf(reply.user.locale);
      return outcome([buildNoticeMessage(locale, "error", [pick(locale, ONLY_CONTROL_CHARACTERS)])]);
    },
  };
}
