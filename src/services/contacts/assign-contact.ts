import type { UserMention } from "../../domain/commands/user-mention.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { type Localized, localeOf, pick } from "../../domain/supervision/locale.ts";
import { canGrantRole, higherRole } from "../../domain/supervision/roles.ts";
import type { Person, Role } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";

const ROLE_NAMES: Record<Role, Localized> = {
  ADMIN: { zh: "管理员", en: "admin" },
  SUPERVISOR: { zh: "督查人员", en: "supervisor" },
  CONTACT: { zh: "联络员", en: "contact" },
  READER: { zh: "读者", en: "reader" },
};

/** A mentioned user Duban does not know yet: created only once the assignment is allowed. */
type Unknown = {
  role: "READER";
  departmentIds: string[];
  displayName: string;
  create: () => Promise<Person>;
};

/** The person a mention names: by platform id (to be created on first mention), or by a unique display name. */
export async function findMentioned(
  deps: Pick<SupervisionDeps, "store" | "clock">,
  actor: Person,
  mention: UserMention,
): Promise<Person | Unknown> {
  if (mention.externalId !== null) {
    const externalId = mention.externalId;
    const known = await deps.store.findPerson(actor.platform, externalId);
    if (known !== null) return known;
    const displayName = mention.name ?? externalId;
    const person = {
      platform: actor.platform,
      externalId,
      displayName,
      email: null,
      locale: null,
      role: "READER" as const,
    };
    const audit = {
      actor: actor.id,
      action: "person.create",
      subjectType: "person" as const,
      subjectId: "",
      at: deps.clock.now(),
    };
    return {
      role: "READER",
      departmentIds: [],
      displayName,
      create: () => deps.store.createPerson(person, audit),
    };
  }
  const named = await deps.store.findPeopleByName(actor.platform, mention.name);
  const [only] = named;
  if (named.length === 1 && only !== undefined) return only;
  return refuse(actor, "unknown-user", {
    zh:
      named.length === 0
        ? `不认识用户 @${mention.name}：请让其先给督办发一条消息，或用 @ 选择用户。`
        : `有多位用户叫 @${mention.name}，请用 @ 选择用户。`,
    en:
      named.length === 0
        ? `Unknown user @${mention.name}: have them message Duban first, or pick them with @.`
        : `Several users are called @${mention.name}; pick one with @.`,
  });
}

/**
 * `/duban assign <部门> <@user> [role]` (supervisors, admins): makes the user a contact of the department
 * and gives them the role (default: contact, never lowering a higher role). Supervisors grant contact and
 * reader; admins any role. Audited.
 */
export async function assignContact(
  deps: Pick<SupervisionDeps, "store" | "clock">,
  actor: Person,
  context: PlanContext,
  assignment: { departmentId: string; user: UserMention; role: Role | null },
): Promise<CoreOutcome> {
  requireSupervisor(actor, { zh: "指派联络员", en: "assign contacts" });
  const locale = localeOf(actor.locale);
  const target = await findMentioned(deps, actor, assignment.user);
  const role = assignment.role ?? higherRole(target.role, "CONTACT");
  const roleName = ROLE_NAMES[role];
  if (!canGrantRole(actor, target, role)) {
    refuse(actor, "forbidden", {
      zh: `您不能将 ${target.displayName} 设为${roleName.zh}：督查人员只能指派联络员和读者，其他角色需要管理员。`,
      en: `You cannot make ${target.displayName} ${roleName.en}: supervisors grant contact and reader; other roles need an admin.`,
    });
  }
  const person = "create" in target ? await target.create() : target;
  const department = context.directory.departments.find((d) => d.id === assignment.departmentId);
  const departmentName = department?.name ?? assignment.departmentId;
  const result = await deps.store.assignPerson(
    { personId: person.id, role, departmentId: assignment.departmentId },
    {
      actor: actor.id,
      action: "contact.assign",
      subjectType: "person",
      subjectId: person.id,
      before: { role: target.role, departmentIds: target.departmentIds },
      after: { role, departmentId: assignment.departmentId },
      at: deps.clock.now(),
    },
  );
  const unchanged = !result.contactAdded && !result.roleChanged;
  const text = unchanged
    ? {
        zh: `${target.displayName} 已是${departmentName}的${roleName.zh}，无需更改。`,
        en: `${target.displayName} already is ${roleName.en} for ${departmentName}; nothing changed.`,
      }
    : {
        zh: `已将 ${target.displayName} 设为${departmentName}的${roleName.zh}。`,
        en: `${target.displayName} is now ${roleName.en} for ${departmentName}.`,
      };
  return outcome([buildNoticeMessage(locale, unchanged ? "info" : "success", [pick(locale, text)])]);
}
