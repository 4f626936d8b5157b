import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core-outcome.ts";
import type { PlanContext } from "../load-plan-context.ts";
import { refuse, requireSupervisor } from "../refuse.ts";
import type { SupervisionDeps } from "../supervision-deps.ts";
import { buildDigestExtras } from "./build-digest-extras.ts";
import { buildWeeklyDigest } from "./build-weekly-digest.ts";

/**
 * `/duban digest` (supervisors): builds the weekly digest from the database now and posts it to the digest
 * channel (the workflow's, or the front end's default). Posting failures are told to the supervisor.
 */
export async function postDigestNow(
  deps: Pick<SupervisionDeps, "store" | "clock" | "calendar" | "digestPublisher" | "assessment">,
  actor: Person,
  context: PlanContext,
): Promise<CoreOutcome> {
  requireSupervisor(actor, { zh: "发布周报", en: "post the digest" });
  const publisher = deps.digestPublisher;
  if (publisher === undefined) {
    refuse(actor, "no-digest-publisher", {
      zh: "这里不能发布周报。",
      en: "The digest cannot be posted from here.",
    });
  }
  const locale = localeOf(actor.locale);
  const schedule = readPlanSchedule(context.directory.schedule);
  const request = {
    directory: context.directory,
    schedule,
    calendar: deps.calendar,
    now: deps.clock.now(),
    locale: "zh" as const,
  };
  const extras = await buildDigestExtras(deps.assessment, request);
  const digest = await buildWeeklyDigest(deps.store, { ...request, extras });
  try {
    const [main] = await publisher.publish(schedule.digest.channel ?? null, digest);
    const where = main?.channel ?? "-";
    return outcome([
      buildNoticeMessage(locale, "success", [
        pick(locale, { zh: `周报已发布到 ${where}。`, en: `Digest posted to ${where}.` }),
      ]),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return outcome([
      buildNoticeMessage(locale, "error", [
        pick(locale, { zh: `周报发布失败：${reason}`, en: `Could not post the digest: ${reason}` }),
      ]),
    ]);
  }
}
