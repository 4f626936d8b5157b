import type { HomeView } from "../../domain/messages/home-view-types.ts";
import type { MessageAction, OutboundMessage } from "../../domain/messages/message-types.ts";
import { truncateToWidth } from "../../shared/pad-to-width.ts";
import type { RenderedText } from "./render/render-context.ts";
import { renderHomeView } from "./render/render-home-view.ts";
import { renderMessage } from "./render/render-message.ts";
import type { TextStyle } from "./render/text-style.ts";
import type { ShellMail } from "./shell-chat-notifier.ts";

/** More direct messages to others than this, sent by one action, are shown one line each. */
export const MAX_FULL_MAILS_TO_OTHERS = 3;
/** Widest a one-line summary of a DM to someone else is, in display columns. */
const SUMMARY_WIDTH = 72;

/**
 * Writes what Duban says to the terminal. Buttons the actor can press are numbered from 1 in each turn (one
 * command); at the end of a turn that showed some, they become the ones `/press <n>` presses.
 */
export interface ShellPrinter {
  style: TextStyle;
  line(text?: string): void;
  /** Messages only the actor sees (Slack: ephemeral), numbered buttons. */
  messages(messages: readonly OutboundMessage[]): void;
  home(view: HomeView): void;
  /**
   * Messages Duban just sent: DMs to the actor in full, buttons numbered; to others as "→ DM to …" (one line
   * each when there are many); channel posts (the digest) in full.
   */
  mails(mails: readonly ShellMail[], actorId: string): void;
  /** Starts a turn; `end` returns the buttons shown in it (null when none were). */
  beginTurn(): void;
  endTurn(): MessageAction[] | null;
}

const indent = (lines: readonly string[], by = "  ") =>
  lines.map((line) => (line === "" ? line : `${by}${line}`));

export function createShellPrinter(write: (text: string) => void, style: TextStyle): ShellPrinter {
  let shown: MessageAction[] = [];
  const line = (text = "") => write(`${text}\n`);
  const numbered = (render: (first: number) => RenderedText, by = "") => {
    const rendered = render(shown.length + 1);
    shown.push(...rendered.actions);
    for (const text of indent(rendered.lines, by)) line(text);
  };
  return {
    style,
    line,
    messages(messages) {
      for (const message of messages) numbered((first) => renderMessage(message, style, first));
    },
    home: (view) => numbered((first) => renderHomeView(view, style, first)),
    mails(mails, actorId) {
      const toOthers = mails.filter((mail) => mail.recipient !== null && mail.recipient.id !== actorId);
      const brief = toOthers.length > MAX_FULL_MAILS_TO_OTHERS;
      for (const mail of mails) {
        if (mail.recipient === null) {
          line(style.bold(`→ #${mail.channel}:`));
          for (const text of indent(renderMessage(mail.message, style, null).lines)) line(text);
          for (const note of mail.notes ?? []) line(`  ${style.dim(note)}`);
        } else if (mail.recipient.id === actorId) {
          line(style.bold("← DM from Duban:"));
          numbered((first) => renderMessage(mail.message, style, first), "  ");
        } else if (brief) {
          line(
            `${style.dim(`→ DM to ${mail.recipient.displayName}:`)} ${truncateToWidth(mail.message.summary, SUMMARY_WIDTH)}`,
          );
        } else {
          line(style.dim(`→ DM to ${mail.recipient.displayName}:`));
          for (const text of indent(renderMessage(mail.message, style, null).lines)) line(text);
        }
      }
      if (brief) line(style.dim(`  (${toOthers.length} DMs: /as <name>, then /inbox, shows one in full)`));
    },
    beginTurn: () => {
      shown = [];
    },
    endTurn: () => (shown.length === 0 ? null : shown),
  };
}
