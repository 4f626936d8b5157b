import type { ChannelProblem } from "../ports/chat.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import { buildNoticeMessage } from "./build-notice-message.ts";
import type { NoticeMessage } from "./message-types.ts";

export interface ChannelProblemFacts {
  /** "#duban-digest" */
  channel: string;
  problem: ChannelProblem;
  /** The bot's chat name, as people /invite it. */
  botName: string;
  /** A scheduled digest waits in the outbox and goes out by itself once it can; `/duban digest` is sent again by hand. */
  scheduled: boolean;
}

/**
 * The one sentence that says why the digest did not go out and what to do, for the supervisor who asked
 * (`/duban digest`) or, for a scheduled digest, the admins.
 */
export function buildChannelProblemNotice(locale: Locale, facts: ChannelProblemFacts): NoticeMessage {
  const { channel, botName, scheduled } = facts;
  const then = scheduled
    ? pick(locale, {
        zh: "督办加入后，周报会自动发出。",
        en: "the digest goes out by itself once Duban is in.",
      })
    : pick(locale, { zh: "然后重新发送周报。", en: "then post the digest again." });
  const invite = pick(locale, {
    zh: `请在 ${channel} 中输入 /invite @${botName}，${then}`,
    en: `type /invite @${botName} in ${channel}, ${then}`,
  });
  const line = {
    not_member: pick(locale, {
      zh: `周报未能发布：督办不在 ${channel} 中。${invite}`,
      en: `The digest was not posted: Duban is not in ${channel}; ${invite}`,
    }),
    not_found: pick(locale, {
      zh: `周报未能发布：督办看不到 ${channel}（私有频道要先邀请督办；名称有误请改 schedule.digest.channel 或 DUBAN_DIGEST_CHANNEL）。${invite}`,
      en: `The digest was not posted: Duban cannot see ${channel} (a private channel must invite it; if the name is wrong, fix schedule.digest.channel or DUBAN_DIGEST_CHANNEL); ${invite}`,
    }),
    archived: pick(locale, {
      zh: `周报未能发布：${channel} 已归档。请在工作流文件的 schedule.digest.channel 或 DUBAN_DIGEST_CHANNEL 中换一个频道${scheduled ? "并重启督办" : "，然后重新发送周报"}。`,
      en: `The digest was not posted: ${channel} is archived; name another channel in the workflow's schedule.digest.channel or DUBAN_DIGEST_CHANNEL${scheduled ? " and restart Duban" : ", then post the digest again"}.`,
    }),
  }[facts.problem];
  return buildNoticeMessage(locale, "error", [line]);
}

/** To supervisors: a contact's chat account was deactivated; Duban stops writing to them, who takes over? */
export function buildDeactivatedContactNotice(
  locale: Locale,
  contact: { displayName: string; departments: readonly string[] },
): NoticeMessage {
  const departments = contact.departments.join(pick(locale, { zh: "、", en: ", " }));
  const first = contact.departments[0] ?? pick(locale, { zh: "<部门>", en: "<department>" });
  return buildNoticeMessage(locale, "error", [
    pick(locale, {
      zh: `联络员 ${contact.displayName} 的 Slack 账号已停用，督办不再给他发提醒${departments ? `；${departments} 需要新的联络员` : ""}。请用 /duban assign ${first} @新联络员 指定。`,
      en: `${contact.displayName}'s Slack account is deactivated, so Duban no longer reminds them${departments ? `; ${departments} need(s) a new contact` : ""}. Assign one with /duban assign ${first} @new-contact.`,
    }),
  ]);
}
