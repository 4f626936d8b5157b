import { auditEventHash, type HashedAuditFields } from "./audit-hash.ts";

export interface StoredAuditEvent extends HashedAuditFields {
  id: bigint;
  prevHash: string | null;
  hash: string | null;
}

export type AuditChainVerdict =
  | { intact: true; events: number; unchained: number; head: string | null }
  | { intact: false; events: number; brokenAt: bigint; reason: string };

/**
 * Checks the chain event by event, in id order (feed it in batches). Events written before the chain existed
 * (no hash, before the first hashed one) are counted as unchained; after the first hashed event every event
 * must carry prevHash = the previous event's hash and hash = auditEventHash(its fields, prevHash).
 */
export function createAuditChainChecker() {
  let events = 0;
  let unchained = 0;
  let previous: string | null = null;
  let started = false;
  let broken: { brokenAt: bigint; reason: string } | null = null;
  return {
    /** False once a broken link is found (stop feeding). */
    add(event: StoredAuditEvent): boolean {
      if (broken !== null) return false;
      events += 1;
      if (event.hash === null && !started) {
        unchained += 1;
        return true;
      }
      started = true;
      if (event.hash === null)
        broken = {
          brokenAt: event.id,
          reason: "it has no hash: written around the chain, or its hash was erased",
        };
      else if (event.prevHash !== previous) {
        broken = {
          brokenAt: event.id,
          reason:
            "its prevHash is not the previous event's hash: an event before it was deleted, inserted or changed",
        };
      } else if (auditEventHash(event, event.prevHash) !== event.hash) {
        broken = {
          brokenAt: event.id,
          reason: "its hash does not match its contents: the event was changed after it was written",
        };
      }
      previous = event.hash;
      return broken === null;
    },
    verdict(): AuditChainVerdict {
      if (broken !== null) return { intact: false, events, ...broken };
      return { intact: true, events, unchained, head: previous };
    },
  };
}
