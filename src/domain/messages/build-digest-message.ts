import type { DigestFacts } from "../digest/classify-digest-tasks.ts";
import { cycleLabel, dayLabel } from "../schedule/reporting-cycles.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import { toPlanDateTime } from "../time/plan-time.ts";
import type { DigestEntry, DigestList, DigestMessage } from "./schedule-message-types.ts";

/** What a digest carries besides its facts: the chart's data and the period's praise and lagging lists. */
export type DigestExtras = Pick<DigestMessage, "chart" | "assessment">;

export const NO_DIGEST_EXTRAS: DigestExtras = { chart: null, assessment: null };

/** Each digest list keeps at most this many entries (the rest counted), so a digest stays a few messages long. */
export const MAX_DIGEST_ENTRIES = 300;

export interface DigestHeading {
  planTitle: string;
  weekKey: string;
  /** The digest's time (its firing, or now for `/duban digest`). */
  asOf: Date;
  timeZone: string;
  /** When it was due, if it is posted late (补发). */
  dueAt: Date | null;
  /** A year that counts statutory holidays only (yearMissingNotice): the footer says so. Default none. */
  statutoryOnlyYear?: number | null;
}

/** The digest footer's line about a year without its State Council notice. */
function calendarNote(locale: Locale, year: number | null | undefined): string | null {
  if (year === null || year === undefined) return null;
  return pick(locale, {
    zh: `日历提示：${year}年的国务院节假日安排通知尚未导入，该年工作日暂只按法定节假日计算（调休未知）；请管理员导入：duban calendar import <通知.txt|.docx>`,
    en: `Calendar: ${year}: statutory holidays only, 调休 not yet known — an admin should add the State Council notice (duban calendar import <notice.txt|.docx>)`,
  });
}

function list(title: string, entries: readonly DigestEntry[]): DigestList {
  return {
    title,
    entries: entries
      .slice(0, MAX_DIGEST_ENTRIES)
      .map(({ measureLabel, measureTitle, departmentName, detail }) => ({
        measureLabel,
        measureTitle,
        departmentName,
        detail,
      })),
    total: entries.length,
  };
}

function at(instant: Date, timeZone: string, locale: Locale): string {
  const { date, time } = toPlanDateTime(instant, timeZone);
  return `${dayLabel(date, locale)} ${time}`;
}

/** The weekly digest (周报) from its facts, in the readers' language; a late one says 补发 / late. */
export function buildDigestMessage(
  locale: Locale,
  heading: DigestHeading,
  facts: DigestFacts,
  extras: DigestExtras = NO_DIGEST_EXTRAS,
): DigestMessage {
  const week = heading.weekKey;
  const title = pick(locale, {
    zh: `督办周报：${heading.planTitle}（${week}）`,
    en: `Weekly digest: ${heading.planTitle} (${week})`,
  });
  const lateNote =
    heading.dueAt === null
      ? null
      : pick(locale, {
          zh: `补发：本周报原定 ${at(heading.dueAt, heading.timeZone, locale)} 发布，因督办当时未运行而延后。`,
          en: `Late (补发): this digest was due ${at(heading.dueAt, heading.timeZone, locale)}; Duban was not running then.`,
        });
  const cycle = cycleLabel(facts.cycleKey, locale);
  const longest = facts.overdue[0]?.days ?? 0;
  const highlights = [
    pick(locale, {
      zh: `本期（${cycle}，${dayLabel(facts.dueOn, locale)}截止）：${facts.reported.length} 个部门已报送，${facts.notReported.length} 个部门未报送`,
      en: `This cycle (${cycle}, due ${dayLabel(facts.dueOn, locale)}): ${facts.reported.length} department(s) reported, ${facts.notReported.length} not yet`,
    }),
    pick(locale, {
      zh: `逾期 ${facts.overdue.length} 项${longest > 0 ? `（最长 ${longest} 个工作日）` : ""}；受阻 ${facts.blocked.length} 项`,
      en: `Overdue: ${facts.overdue.length}${longest > 0 ? ` (longest ${longest} working days)` : ""}; blocked: ${facts.blocked.length}`,
    }),
    pick(locale, {
      zh: `本周报告完成 ${facts.completed.length} 项，办结 ${facts.approved.length} 项`,
      en: `This week: ${facts.completed.length} reported done, ${facts.approved.length} approved (办结)`,
    }),
  ];
  const lateMark = lateNote === null ? "" : pick(locale, { zh: "【补发】", en: "[late 补发] " });
  return {
    kind: "digest",
    locale,
    summary: `${lateMark}${title} — ${highlights.join("；")}`,
    title,
    weekKey: week,
    cycleKey: facts.cycleKey,
    dueOn: facts.dueOn,
    lateNote,
    asOf: pick(locale, {
      zh: `截至 ${at(heading.asOf, heading.timeZone, locale)}`,
      en: `As of ${at(heading.asOf, heading.timeZone, locale)}`,
    }),
    totals: facts.totals,
    taskCount: facts.taskCount,
    sections: facts.sections,
    reported: {
      title: pick(locale, { zh: "本期已报送的部门", en: "Departments that reported this cycle" }),
      departments: facts.reported,
    },
    notReported: {
      title: pick(locale, { zh: "本期未报送的部门", en: "Departments that have not reported this cycle" }),
      departments: facts.notReported,
    },
    overdue: list(pick(locale, { zh: "逾期任务", en: "Overdue tasks" }), facts.overdue),
    blocked: list(pick(locale, { zh: "受阻任务", en: "Blocked tasks" }), facts.blocked),
    completed: list(pick(locale, { zh: "本周报告完成", en: "Reported done this week" }), facts.completed),
    approved: list(pick(locale, { zh: "本周办结", en: "Approved (办结) this week" }), facts.approved),
    highlights,
    chart: extras.chart,
    assessment: extras.assessment,
    calendarNote: calendarNote(locale, heading.statutoryOnlyYear),
  };
}
