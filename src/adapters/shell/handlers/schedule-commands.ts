import type { Firing } from "../../../domain/schedule/next-firings.ts";
import { type Locale, pick } from "../../../domain/supervision/locale.ts";
import { isoWeekday, isPlanDate } from "../../../domain/time/plan-date.ts";
import { isPlanTime, planDateTimeToInstant, toPlanDateTime } from "../../../domain/time/plan-time.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { showNewMail } from "./show-outcome.ts";

const WEEKDAYS = {
  zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** "2026-11-20 10:00 周五 (Asia/Shanghai)". */
export function formatPlanInstant(instant: Date, timeZone: string, locale: Locale): string {
  const { date, time } = toPlanDateTime(instant, timeZone);
  return `${date} ${time} ${WEEKDAYS[locale][isoWeekday(date) - 1]} (${timeZone})`;
}

function firingLine(firing: Firing, timeZone: string, locale: Locale): string {
  return `${formatPlanInstant(firing.instant, timeZone, locale)}  ${firing.kind}  ${firing.reason}`;
}

/** `/clock`: the plan's time now, and the next scheduled firing with its working-day reasoning. */
export async function showClock(context: ShellContext): Promise<void> {
  const { printer, plan } = context;
  const locale = actorLocale(context);
  const now = context.clock.now();
  printer.line(
    `${pick(locale, { zh: "方案时间：", en: "Plan time: " })}${formatPlanInstant(now, plan.timezone, locale)}`,
  );
  const [next] = await context.schedule.upcoming(now, 1);
  const label = pick(locale, { zh: "下一次定时任务：", en: "Next firing: " });
  printer.line(`${label}${next === undefined ? "-" : firingLine(next, plan.timezone, locale)}`);
}

/** `/clock set 2026-11-20 10:00`: sets the plan clock (plan time; the time defaults to 09:00). */
export async function setClock(context: ShellContext, when: string): Promise<void> {
  const [date = "", time = "09:00"] = when.trim().split(/\s+/);
  const { printer } = context;
  if (!isPlanDate(date) || !isPlanTime(time)) {
    const text = {
      zh: "用法：/clock set 2026-11-20 10:00（方案时区的日期和时间）",
      en: "Usage: /clock set 2026-11-20 10:00 (date and time in the plan's time zone)",
    };
    printer.line(printer.style.error(`✗ ${pick(actorLocale(context), text)}`));
    return;
  }
  context.clock.set(planDateTimeToInstant(date, time, context.plan.timezone));
  await showClock(context);
}

/**
 * `/tick [n]`: jumps the clock to the next scheduled firing and runs what is due (reminders, escalations,
 * the digest), showing what Duban sent; n times.
 */
export async function tick(context: ShellContext, times: number): Promise<void> {
  const { printer, plan } = context;
  const locale = actorLocale(context);
  for (let round = 0; round < times; round += 1) {
    // Strictly after now: whatever is due at or before now, runDue runs anyway.
    const [next] = await context.schedule.upcoming(new Date(context.clock.now().getTime() + 1), 1);
    if (next === undefined) {
      printer.line(pick(locale, { zh: "没有待执行的定时任务。", en: "Nothing is scheduled." }));
      return;
    }
    context.clock.set(next.instant);
    printer.line(printer.style.bold(`⏰ ${firingLine(next, plan.timezone, locale)}`));
    const runs = await context.schedule.runDue(context.clock.now());
    showNewMail(context);
    for (const run of runs) {
      const late = run.late ? pick(locale, { zh: "（补发）", en: " (late)" }) : "";
      printer.line(printer.style.dim(`  ${run.slot}${late}: ${run.outcome}, ${run.note}`));
    }
  }
}
