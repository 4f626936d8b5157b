import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.ts";

/** The fields of an audit event the hash covers (everything but its id, which the database assigns). */
export interface HashedAuditFields {
  at: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** JSON values as stored (undefined and null both mean none). */
  before: unknown;
  after: unknown;
}

/**
 * The canonical serialisation auditEventHash hashes, up to the prevHash: `[` and the event's fields, each
 * followed by a comma. The full text is this + canonicalJson(prevHash) + `]`, so the database can finish and
 * hash it where it reads the chain head (duban_append_audit_event, in the migrations, appends
 * `to_json(prevHash)::text`, or `null`, and `]`, then sha256 over the UTF-8 bytes): one round trip per append.
 */
export function auditHashPrefix(fields: HashedAuditFields): string {
  const items = [
    "duban-audit-v1",
    fields.at.toISOString(),
    fields.actor,
    fields.action,
    fields.subjectType,
    fields.subjectId,
    fields.before ?? null,
    fields.after ?? null,
  ];
  return `[${items.map(canonicalJson).join(",")},`;
}

/**
 * sha256 (hex) over the canonical serialisation ["duban-audit-v1", at (ISO, ms), actor, action, subjectType,
 * subjectId, before, after, prevHash]: each event seals the one before it, so changing, deleting or inserting
 * an event breaks every link after it.
 */
export function auditEventHash(fields: HashedAuditFields, prevHash: string | null): string {
  const canonical = `${auditHashPrefix(fields)}${canonicalJson(prevHash)}]`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
