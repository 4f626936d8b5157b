import type { UserMention } from "../../domain/commands/user-mention.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { findMentioned } from "../contacts/assign-contact.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/** The person a mention names, who must already be known to Duban (snoozes and absences create no one). */
export async function findKnownPerson(
  deps: Pick<SupervisionDeps, "store" | "clock">,
  actor: Person,
  mention: UserMention,
): Promise<Person> {
  const found = await findMentioned(deps, actor, mention);
  if (!("create" in found)) return found;
  return refuse(actor, "unknown-user", {
    zh: `${found.displayName} 还不是督办的用户：请先用 /duban assign 指派为联络员。`,
    en: `${found.displayName} is not a Duban user yet: assign them first with /duban assign.`,
  });
}
