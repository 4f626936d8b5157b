import type { DayRef } from "../../domain/commands/parse-schedule-commands.ts";
import type { UserMention } from "../../domain/commands/user-mention.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { dayNumber, formatPlanDate, isPlanDate, type PlanDate } from "../../domain/time/plan-date.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { deliverDirectMessages } from "../messaging/deliver-direct-messages.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { findKnownPerson } from "./find-known-person.ts";

/** An absence longer than this is a reassignment, not an absence. */
const MAX_DAYS = 366;

function dateOf(ref: DayRef, year: number): PlanDate | null {
  const date = formatPlanDate(ref.year ?? year, ref.month, ref.day);
  return isPlanDate(date) ? date : null;
}

/**
 * `/duban absence <from> <to> <@deputy> [@absent]`: from `from` to `to` (inclusive) the absent contact's
 * reminders and escalations go to the deputy (代理人), and their department is not reported unreachable. A
 * contact records their own absence; a supervisor anyone's. The deputy must be able to report for the absent
 * person's departments (a contact of them, or a supervisor), and is told by DM.
 */
export async function recordAbsence(
  deps: Pick<SupervisionDeps, "store" | "clock" | "notifier">,
  actor: Person,
  context: PlanContext,
  request: { from: DayRef; to: DayRef; deputy: UserMention; absentee: UserMention | null },
): Promise<CoreOutcome> {
  const absentee = request.absentee === null ? actor : await findKnownPerson(deps, actor, request.absentee);
  if (absentee.id !== actor.id)
    requireSupervisor(actor, { zh: "为他人登记请假", en: "record someone else's absence" });
  const deputy = await findKnownPerson(deps, actor, request.deputy);
  const now = deps.clock.now();
  const today = toPlanDate(now, context.directory.timezone);
  const year = Number(today.slice(0, 4));
  const fromOn = dateOf(request.from, year);
  let toOn = dateOf(request.to, year);
  if (fromOn !== null && toOn !== null && request.to.year === null && toOn < fromOn)
    toOn = dateOf(request.to, year + 1);
  if (fromOn === null || toOn === null)
    refuse(actor, "bad-date", { zh: "日期不存在，请检查。", en: "That date does not exist." });
  if (toOn < fromOn)
    refuse(actor, "bad-range", {
      zh: "结束日期早于开始日期。",
      en: "The end date is before the start date.",
    });
  if (toOn < today) refuse(actor, "past", { zh: "这段时间已经过去了。", en: "That period is already over." });
  if (dayNumber(toOn) - dayNumber(fromOn) >= MAX_DAYS) {
    refuse(actor, "too-long", {
      zh: "请假不能超过一年：长期请改派联络员（/duban assign）。",
      en: "An absence cannot exceed a year: reassign the contact instead (/duban assign).",
    });
  }
  if (deputy.id === absentee.id)
    refuse(actor, "self-deputy", { zh: "代理人不能是本人。", en: "The deputy cannot be the person away." });
  const uncovered = absentee.departmentIds.filter((id) => !canReportFor(deputy, id));
  if (uncovered.length > 0) {
    const names = uncovered
      .map((id) => context.directory.departments.find((d) => d.id === id)?.name ?? id)
      .join("、");
    refuse(actor, "deputy-not-contact", {
      zh: `${deputy.displayName} 不能代为报送${names}的进展：请先用 /duban assign ${names} @${deputy.displayName} 指派。`,
      en: `${deputy.displayName} cannot report for ${names}: assign them first with /duban assign.`,
    });
  }
  const audit = {
    actor: actor.id,
    action: "absence.create",
    subjectType: "person" as const,
    subjectId: absentee.id,
    at: now,
  };
  await deps.store.createAbsence(
    { personId: absentee.id, deputyId: deputy.id, fromOn, toOn, createdById: actor.id },
    audit,
  );
  const span = `${fromOn} – ${toOn}`;
  const deputyLocale = localeOf(deputy.locale);
  await deliverDirectMessages(deps, {
    kind: "absence-deputy",
    actor: actor.id,
    slot: span,
    audits: [],
    messages: [
      {
        recipient: deputy,
        taskIds: [],
        message: buildNoticeMessage(deputyLocale, "info", [
          pick(deputyLocale, {
            zh: `${absentee.displayName} ${span} 请假，您是代理人：这期间的督办提醒将发给您。`,
            en: `${absentee.displayName} is away ${span} and you are their deputy: Duban's reminders for them come to you.`,
          }),
        ]),
      },
    ],
  });
  const locale = localeOf(actor.locale);
  const text = pick(locale, {
    zh: `已登记：${absentee.displayName} ${span} 请假，期间提醒发给代理人 ${deputy.displayName}。`,
    en: `Recorded: ${absentee.displayName} is away ${span}; reminders go to the deputy ${deputy.displayName}.`,
  });
  return outcome([buildNoticeMessage(locale, "success", [text])]);
}
