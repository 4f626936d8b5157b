import { buildChannelProblemNotice } from "../../domain/messages/build-delivery-problem-notices.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import type { NoticeMessage } from "../../domain/messages/message-types.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import {
  ChannelUnavailableError,
  ChatAccessRevokedError,
  type ChatMessageRef,
  isRateLimitedError,
} from "../../domain/ports/chat.ts";
import { type Locale, localeOf, pick } from "../../domain/supervision/locale.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { buildDigestExtras } from "./build-digest-extras.ts";
import { buildWeeklyDigest } from "./build-weekly-digest.ts";
import type { OutboxPayload } from "./outbox-payload.ts";

/**
 * `/duban digest` (supervisors): builds the weekly digest from the database now and posts it to the digest
 * channel (the workflow's, or the front end's default). A failure someone can fix (Duban not in the channel, a
 * rate limit, a revoked token) is told to the supervisor in one sentence saying what to do.
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
    const channel = schedule.digest.channel ?? null;
    const [main] = await publisher.publish(channel, digest);
    const where = main?.channel ?? "-";
    const archived = main === undefined || (await recordInArchive(deps, context, channel, digest, main));
    return outcome([
      buildNoticeMessage(locale, "success", [
        pick(locale, { zh: `周报已发布到 ${where}。`, en: `Digest posted to ${where}.` }),
        ...(archived
          ? []
          : [
              pick(locale, {
                zh: "（网页看板的周报存档没能记下这次发布，请不要重复发布。）",
                en: "(The web board's digest archive could not record this post; do not post it again.)",
              }),
            ]),
      ]),
    ]);
  } catch (error) {
    const notice = explainPostingFailure(locale, error);
    if (notice === null) throw error; // logged at the edge; the supervisor gets the short apology
    return outcome([notice]);
  }
}

/**
 * Records the posted digest for the web board's archive, beside the scheduled ones (the payload as the outbox
 * holds one). False when that failed: the digest is out, so the supervisor is told, not given an error.
 */
async function recordInArchive(
  deps: Pick<SupervisionDeps, "store" | "clock">,
  context: PlanContext,
  channel: string | null,
  digest: DigestMessage,
  ref: ChatMessageRef,
): Promise<boolean> {
  const payload: OutboxPayload = { type: "digest", channel, digest };
  try {
    await deps.store.recordPostedDigest({
      planId: context.directory.planId,
      payload,
      ref,
      at: deps.clock.now(),
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the supervisor is told when the digest could not go out, in words that say what to do, never the chat
 * platform's raw error; null for a failure nobody can act on (the edge logs it and apologises).
 */
function explainPostingFailure(locale: Locale, error: unknown): NoticeMessage | null {
  if (error instanceof ChannelUnavailableError) {
    return buildChannelProblemNotice(locale, {
      channel: error.channelLabel,
      problem: error.problem,
      botName: error.botName,
      scheduled: false,
    });
  }
  if (isRateLimitedError(error)) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return buildNoticeMessage(locale, "error", [
      pick(locale, {
        zh: `Slack 暂时限制了发送频率，周报没有发布，请 ${seconds} 秒后重新发送。`,
        en: `Slack is limiting how fast Duban posts; the digest was not posted, try again in ${seconds} s.`,
      }),
    ]);
  }
  if (error instanceof ChatAccessRevokedError) {
    return buildNoticeMessage(locale, "error", [
      pick(locale, {
        zh: "周报没有发布：Slack 不再接受督办的令牌，请管理员重新安装应用并更新 SLACK_BOT_TOKEN。",
        en: "The digest was not posted: Slack no longer accepts Duban's token; an admin must reinstall the app and update SLACK_BOT_TOKEN.",
      }),
    ]);
  }
  return null;
}
