import type { Locale } from "../supervision/locale.ts";
import type { NoticeMessage } from "./message-types.ts";

/** A short answer to the actor: a confirmation, a refusal, or "nothing to do". */
export function buildNoticeMessage(
  locale: Locale,
  tone: NoticeMessage["tone"],
  lines: readonly string[],
): NoticeMessage {
  return { kind: "notice", locale, tone, summary: lines[0] ?? "", lines: [...lines] };
}
