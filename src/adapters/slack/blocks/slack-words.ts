import type { LightCounts } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { lightEmoji } from "./task-blocks.ts";

/** The few words only the Slack rendering needs (lines that stand for what did not fit). */
export const slackWords = {
  moreTasks: (locale: Locale, hidden: number) =>
    locale === "zh"
      ? `_…还有 ${hidden} 项未列出：在 App Home（督办）查看全部，或用 \`/duban status <措施|部门>\` 缩小范围。_`
      : `_…and ${hidden} more not shown: see them all in Duban's App Home, or narrow with \`/duban status <measure|department>\`._`,
  moreLines: (locale: Locale, hidden: number) =>
    locale === "zh" ? `_…还有 ${hidden} 项未列出_` : `_…and ${hidden} more not shown_`,
  moreEntries: (locale: Locale, hidden: number) =>
    locale === "zh" ? `_…还有 ${hidden} 条更早的记录未列出。_` : `_…and ${hidden} older entries not shown._`,
  moreOnHome: (locale: Locale, hidden: number) =>
    locale === "zh"
      ? `_…本页还有 ${hidden} 项未列出，请翻页。_`
      : `_…${hidden} more on this page not shown; turn the page._`,
  overBudget: (locale: Locale) =>
    locale === "zh"
      ? "_…消息太长，其余内容未列出：在 App Home（督办）查看，或用 `/duban status <措施|部门>` 缩小范围。_"
      : "_…the message is too long to show the rest: see Duban's App Home, or narrow with `/duban status <measure|department>`._",
  overdue: { zh: "逾期", en: "Overdue" },
  blocked: { zh: "受阻", en: "Blocked" },
  awaitingApproval: { zh: "待审核办结", en: "Awaiting approval" },
  page: (locale: Locale, page: number, pageCount: number) =>
    locale === "zh" ? `第 ${page}/${pageCount} 页` : `Page ${page} of ${pageCount}`,
  none: { zh: "无", en: "none" },
} as const;

/** ":large_green_circle: 3  :large_yellow_circle: 1  :red_circle: 2". */
export function lightCountsMrkdwn(counts: LightCounts): string {
  return (["green", "yellow", "red"] as const)
    .map((light) => `${lightEmoji(light)} ${counts[light]}`)
    .join("  ");
}
