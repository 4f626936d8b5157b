import { type Locale, pick } from "../../../domain/supervision/locale.ts";
import type { Person, Role } from "../../../domain/supervision/supervision-types.ts";
import type { DemoRoster } from "../demo-roster.ts";

const ROLE_WORDS: Record<Role, { zh: string; en: string }> = {
  ADMIN: { zh: "管理员", en: "admin" },
  SUPERVISOR: { zh: "督查人员", en: "supervisor" },
  CONTACT: { zh: "联络员", en: "contact" },
  READER: { zh: "读者", en: "reader" },
};

/** "联络员 · 市农业农村局", "督查人员": a person's role and the departments they are a contact of. */
export function describeActor(person: Person, roster: DemoRoster, locale: Locale): string {
  const names = person.departmentIds.map(
    (id) => roster.contacts.find((contact) => contact.department.id === id)?.department.name ?? id,
  );
  const role = pick(locale, ROLE_WORDS[person.role]);
  return names.length === 0 ? role : `${role} · ${names.join(locale === "zh" ? "、" : ", ")}`;
}
