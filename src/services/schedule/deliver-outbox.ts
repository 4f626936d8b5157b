import {
  buildChannelProblemNotice,
  buildDeactivatedContactNotice,
} from "../../domain/messages/build-delivery-problem-notices.ts";
import type { ChatMessageRef } from "../../domain/ports/chat.ts";
import {
  ChannelUnavailableError,
  ChatAccessRevokedError,
  isRateLimitedError,
  RecipientDeactivatedError,
} from "../../domain/ports/chat.ts";
import type { ClaimedGroup } from "../../domain/ports/schedule-store.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { assembleGroupMessage } from "./assemble-group-message.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import { readPayloads } from "./outbox-payload.ts";
import { type ReconcileReport, reconcileInDoubt } from "./reconcile-in-doubt.ts";
import { retryDelay } from "./retry-delay.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";
import { adminsOrSupervisors, tellOnce } from "./tell-once.ts";

/** Rows of a group loaded to build its message (a DM shows at most 40 tasks; the rest are counted). */
const MAX_PAYLOADS = 200;
/** 429s in a row, on different channels, after which the limit is taken to be the workspace's: the pass stops. */
const WORKSPACE_LIMIT_AFTER = 3;

/** What one delivery pass did. */
export interface DeliveryReport {
  sent: number;
  /** Failed this pass, to be retried with backoff. */
  failed: number;
  /** Given up (too many failures, unreadable, the recipient deactivated) or expired (their cycle closed). */
  closed: number;
  /** The latest Retry-After a 429 set this pass (that channel gets nothing before it); null without a 429. */
  rateLimitedUntil: Date | null;
  /** The earliest time something pending may be tried; null when the outbox is empty. */
  nextAttemptAt: Date | null;
  /** Messages once in doubt (their sender died mid-send), settled at the start of this pass. */
  reconciled: ReconcileReport;
  /** Each message sent or failed this pass. */
  deliveries: Array<{ groupKey: string; kind: string; ref: ChatMessageRef | null; error: string | null }>;
}

/**
 * What a runner remembers between passes: Retry-After per channel (counted from the moment each 429 arrived),
 * a pause of all delivery (the workspace's limit, or a refused token), and whether the refused token was
 * logged (once).
 */
export interface DeliveryPause {
  until: Date | null;
  channels: Map<string, Date>;
  accessRefusalLogged: boolean;
}

export function newDeliveryPause(): DeliveryPause {
  return { until: null, channels: new Map(), accessRefusalLogged: false };
}

class PermanentFailure extends Error {}

/** The chat channel a group goes to, for per-channel Retry-After: the recipient's DM, or the digest channel. */
function channelOf(group: ClaimedGroup): string {
  if (group.recipientId !== null) return `dm:${group.recipientId}`;
  const [payload] = readPayloads(group.payloads) ?? [];
  return payload?.type === "digest" ? `channel:${payload.channel ?? "default"}` : `group:${group.groupKey}`;
}

async function send(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext | null,
  group: ClaimedGroup,
  now: Date,
): Promise<{ ref: ChatMessageRef; recipient: Person | null }> {
  if (context === null) throw new PermanentFailure("no plan is loaded");
  const delivery = await assembleGroupMessage(deps, context, group, now);
  if (delivery.to === "nobody") throw new PermanentFailure(delivery.reason);
  const key = { key: group.groupKey };
  if (delivery.to === "channel") {
    const [main] = await deps.digestPublisher.publish(delivery.channel, delivery.digest, key);
    if (main === undefined) throw new PermanentFailure("the digest publisher posted nothing");
    return { ref: main, recipient: null };
  }
  const person = group.recipientId === null ? null : await deps.store.findPersonById(group.recipientId);
  if (person === null) throw new PermanentFailure("the recipient no longer exists");
  try {
    return { ref: await deps.notifier.sendDirectMessage(person, delivery.message, key), recipient: person };
  } catch (error) {
    if (error instanceof RecipientDeactivatedError) await flagDeactivated(deps, context, person, now);
    throw error;
  }
}

/** Supervisors are told once that a contact's chat account is gone and their departments need someone. */
async function flagDeactivated(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext,
  person: Person,
  now: Date,
): Promise<void> {
  const names = new Map(context.directory.departments.map((department) => [department.id, department.name]));
  const departments = person.departmentIds.flatMap((id) => names.get(id) ?? []);
  const supervisors = (await deps.store.listSupervisors()).filter((other) => other.id !== person.id);
  await tellOnce(
    deps,
    `deactivated:${person.id}`,
    supervisors,
    (locale) => buildDeactivatedContactNotice(locale, { displayName: person.displayName, departments }),
    now,
  );
}

/**
 * One pass over the scheduled outbox at `now`: settles messages in doubt (reconcileInDoubt), drops what expired,
 * then claims one group (one message) at a time, sends it with its key and marks it sent. A group is claimed by
 * one process only and sent at most once per claim; one whose sender died is reconciled by its key, so each
 * message has its effect exactly once.
 *
 * A 429 (RateLimitedError) gives the group back until Retry-After counted from when the 429 arrived (the
 * runner's clock), and that channel gets nothing before then; other channels go on, unless 429s keep coming
 * (the workspace's limit), which ends the pass. A digest channel Duban is not in waits (and the admins are
 * told once); a deactivated recipient's message is closed (and the supervisors told once); a refused token
 * pauses delivery, logged once. Other failures are retried with exponential backoff, given up after
 * `maxAttempts`. Once `signal` aborts, no further group is claimed.
 */
