import type { UserMention } from "../../domain/commands/user-mention.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import {
  cycleBeingReminded,
  cycleLabel,
  cycleOfKey,
  dayLabel,
} from "../../domain/schedule/reporting-cycles.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { planDateTimeToInstant, toPlanDate } from "../../domain/time/plan-time.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { findKnownPerson } from "./find-known-person.ts";

/**
 * Puts a cycle's reminders off to the next working day at the reminder time, once per cycle: the person gets
 * one reminder then (a snoozed reminder, or the ladder's own when one falls that day). A contact snoozes
 * their own reminders (the button, `/duban snooze`); a supervisor may snooze anyone's (`/duban snooze @user`).
 */
export async function snoozeReminder(
  deps: Pick<SupervisionDeps, "store" | "clock" | "calendar">,
  actor: Person,
  context: PlanContext,
  request: { user: UserMention | null; cycleKey: string | null },
): Promise<CoreOutcome> {
  const target = request.user === null ? actor : await findKnownPerson(deps, actor, request.user);
  if (target.id !== actor.id)
    requireSupervisor(actor, { zh: "为他人推迟提醒", en: "snooze someone else's reminders" });
  const locale = localeOf(actor.locale);
  const schedule = readPlanSchedule(context.directory.schedule);
  const timeZone = context.directory.timezone;
  const now = deps.clock.now();
  const today = toPlanDate(now, timeZone);
  const cycle =
    request.cycleKey === null
      ? cycleBeingReminded(today, schedule, deps.calendar)
      : cycleOfKey(request.cycleKey, schedule, deps.calendar);
  const until = deps.calendar.nextWorkingDay(today);
  const untilAt = planDateTimeToInstant(until, schedule.reminderTime, timeZone);
  const created = await deps.store.createSnooze(
    { planId: context.directory.planId, personId: target.id, cycleKey: cycle.key, untilAt },
    { actor: actor.id, action: "reminder.snooze", subjectType: "person", subjectId: target.id, at: now },
  );
  const cycleName = cycleLabel(cycle.key, locale);
  if (created === null) {
    refuse(actor, "already-snoozed", {
      zh: `${target.displayName} 已推迟过${cycleLabel(cycle.key, "zh")}的提醒：每期只能推迟一次。`,
      en: `${target.displayName} already snoozed the reminders for ${cycleLabel(cycle.key, "en")}: once per cycle.`,
    });
  }
  const when = `${dayLabel(until, locale)} ${schedule.reminderTime}`;
  const text = pick(locale, {
    zh: `好的，${target.id === actor.id ? "" : `${target.displayName} 的`}${cycleName}提醒推迟到下个工作日 ${when}。每期只能推迟一次。`,
    en: `Done: ${target.id === actor.id ? "your" : `${target.displayName}'s`} reminders for ${cycleName} are put off to the next working day, ${when}. Once per cycle.`,
  });
  return outcome([buildNoticeMessage(locale, "success", [text])]);
}
