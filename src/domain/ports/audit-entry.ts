/**
 * One state change, written with the change in the same transaction (AuditEvent): who did what to
 * which record, and the record's relevant fields before and after.
 */
export interface AuditEntry {
  /** A person id, "system", or "cli". */
  actor: string;
  /** "report.create", "report.edit", "report.withdraw", "task.approve", "task.return", "urge", ... */
  action: string;
  subjectType: "person" | "department" | "task" | "report";
  subjectId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}
