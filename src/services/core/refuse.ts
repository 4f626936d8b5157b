import { DomainError } from "../../domain/errors.ts";
import { type Localized, localeOf, pick } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";

/** Refuses an action: a DomainError whose message is in the person's language. Nothing has changed. */
export function refuse(person: Pick<Person, "locale">, code: string, text: Localized): never {
  throw new DomainError(code, pick(localeOf(person.locale), text));
}

/** Only supervisors (督查人员) and admins may `what`. */
export function requireSupervisor(person: Pick<Person, "locale" | "role">, what: Localized): void {
  if (isSupervisor(person)) return;
  refuse(person, "forbidden", {
    zh: `只有督查人员或管理员可以${what.zh}。`,
    en: `Only supervisors and admins can ${what.en}.`,
  });
}
