import { auditEventHash, auditHashPrefix } from "../../domain/audit/audit-hash.ts";
import { Prisma } from "./generated/client.ts";

/**
 * The advisory lock that serialises appends to the audit chain ("audt"), held until the transaction ends. Also
 * written out in the database function duban_append_audit_event (migration 20261129030000_audit_append_function).
 */
export const AUDIT_CHAIN_LOCK_KEY = 0x61756474;

/** An audit event to append: `auditData(entry)`'s output, or the same fields written out. */
export type AuditEventData = Omit<Prisma.AuditEventCreateManyInput, "id" | "prevHash" | "hash">;

/** The JSON value as the database will give it back (undefined: none). */
const stored = (value: AuditEventData["before"]): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value));

/**
 * Appends events to the audit log's hash chain inside the caller's transaction: takes a transaction-level
 * advisory lock (so appends from every process on the server queue behind each other, and the head cannot move
 * between reading and writing it), reads the chain head, and writes each event with prevHash and its hash. The
 * lock is released when the transaction commits or rolls back. The only way audit events are written.
 */
export async function appendAuditEvents(
  tx: Prisma.TransactionClient,
  events: readonly AuditEventData[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})) AS lock`,
  );
  const head = await tx.auditEvent.findFirst({
    where: { hash: { not: null } },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  let prevHash = head?.hash ?? null;
  for (const event of events) {
    const at = event.at === undefined ? new Date() : new Date(event.at);
    const hash = auditEventHash(
      { ...event, at, before: stored(event.before), after: stored(event.after) },
      prevHash,
    );
    await tx.auditEvent.create({ data: { ...event, at, prevHash, hash } });
    prevHash = hash;
  }
}

/** Appends one event: see appendAuditEvents. */
export function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditEventData): Promise<void> {
  return appendAuditEvents(tx, [event]);
}

/** A JSON value as a jsonb parameter (undefined: SQL NULL, as Prisma writes an absent Json field). */
const jsonb = (value: AuditEventData["before"]): Prisma.Sql =>
  value === undefined ? Prisma.sql`NULL` : Prisma.sql`CAST(${JSON.stringify(value)} AS jsonb)`;

/**
 * The same append as appendAuditEvent, as an SQL expression to use inside one statement (e.g. a SELECT after
 * data-modifying CTEs): the database function duban_append_audit_event takes the chain's advisory lock, reads
 * the head after the lock is held, and inserts the event with prevHash and the hash auditEventHash gives (the
 * text is built here, with auditHashPrefix, and finished and hashed there). Its value is the new event's hash.
 * The lock is held until the statement's transaction ends, so a lone statement is an append on its own.
 */
export function appendAuditEventSql(event: AuditEventData): Prisma.Sql {
  const at = event.at === undefined ? new Date() : new Date(event.at);
  const prefix = auditHashPrefix({ ...event, at, before: stored(event.before), after: stored(event.after) });
  return Prisma.sql`duban_append_audit_event(${at}, ${event.actor}, ${event.action}, ${event.subjectType}, ${event.subjectId}, ${jsonb(event.before)}, ${jsonb(event.after)}, ${prefix})`;
}
