import { type Locale, pick } from "../supervision/locale.ts";
import type { TaskItem, UrgeMessage, UrgeSummaryMessage } from "./message-types.ts";
import { colon, REPLY_HINT } from "./message-words.ts";

/** 催办 DM to one contact: their tasks in the urged scope, each with a report button. */
export function buildUrgeMessage(
  locale: Locale,
  urge: { urgerName: string; scopeName: string; tasks: readonly TaskItem[] },
): UrgeMessage {
  const title = pick(locale, { zh: `催办：${urge.scopeName}`, en: `Reminder (催办): ${urge.scopeName}` });
  const count = urge.tasks.length;
  const intro = pick(locale, {
    zh: `${urge.urgerName} 请您尽快报送以下 ${count} 项任务的进展。`,
    en: `${urge.urgerName} asks you to report progress on ${count === 1 ? "this task" : `these ${count} tasks`} soon.`,
  });
  const replyHint = pick(locale, REPLY_HINT);
  return {
    kind: "urge",
    locale,
    summary: `${title} — ${intro}`,
    title,
    intro,
    tasks: [...urge.tasks],
    replyHint,
  };
}

/** Department names a summary line lists before "等" / "and N more"; the message's fields hold them all. */
const NAMES_SHOWN = 10;

/**
 * What the supervisor hears after urging: who was messaged, which departments have no contact, and whose DM
 * could not be delivered now (queued in the outbox, sent again automatically).
 */
export function buildUrgeSummaryMessage(
  locale: Locale,
  result: {
    scopeName: string;
    urged: UrgeSummaryMessage["urged"];
    unreachable: readonly string[];
    failed: readonly string[];
  },
): UrgeSummaryMessage {
  const people = new Set(result.urged.flatMap((entry) => entry.recipients)).size;
  const lines = [
    pick(locale, {
      zh: `已催办“${result.scopeName}”：${result.urged.length} 个部门，${people} 位联络员。`,
      en: `Urged "${result.scopeName}": ${result.urged.length} department(s), ${people} contact(s).`,
    }),
    ...result.urged.map(
      (entry) =>
        `${entry.departmentName}${colon(locale)}${entry.recipients.join(locale === "zh" ? "、" : ", ")}`,
    ),
  ];
  if (result.unreachable.length > 0) {
    const shown = result.unreachable.slice(0, NAMES_SHOWN);
    const more = result.unreachable.length - shown.length;
    lines.push(
      pick(locale, {
        zh: `无联络员、未能催办 ${result.unreachable.length} 个部门：${shown.join("、")}${more > 0 ? " 等" : ""}（请用 /duban assign 指派）`,
        en: `No contact, not urged (${result.unreachable.length}): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""} (assign one with /duban assign)`,
      }),
    );
  }
  if (result.failed.length > 0) {
    const sent = Math.max(0, people - result.failed.length);
    lines.push(
      pick(locale, {
        zh: `已送达 ${sent} 位；${result.failed.length} 位暂未送达，已排队自动重发（只发一次）：${result.failed.join("、")}`,
        en: `Delivered to ${sent}; not delivered yet to ${result.failed.length}, queued to be sent again automatically (once): ${result.failed.join(", ")}`,
      }),
    );
  }
  return {
    kind: "urge_summary",
    locale,
    summary: lines[0] as string,
    lines,
    urged: result.urged,
    unreachable: [...result.unreachable],
    failed: [...result.failed],
  };
}