export async function deliverOutbox(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext | null,
  now: Date,
  pause: DeliveryPause = newDeliveryPause(),
  signal?: AbortSignal,
): Promise<DeliveryReport> {
  const { schedules, owner, tuning } = deps;
  const { channels } = pause;
  // when a 429 arrived: the clock's now, and never before the pass began
  const arrived = () => new Date(Math.max(now.getTime(), deps.clock?.now().getTime() ?? 0));
  const report: DeliveryReport = {
    sent: 0,
    failed: 0,
    closed: 0,
    rateLimitedUntil: null,
    nextAttemptAt: null,
    reconciled: { found: 0, resent: 0, unsettled: 0 },
    deliveries: [],
  };
  if (pause.until !== null && now < pause.until) {
    return { ...report, rateLimitedUntil: pause.until, nextAttemptAt: pause.until };
  }
  report.reconciled = await reconcileInDoubt(deps, now);
  report.closed = await schedules.closeExpired(now);
  let rateLimitedInARow = 0;
  while (report.sent + report.failed < tuning.maxMessagesPerPass) {
    // stopping: the message in flight was sent and marked; the rest waits for the next pass (of any process)
    if (signal?.aborted) break;
    const group = await schedules.claimNextGroup(now, owner, MAX_PAYLOADS);
    if (group === null) break;
    const entry = { groupKey: group.groupKey, kind: group.kind };
    const channel = channelOf(group);
    const waitUntil = channels.get(channel);
    if (waitUntil !== undefined && now < waitUntil) {
      await schedules.releaseGroup(group.groupKey, owner, {
        error: "waiting for the channel's Retry-After",
        nextAttemptAt: waitUntil,
        countAttempt: false,
      });
      continue;
    }
    try {
      const { ref } = await send(deps, context, group, now);
      await schedules.markGroupSent(group.groupKey, owner, ref, now);
      rateLimitedInARow = 0;
      report.sent += 1;
      report.deliveries.push({ ...entry, ref, error: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.deliveries.push({ ...entry, ref: null, error: message });
      const release = (nextAttemptAt: Date) =>
        schedules.releaseGroup(group.groupKey, owner, { error: message, nextAttemptAt, countAttempt: false });
      if (isRateLimitedError(error)) {
        const until = new Date(arrived().getTime() + error.retryAfterMs);
        channels.set(channel, until);
        if (report.rateLimitedUntil === null || until > report.rateLimitedUntil)
          report.rateLimitedUntil = until;
        await release(until);
        deps.logger.warn(
          { groupKey: group.groupKey, retryAfterMs: error.retryAfterMs },
          "outbox: rate limited",
        );
        rateLimitedInARow += 1;
        if (rateLimitedInARow >= WORKSPACE_LIMIT_AFTER) {
          pause.until = report.rateLimitedUntil;
          break;
        }
        continue;
      }
      if (error instanceof ChannelUnavailableError) {
        // the digest stays queued; it goes out once Duban is in the channel
        await release(new Date(now.getTime() + tuning.channelRetryMs));
        const told = await tellOnce(
          deps,
          `digest-channel:${group.groupKey}`,
          await adminsOrSupervisors(deps),
          (locale) =>
            buildChannelProblemNotice(locale, {
              channel: error.channelLabel,
              problem: error.problem,
              botName: error.botName,
              scheduled: true,
            }),
          now,
        );
        deps.logger.warn(
          { groupKey: group.groupKey, channel: error.channelLabel, problem: error.problem, adminsTold: told },
          "outbox: the digest channel cannot take the digest; it waits",
        );
        continue;
      }
      if (error instanceof ChatAccessRevokedError) {
        const until = new Date(now.getTime() + tuning.accessRetryMs);
        pause.until = until;
        await release(until);
        if (!pause.accessRefusalLogged) {
          pause.accessRefusalLogged = true;
          deps.logger.error(
            { code: error.code, retryAt: until },
            `Slack refused Duban's bot token (${error.code}): reinstall the app in the workspace, set the new SLACK_BOT_TOKEN and restart Duban. Duban keeps running and tries again every ${Math.round(tuning.accessRetryMs / 60_000)} minutes; nothing queued is lost`,
          );
        }
        break;
      }
      const attempts = group.attempts + 1;
      const permanent = error instanceof PermanentFailure || error instanceof RecipientDeactivatedError;
      if (permanent || attempts >= tuning.maxAttempts) {
        report.closed += 1;
        const reason = permanent ? message : `gave up after ${attempts} attempt(s): ${message}`;
        await schedules.closeGroup(group.groupKey, owner, reason, now);
        deps.logger.error({ groupKey: group.groupKey, attempts, err: error }, "outbox: gave up on a message");
        continue;
      }
      report.failed += 1;
      const nextAttemptAt = new Date(
        now.getTime() + retryDelay(attempts, tuning.baseRetryMs, tuning.maxRetryMs),
      );
      await schedules.releaseGroup(group.groupKey, owner, {
        error: message,
        nextAttemptAt,
        countAttempt: true,
      });
      deps.logger.warn(
        { groupKey: group.groupKey, attempts, nextAttemptAt, err: error },
        "outbox: send failed; retrying later",
      );
    }
  }
  if (pause.accessRefusalLogged && report.sent > 0) pause.accessRefusalLogged = false; // the token works again
  report.nextAttemptAt = await schedules.nextAttemptAt();
  return report;
}
