import { cycleLabel, dayLabel } from "../schedule/reporting-cycles.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { TaskItem } from "./message-types.ts";
import { onBehalfSuffix, REPLY_HINT } from "./message-words.ts";
import type { ReminderMessage, ReminderRung } from "./schedule-message-types.ts";

/** What a reminder says besides its tasks; stored with each outbox row, so a message can be built when sent. */
export interface ReminderHeader {
  rung: ReminderRung;
  cycleKey: string;
  dueOn: PlanDate;
  dueTime: string;
  /** Working days left before the due day (first reminder) or overdue (follow-ups); 0 on the due day. */
  workingDays: number;
  onBehalfOf: string[];
  /** Offer the snooze button (the person has not snoozed this cycle yet). */
  snoozable: boolean;
}

/** A reminder lists at most this many tasks; the rest are counted. */
export const MAX_LISTED_TASKS = 40;

function texts(header: ReminderHeader, count: number, locale: Locale): { title: string; intro: string } {
  const cycle = cycleLabel(header.cycleKey, locale);
  const due = `${dayLabel(header.dueOn, locale)} ${header.dueTime}`;
  const days = header.workingDays;
  const plural = (n: number) => (n === 1 ? "" : "s");
  switch (header.rung) {
    case "first":
      return {
        title: pick(locale, { zh: `报送提醒：${cycle}`, en: `Reminder: report for ${cycle}` }),
        intro: pick(locale, {
          zh: `请于 ${due} 前报送以下 ${count} 项任务本期的进展（还有 ${days} 个工作日）。`,
          en: `Please report this cycle's progress on ${count} task${plural(count)} by ${due} (${days} working day${plural(days)} left).`,
        }),
      };
    case "due":
      return {
        title: pick(locale, { zh: `今日截止：${cycle}进展报送`, en: `Due today: report for ${cycle}` }),
        intro: pick(locale, {
          zh: `以下 ${count} 项任务本期的进展今天（${due}）截止报送，请及时报送。`,
          en: `This cycle's progress on ${count} task${plural(count)} is due today (${due}).`,
        }),
      };
    case "overdue":
      return {
        title: pick(locale, {
          zh: `催办：${cycle}进展已逾期 ${days} 个工作日`,
          en: `Follow-up (催办): ${cycle} report ${days} working day${plural(days)} overdue`,
        }),
        intro: pick(locale, {
          zh: `以下 ${count} 项任务本期进展截止于 ${due}，至今未报送，已逾期 ${days} 个工作日，请尽快报送。`,
          en: `${count} task${plural(count)} below were due ${due} and have not reported; ${days} working day${plural(days)} overdue. Please report soon.`,
        }),
      };
    case "snoozed":
      return {
        title: pick(locale, {
          zh: `稍后提醒：${cycle}进展报送`,
          en: `Snoozed reminder: report for ${cycle}`,
        }),
        intro: pick(locale, {
          zh: `您选择了推迟到今天提醒。以下 ${count} 项任务本期进展截止于 ${due}，尚未报送。`,
          en: `You asked to be reminded today. ${count} task${plural(count)} below, due ${due}, have not reported yet.`,
        }),
      };
  }
}

/** One DM to one person listing every task of theirs still to report in the cycle, with report buttons. */
export function buildReminderMessage(
  locale: Locale,
  header: ReminderHeader,
  tasks: readonly TaskItem[],
  totalTasks: number = tasks.length,
): ReminderMessage {
  const { title, intro } = texts(header, totalTasks, locale);
  const onBehalf = onBehalfSuffix(locale, header.onBehalfOf);
  const replyHint = pick(locale, REPLY_HINT);
  return {
    kind: "reminder",
    locale,
    summary: `${title}${onBehalf} — ${intro}`,
    rung: header.rung,
    title: `${title}${onBehalf}`,
    intro,
    cycleKey: header.cycleKey,
    dueOn: header.dueOn,
    tasks: tasks.slice(0, MAX_LISTED_TASKS),
    totalTasks,
    onBehalfOf: [...header.onBehalfOf],
    replyHint,
    snooze:
      header.snoozable && header.rung !== "snoozed"
        ? {
            cycleKey: header.cycleKey,
            label: pick(locale, { zh: "下个工作日再提醒", en: "Remind me next working day" }),
          }
        : null,
  };
}
