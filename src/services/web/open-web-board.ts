import type { UserMention } from "../../domain/commands/user-mention.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { findMentioned } from "../contacts/assign-contact.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

function webSignInOf(deps: Pick<SupervisionDeps, "webSignIn">, person: Person) {
  if (deps.webSignIn !== undefined) return deps.webSignIn;
  return refuse(person, "web-not-served", {
    zh: "本实例未提供网页看板。",
    en: "This Duban does not serve the web board.",
  });
}

/** `/duban web`: a sign-in link only the person sees, valid 15 minutes and usable once. */
export async function openWebBoard(
  deps: Pick<SupervisionDeps, "webSignIn" | "clock">,
  person: Person,
): Promise<CoreOutcome> {
  const link = await webSignInOf(deps, person).issueLink(person.id, deps.clock.now());
  const locale = localeOf(person.locale);
  const minutes = Math.round((link.expiresAt.getTime() - deps.clock.now().getTime()) / 60_000);
  return outcome([
    buildNoticeMessage(locale, "info", [
      pick(locale, {
        zh: `网页看板登录链接（仅您可见，${minutes} 分钟内有效，只能使用一次）：`,
        en: `Your sign-in link to the web board (only for you, valid ${minutes} minutes, usable once):`,
      }),
      link.url,
    ]),
  ]);
}

/** `/duban web revoke <@user>` (supervisors): ends every web session of that person. */
export async function revokeWebSessions(
  deps: Pick<SupervisionDeps, "webSignIn" | "clock" | "store">,
  person: Person,
  mention: UserMention,
): Promise<CoreOutcome> {
  requireSupervisor(person, { zh: "撤销网页登录", en: "revoke web sign-ins" });
  const webSignIn = webSignInOf(deps, person);
  const target = await findMentioned(deps, person, mention);
  const locale = localeOf(person.locale);
  if (!("id" in target)) {
    return outcome([
      buildNoticeMessage(locale, "info", [
        pick(locale, {
          zh: `${target.displayName} 没有网页登录。`,
          en: `${target.displayName} has no web sessions.`,
        }),
      ]),
    ]);
  }
  const ended = await webSignIn.revokeSessions(target.id, person.id, deps.clock.now());
  return outcome([
    buildNoticeMessage(locale, "success", [
      pick(locale, {
        zh: `已撤销 ${target.displayName} 的 ${ended} 个网页登录。`,
        en: `Ended ${ended} web session(s) of ${target.displayName}.`,
      }),
    ]),
  ]);
}
