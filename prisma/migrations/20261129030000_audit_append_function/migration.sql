-- Appends one event to the audit log's hash chain in a single statement (src/adapters/db/append-audit-event.ts,
-- appendAuditEventSql): the same discipline as appendAuditEvents, done in the database so that a write and its
-- audit event need one round trip instead of an interactive transaction. It takes the chain's transaction-level
-- advisory lock (AUDIT_CHAIN_LOCK_KEY, 0x61756474), then reads the head (in a VOLATILE function each statement
-- takes a fresh snapshot, so the head is read after the lock is held), and inserts the event with prevHash and
-- hash = sha256(hash_prefix || to_json(prevHash) (or null) || ']'), hash_prefix being auditHashPrefix(event):
-- byte for byte the text auditEventHash hashes.
CREATE FUNCTION duban_append_audit_event(
  event_at TIMESTAMPTZ(3),
  event_actor TEXT,
  event_action TEXT,
  event_subject_type TEXT,
  event_subject_id TEXT,
  event_before JSONB,
  event_after JSONB,
  hash_prefix TEXT
) RETURNS TEXT
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  head TEXT;
  event_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(1635083380);
  SELECT "hash" INTO head FROM "AuditEvent" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1;
  event_hash := encode(sha256(convert_to(hash_prefix || COALESCE(to_json(head)::text, 'null') || ']', 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("at", "actor", "action", "subjectType", "subjectId", "before", "after", "prevHash", "hash")
  VALUES (event_at, event_actor, event_action, event_subject_type, event_subject_id, event_before, event_after, head, event_hash);
  RETURN event_hash;
END
$$;
