import { createAssessmentPorts } from "../../src/adapters/assessment/create-assessment-ports.ts";
import type { PrismaClient } from "../../src/adapters/db/generated/client.ts";
import type { WorkingDayCalendar } from "../../src/domain/calendar/working-day-calendar.ts";
import type { DigestMessage } from "../../src/domain/messages/schedule-message-types.ts";
import type { SupervisionStore } from "../../src/domain/ports/supervision-store.ts";
import { readPlanSchedule } from "../../src/domain/supervision/plan-schedule.ts";
import { buildDigestExtras } from "../../src/services/schedule/build-digest-extras.ts";
import { buildWeeklyDigest } from "../../src/services/schedule/build-weekly-digest.ts";
import type { OutboxPayload } from "../../src/services/schedule/outbox-payload.ts";

/** The week's digest of the loaded plan, as the schedule builds it (with its chart data), at `now`. */
export async function buildPlanDigest(
  prisma: PrismaClient,
  store: SupervisionStore,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<{ planId: string; digest: DigestMessage }> {
  const directory = await store.readPlanDirectory(undefined);
  if (directory === null) throw new Error("no plan loaded");
  const request = {
    directory,
    schedule: readPlanSchedule(directory.schedule),
    calendar,
    now,
    locale: "zh" as const,
  };
  const extras = await buildDigestExtras(createAssessmentPorts(prisma), request, (error) => {
    throw error;
  });
  if (extras.chart === null) throw new Error("the digest has no chart");
  return { planId: directory.planId, digest: await buildWeeklyDigest(store, { ...request, extras }) };
}

/** The same digest as another week's ("2026-W45"): its week key and title changed. */
export function digestOfWeek(digest: DigestMessage, weekKey: string): DigestMessage {
  return { ...digest, weekKey, title: digest.title.replace(digest.weekKey, weekKey) };
}

/**
 * An outbox row of a weekly digest as queueWeeklyDigest writes it (kind "digest", key "<slot>@<plan>"), sent at
 * `sentAt` as deliverOutbox marks it, or still pending (`sentAt` null), or closed unsent.
 */
export async function insertDigestRow(
  prisma: PrismaClient,
  planId: string,
  digest: DigestMessage,
  state: { sentAt: Date } | { pending: true } | { closedAt: Date },
): Promise<string> {
  const key = `digest:${digest.weekKey}@${planId}`;
  const payload: OutboxPayload = { type: "digest", channel: "督办周报", digest };
  const row = await prisma.reminder.create({
    data: {
      kind: "digest",
      slot: key,
      groupKey: key,
      idempotencyKey: key,
      payload: JSON.parse(JSON.stringify(payload)),
      ...("sentAt" in state
        ? { sentAt: state.sentAt, chatChannel: "CDIGEST", chatTs: `${state.sentAt.getTime() / 1000}.000100` }
        : {}),
      ...("closedAt" in state ? { closedAt: state.closedAt, lastError: "expired" } : {}),
    },
    select: { id: true },
  });
  return row.id;
}
