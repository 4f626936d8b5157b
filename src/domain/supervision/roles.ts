import { normalizeChatText } from "../text/normalize-chat-text.ts";
import type { Person, Role } from "./supervision-types.ts";

const RANK: Record<Role, number> = { READER: 0, CONTACT: 1, SUPERVISOR: 2, ADMIN: 3 };

/** The role names people write, in Chinese or English, folded to lower case. */
const ROLE_NAMES: Record<string, Role> = {
  管理员: "ADMIN",
  admin: "ADMIN",
  督查人员: "SUPERVISOR",
  督查员: "SUPERVISOR",
  督查: "SUPERVISOR",
  supervisor: "SUPERVISOR",
  联络员: "CONTACT",
  contact: "CONTACT",
  读者: "READER",
  reader: "READER",
};

/** Reads a role as written ("联络员", "督查人员", "Supervisor" ...); null when it is none. */
export function parseRoleName(text: string): Role | null {
  return ROLE_NAMES[normalizeChatText(text).replace(/\s+/g, "")] ?? null;
}

/** The higher of two roles (reader < contact < supervisor < admin). */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Supervisors (督查人员) and admins: they urge, assign, approve and see the whole board. */
export function isSupervisor(person: Pick<Person, "role">): boolean {
  return person.role === "SUPERVISOR" || person.role === "ADMIN";
}

/**
 * Whether `person` may report progress for a task of `departmentId`: a contact for their own
 * departments' tasks; supervisors and admins for any task.
 */
export function canReportFor(person: Pick<Person, "role" | "departmentIds">, departmentId: string): boolean {
  if (isSupervisor(person)) return true;
  return person.role === "CONTACT" && person.departmentIds.includes(departmentId);
}

/**
 * Whether `actor` may give `target` the role `role`: admins grant any role; supervisors grant contact
 * and reader, and only to people who are not supervisors or admins themselves. Keeping someone's role
 * as it is needs no grant beyond being a supervisor.
 */
export function canGrantRole(actor: Pick<Person, "role">, target: Pick<Person, "role">, role: Role): boolean {
  if (actor.role === "ADMIN") return true;
  if (actor.role !== "SUPERVISOR") return false;
  if (role === target.role) return true;
  return RANK[role] <= RANK.CONTACT && RANK[target.role] <= RANK.CONTACT;
}
