import { resolveDepartmentRef } from "../../../domain/addressing/resolve-department-ref.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import type { Person } from "../../../domain/supervision/supervision-types.ts";
import { removeControlCharacters } from "../../../domain/text/control-characters.ts";
import { displayWidth, padToWidth } from "../../../shared/pad-to-width.ts";
import { SHELL_PLATFORM } from "../demo-roster.ts";
import { actorLocale, type ShellContext, shellUser } from "../shell-context.ts";
import { describeActor } from "./describe-actor.ts";

/**
 * The person `who` names: a demo person's name, a department (its demo contact), or "@name" (a new user). The
 * shell looks names up in the store itself, outside the core's cleaning boundary, so it removes control
 * characters here first.
 */
async function findPerson(context: ShellContext, typed: string): Promise<Person | null> {
  const { roster } = context;
  const who = removeControlCharacters(typed);
  const named = roster.people.find((person) => person.displayName === who);
  if (named !== undefined) return named;
  if (/^[@＠]/.test(who)) {
    const name = who.slice(1).trim();
    if (name === "") return null;
    const [known] = await context.store.findPeopleByName(SHELL_PLATFORM, name);
    return (
      known ??
      context.core.identify({ platform: SHELL_PLATFORM, externalId: `user-${name}`, displayName: name })
    );
  }
  const department = resolveDepartmentRef(
    who,
    roster.contacts.map((contact) => contact.department),
  );
  if (department.kind === "found") {
    return roster.contacts.find((contact) => contact.department.id === department.id)?.person ?? null;
  }
  const [other] = await context.store.findPeopleByName(SHELL_PLATFORM, who);
  return other ?? null;
}

/** `/as` alone: the demo people, each with what they are. */
function listPeople(context: ShellContext): void {
  const { printer, roster } = context;
  const locale = actorLocale(context);
  printer.line(
    printer.style.bold(
      pick(locale, {
        zh: "演示用户（/as <姓名或部门> 切换）：",
        en: "Demo people (/as <name or department> to switch):",
      }),
    ),
  );
  const width = Math.max(...roster.people.map((person) => displayWidth(person.displayName)));
  for (const person of roster.people) {
    const current =
      person.id === context.session.actor.person.id ? pick(locale, { zh: "  ← 当前", en: "  ← you" }) : "";
    printer.line(
      `  ${padToWidth(person.displayName, width)}  ${describeActor(person, roster, locale)}${current}`,
    );
  }
}

/** `/as <who>`: act as that person from now on; says who they are and whether Duban messaged them meanwhile. */
export async function actAs(context: ShellContext, who: string): Promise<void> {
  if (who === "") return listPeople(context);
  const { printer } = context;
  const found = await findPerson(context, who);
  if (found === null) {
    const text = {
      zh: `✗ 找不到“${who}”。输入 /as 查看演示用户，或 /as @姓名 扮演新用户。`,
      en: `✗ No one called "${who}". Type /as for the demo people, or /as @name for a new user.`,
    };
    return printer.line(printer.style.error(pick(actorLocale(context), text)));
  }
  const user = shellUser(found);
  const person = await context.core.identify(user);
  context.session.actor = { user, person };
  context.session.actions = [];
  const locale = actorLocale(context);
  const what = describeActor(person, context.roster, locale);
  printer.line(
    pick(locale, {
      zh: `现在您是 ${person.displayName}（${what}）。`,
      en: `You are now ${person.displayName} (${what}).`,
    }),
  );
  const unread = context.mailbox.unreadCount(person.id);
  if (unread > 0) {
    printer.line(
      pick(locale, {
        zh: `有 ${unread} 条未读督办私信：/inbox 查看。`,
        en: `${unread} unread DM(s) from Duban: /inbox shows them.`,
      }),
    );
  }
}
