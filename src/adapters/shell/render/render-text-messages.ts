import type {
  HelpMessage,
  HistoryMessage,
  NoticeMessage,
  UrgeSummaryMessage,
} from "../../../domain/messages/message-types.ts";
import { displayWidth, padToWidth } from "../../../shared/pad-to-width.ts";
import type { RenderContext } from "./render-context.ts";

const TONE_MARK: Record<NoticeMessage["tone"], string> = { info: "i", success: "✓", error: "✗" };

/** `/duban help`: the problem first (when a command could not be read), then usages in an aligned column. */
export function helpLines(message: HelpMessage, context: RenderContext): string[] {
  const { style } = context;
  const lines: string[] = [];
  if (message.problem !== null) lines.push(style.error(`✗ ${message.problem}`));
  lines.push(style.bold(message.title));
  const width = Math.max(0, ...message.commands.map((command) => displayWidth(command.usage)));
  for (const command of message.commands)
    lines.push(`  ${padToWidth(command.usage, width)}  ${command.description}`);
  lines.push(style.dim(message.footer));
  return lines;
}

/** A confirmation, refusal or "nothing to do": a mark, then its lines. */
export function noticeLines(message: NoticeMessage, context: RenderContext): string[] {
  const [first = message.summary, ...rest] = message.lines;
  const paint =
    message.tone === "error"
      ? context.style.error
      : message.tone === "success"
        ? context.style.success
        : String;
  return [paint(`${TONE_MARK[message.tone]} ${first}`), ...rest.map((line) => `  ${line}`)];
}

/** What a supervisor hears after urging. */
export function urgeSummaryLines(message: UrgeSummaryMessage, context: RenderContext): string[] {
  const [first = message.summary, ...rest] = message.lines;
  return [context.style.success(`✓ ${first}`), ...rest.map((line) => `  ${line}`)];
}

/** A measure's reports, newest first; withdrawn ones marked. */
export function historyLines(message: HistoryMessage, context: RenderContext): string[] {
  const { style } = context;
  if (message.entries.length === 0) return [style.bold(message.title), `  ${message.emptyText}`];
  const withdrawn = message.locale === "zh" ? "（已撤回）" : " (withdrawn)";
  return [
    style.bold(message.title),
    ...message.entries.map((entry) =>
      entry.withdrawn ? style.dim(`  ${entry.line}${withdrawn}`) : `  ${entry.line}`,
    ),
  ];
}
