import type { Person, Role } from "../supervision/supervision-types.ts";
import type { AuditEntry } from "./audit-entry.ts";

export interface NewPerson {
  platform: string;
  externalId: string;
  displayName: string;
  email: string | null;
  locale: string | null;
  role: Role;
}

export interface PersonChanges {
  displayName?: string;
  email?: string | null;
  locale?: string | null;
  role?: Role;
}

/** The people Duban knows and the departments they are contacts (联络员) of. */
export interface PersonStore {
  findPerson(platform: string, externalId: string): Promise<Person | null>;
  findPersonById(id: string): Promise<Person | null>;
  /** People of the platform with exactly this display name (for "@张三" mentions). */
  findPeopleByName(platform: string, displayName: string): Promise<Person[]>;
  /**
   * Creates the person with the audit entry (its subjectId and `after` are set to the new person), or
   * returns the one a concurrent call created under the same platform id.
   */
  createPerson(person: NewPerson, audit: AuditEntry): Promise<Person>;
  updatePerson(id: string, changes: PersonChanges, audit: AuditEntry): Promise<Person>;
  /** Supervisors and admins. */
  listSupervisors(): Promise<Person[]>;
  /** The contacts of the departments, each with the department they stand for. */
  listContacts(departmentIds: readonly string[]): Promise<Array<{ departmentId: string; person: Person }>>;
  /**
   * In one transaction: gives the person `role` and, when `departmentId` is set, makes them a contact of
   * that department (nothing when they already are).
   */
  assignPerson(
    assignment: { personId: string; role: Role; departmentId: string | null },
    audit: AuditEntry,
  ): Promise<{ contactAdded: boolean; roleChanged: boolean }>;
}
