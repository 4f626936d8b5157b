import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { OutboxPayload } from "../../services/schedule/outbox-payload.ts";
import type { PrismaClient } from "../db/generated/client.ts";

/** How many digests one page of the archive lists. */
export const DIGEST_PAGE_SIZE = 20;

/** A digest as the archive lists it. */
export interface ArchivedDigestLine {
  id: string;
  sentAt: Date;
  weekKey: string;
  title: string;
  summary: string;
  late: boolean;
}

/** One digest as it was posted: the message the outbox row held, and when it went out. */
export interface ArchivedDigest {
  id: string;
  sentAt: Date;
  channel: string | null;
  digest: DigestMessage;
}

/** A Reminder row's id is a UUID: anything else is no digest (and never reaches the database). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Weekly digests are outbox rows (kind "digest", slot "<firing slot>@<plan>"), posted once sentAt is set. */
const sentDigestsOf = (planId: string) => ({
  kind: "digest",
  slot: { endsWith: `@${planId}` },
  sentAt: { not: null },
});

function digestOf(payload: unknown): DigestMessage | null {
  const value = payload as Partial<Extract<OutboxPayload, { type: "digest" }>> | null;
  return value?.type === "digest" && value.digest?.kind === "digest" ? value.digest : null;
}

/** The plan's posted digests, newest first, one page (1-based; clamped to the pages there are). */
export async function readDigestArchive(
  prisma: PrismaClient,
  planId: string,
  requestedPage: number,
): Promise<{ digests: ArchivedDigestLine[]; total: number; page: number }> {
  const where = sentDigestsOf(planId);
  const total = await prisma.reminder.count({ where });
  const page = Math.min(Math.max(1, requestedPage), Math.max(1, Math.ceil(total / DIGEST_PAGE_SIZE)));
  const rows = await prisma.reminder.findMany({
    where,
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DIGEST_PAGE_SIZE,
    take: DIGEST_PAGE_SIZE,
    select: { id: true, sentAt: true, payload: true },
  });
  const digests = rows.flatMap((row) => {
    const digest = digestOf(row.payload);
    if (digest === null) return [];
    const line: ArchivedDigestLine = {
      id: row.id,
      sentAt: row.sentAt as Date,
      weekKey: digest.weekKey,
      title: digest.title,
      summary: digest.summary,
      late: digest.lateNote !== null,
    };
    return [line];
  });
  return { digests, total, page };
}

/** One posted digest of the plan by its id; null when there is none (unknown, not sent, another plan's). */
export async function readArchivedDigest(
  prisma: PrismaClient,
  planId: string,
  id: string,
): Promise<ArchivedDigest | null> {
  if (!UUID.test(id)) return null;
  const row = await prisma.reminder.findFirst({
    where: { id, ...sentDigestsOf(planId) },
    select: { id: true, sentAt: true, chatChannel: true, payload: true },
  });
  const digest = row === null ? null : digestOf(row.payload);
  if (row === null || digest === null) return null;
  return { id: row.id, sentAt: row.sentAt as Date, channel: row.chatChannel, digest };
}
