import type { PersonChanges } from "../../domain/ports/supervision-store.ts";
import type { ChatUser, Person } from "../../domain/supervision/supervision-types.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";

function changesFor(person: Person, user: ChatUser, isAdmin: boolean): PersonChanges {
  const changes: PersonChanges = {};
  if (isAdmin && person.role !== "ADMIN") changes.role = "ADMIN";
  if (user.displayName && user.displayName !== person.displayName) changes.displayName = user.displayName;
  if (user.locale && user.locale !== person.locale) changes.locale = user.locale;
  if (user.email && user.email !== person.email) changes.email = user.email;
  return changes;
}

/**
 * The Person behind a chat user: created on first contact as a reader (an admin when their id is in
 * `admins`, DUBAN_ADMINS); a known person's name, locale and e-mail follow what the platform says, and a
 * listed admin is made one. One query when nothing changed.
 */
export async function identifyPerson(
  deps: Pick<SupervisionDeps, "store" | "clock" | "admins">,
  user: ChatUser,
): Promise<Person> {
  const isAdmin = deps.admins.includes(user.externalId);
  const found = await deps.store.findPerson(user.platform, user.externalId);
  const at = deps.clock.now();
  if (found === null) {
    const person = {
      platform: user.platform,
      externalId: user.externalId,
      displayName: user.displayName || user.externalId,
      email: user.email ?? null,
      locale: user.locale ?? null,
      role: isAdmin ? ("ADMIN" as const) : ("READER" as const),
    };
    return deps.store.createPerson(person, {
      actor: "system",
      action: "person.create",
      subjectType: "person",
      subjectId: "",
      at,
    });
  }
  const changes = changesFor(found, user, isAdmin);
  if (Object.keys(changes).length === 0) return found;
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, found[key as keyof PersonChanges]]),
  );
  return deps.store.updatePerson(found.id, changes, {
    actor: "system",
    action: "person.update",
    subjectType: "person",
    subjectId: found.id,
    before,
    after: changes,
    at,
  });
}
