import { isDomainError } from "../../domain/errors.ts";
import { actAs } from "./handlers/act-as.ts";
import { attachFile } from "./handlers/attach-file.ts";
import { pressAction } from "./handlers/press-action.ts";
import { setClock, showClock, tick } from "./handlers/schedule-commands.ts";
import { sendReply } from "./handlers/send-reply.ts";
import { showHome } from "./handlers/show-home.ts";
import { showInbox } from "./handlers/show-inbox.ts";
import { showNewMail, showOutcome } from "./handlers/show-outcome.ts";
import { showShellHelp } from "./handlers/show-shell-help.ts";
import { switchLanguage } from "./handlers/switch-language.ts";
import { parseShellLine, type ShellLine } from "./parse-shell-line.ts";
import { actorLocale, type ShellContext } from "./shell-context.ts";
import { shellWords, usageOf } from "./shell-words.ts";

async function run(context: ShellContext, line: Exclude<ShellLine, { kind: "quit" }>): Promise<void> {
  const words = shellWords(actorLocale(context));
  const { printer } = context;
  switch (line.kind) {
    case "empty":
      return;
    case "help":
      return showShellHelp(context);
    case "as":
      return actAs(context, line.who);
    case "duban":
      return showOutcome(context, await context.core.runCommand(context.session.actor.user, line.text));
    case "press":
      return pressAction(context, line.number);
    case "home":
      return showHome(context, line.page);
    case "inbox":
      return showInbox(context);
    case "clock":
      return showClock(context);
    case "clock_set":
      return setClock(context, line.when);
    case "tick":
      return tick(context, line.times);
    case "lang":
      return switchLanguage(context, line.locale);
    case "reply":
      return sendReply(context, line.text, line.thread);
    case "attach":
      return attachFile(context, line.path, line.text);
    case "usage":
      return printer.line(printer.style.error(`✗ ${words.usage(usageOf(line.command))}`));
    case "unknown":
      return printer.line(printer.style.error(`✗ ${words.unknown(line.command)}`));
  }
}

/** Sends the outbox's due messages (DMs not delivered at once, after their backoff); shown as new mail. */
async function deliverDue(context: ShellContext): Promise<void> {
  try {
    await context.schedule.deliverDue?.(context.clock.now());
  } catch (error) {
    context.logger.error({ err: error }, "shell: delivering the outbox failed; the next command tries again");
  }
}

/**
 * Runs one typed line as the current actor; returns false for `/quit`. A user's mistake is answered with one
 * line; anything unexpected is logged and answered with an apology, never a stack trace.
 */
export async function runShellLine(context: ShellContext, text: string): Promise<boolean> {
  const line = parseShellLine(text);
  if (line.kind === "quit") return false;
  const { printer } = context;
  printer.beginTurn();
  try {
    await run(context, line);
  } catch (error) {
    if (isDomainError(error)) printer.line(printer.style.error(`✗ ${error.userMessage}`));
    else {
      context.logger.error({ err: error, line: text }, "shell command failed");
      printer.line(printer.style.error(`✗ ${shellWords(actorLocale(context)).apology}`));
    }
  }
  await deliverDue(context);
  showNewMail(context);
  const shown = printer.endTurn();
  if (shown !== null) context.session.actions = shown;
  return true;
}
