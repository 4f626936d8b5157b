import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  auditEventHash,
  auditHashPrefix,
  type HashedAuditFields,
} from "../../../src/domain/audit/audit-hash.ts";
import { canonicalJson } from "../../../src/domain/canonical-json.ts";

const event: HashedAuditFields = {
  at: new Date("2026-11-20T02:00:00.123Z"),
  actor: "3f0e4d1c-0000-4000-8000-000000000001",
  action: "report.create",
  subjectType: "task",
  subjectId: "9a1b2c3d-0000-4000-8000-000000000002",
  before: { status: "NOT_STARTED", percent: 0 },
  after: { status: "IN_PROGRESS", percent: 60, note: '已组织招聘会 "引号" \\ \u0001', reportId: "r1" },
};

/** auditEventHash(event, null) as the chain was first written (computed once, never recomputed). */
const PINNED_HASH = "ea2cc6b8b54a64a2470315a6d61be3bfe2c34c0b73831d2d863d771f7bbc549b";

/** The definition the chain was written with: sha256 over the canonical JSON of the nine items. */
function definedHash(fields: HashedAuditFields, prevHash: string | null): string {
  const items = ["duban-audit-v1", fields.at.toISOString(), fields.actor, fields.action, fields.subjectType];
  const text = canonicalJson([...items, fields.subjectId, fields.before, fields.after, prevHash]);
  return createHash("sha256").update(text, "utf8").digest("hex");
}

describe("auditEventHash and auditHashPrefix", () => {
  it("hashes the canonical serialisation of the fields and prevHash, as the chain was defined", () => {
    const first = auditEventHash(event, null);
    expect(first).toBe(definedHash(event, null));
    expect(auditEventHash(event, first)).toBe(definedHash(event, first));
    expect(auditEventHash({ ...event, before: undefined, after: null }, first)).toBe(
      definedHash({ ...event, before: null, after: null }, first),
    );
  });

  it("the prefix is the hashed text up to prevHash: the database finishes it with to_json(prevHash) or null, and ]", () => {
    const prev = auditEventHash(event, null);
    const prefix = auditHashPrefix(event);
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    expect(sha(`${prefix}null]`)).toBe(auditEventHash(event, null));
    expect(sha(`${prefix}"${prev}"]`)).toBe(auditEventHash(event, prev));
  });

  it("is pinned: the chain already written must keep verifying, so neither the text nor the hash may drift", () => {
    expect(auditHashPrefix(event)).toBe(
      '["duban-audit-v1","2026-11-20T02:00:00.123Z","3f0e4d1c-0000-4000-8000-000000000001","report.create",' +
        '"task","9a1b2c3d-0000-4000-8000-000000000002",{"percent":0,"status":"NOT_STARTED"},' +
        '{"note":"已组织招聘会 \\"引号\\" \\\\ \\u0001","percent":60,"reportId":"r1","status":"IN_PROGRESS"},',
    );
    expect(auditEventHash(event, null)).toBe(PINNED_HASH);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level, leaves undefined properties out and writes undefined values and Dates as JSON does", () => {
    const value = {
      b: [undefined, null, { d: 1, c: "x" }],
      a: undefined,
      at: new Date("2026-11-20T02:00:00Z"),
    };
    expect(canonicalJson(value)).toBe('{"at":"2026-11-20T02:00:00.000Z","b":[null,null,{"c":"x","d":1}]}');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
});
