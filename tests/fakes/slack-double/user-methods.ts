import type { SlackUserFixture, SlackWorkspace } from "./create-slack-workspace.ts";
import { booleanArg, type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";

const TZ_OFFSETS: Record<string, [label: string, offsetSeconds: number]> = {
  "Asia/Shanghai": ["China Standard Time", 28_800],
  "America/Los_Angeles": ["Pacific Standard Time", -28_800],
  UTC: ["Coordinated Universal Time", 0],
};

/** The user object of users.info / users.lookupByEmail; `locale` only with include_locale (users.info docs). */
function toSlackUser(
  user: SlackUserFixture,
  workspace: SlackWorkspace,
  includeLocale: boolean,
  deleted = false,
) {
  const tz = user.tz ?? "Asia/Shanghai";
  const [tzLabel, tzOffset] = TZ_OFFSETS[tz] ?? [tz, 0];
  return {
    id: user.id,
    team_id: workspace.teamId,
    name: user.name,
    // a deactivated member stays in the directory with deleted: true (python-slack-sdk#1156)
    deleted,
    color: "9f69e7",
    real_name: user.realName,
    tz,
    tz_label: tzLabel,
    tz_offset: tzOffset,
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      ...(user.email ? { email: user.email } : {}),
      ...(user.botId ? { bot_id: user.botId } : {}),
      image_48: `https://avatars.slack-edge.com/${user.id}_48.png`,
      team: workspace.teamId,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: 1_700_000_000,
    ...(includeLocale ? { locale: user.locale ?? "en-US" } : {}),
  };
}

function authTest({ state }: MethodContext): SlackApiResult {
  const { workspace } = state;
  return {
    ok: true,
    url: `https://${workspace.teamDomain}.slack.com/`,
    team: workspace.teamName,
    user: workspace.bot.name,
    team_id: workspace.teamId,
    user_id: workspace.bot.userId,
    bot_id: workspace.bot.botId,
    is_enterprise_install: false,
  };
}

function usersInfo({ state, args }: MethodContext): SlackApiResult {
  const user = state.findUser(stringArg(args, "user"));
  if (!user) return slackApiError("user_not_found");
  const deleted = state.deletedUsers.has(user.id);
  return { ok: true, user: toSlackUser(user, state.workspace, booleanArg(args, "include_locale"), deleted) };
}

/**
 * users.list: every member, deactivated ones included (`deleted: true`), in pages of `limit` (default 200
 * here; Slack recommends no more than 200) with response_metadata.next_cursor.
 */
function usersList({ state, args }: MethodContext): SlackApiResult {
  const limit = Math.min(Math.max(Number(stringArg(args, "limit") ?? 200) || 200, 1), 1000);
  const start = Number(Buffer.from(stringArg(args, "cursor") ?? "", "base64").toString("utf8") || 0);
  const users = state.workspace.users;
  const page = users.slice(start, start + limit);
  const next = start + limit < users.length ? Buffer.from(String(start + limit)).toString("base64") : "";
  return {
    ok: true,
    members: page.map((user) => toSlackUser(user, state.workspace, false, state.deletedUsers.has(user.id))),
    cache_ts: Math.floor(state.now() / 1000),
    response_metadata: { next_cursor: next },
  };
}

function usersLookupByEmail({ state, args }: MethodContext): SlackApiResult {
  const email = stringArg(args, "email")?.toLowerCase();
  const user = state.workspace.users.find((candidate) => candidate.email?.toLowerCase() === email);
  if (!email || !user) return slackApiError("users_not_found");
  return { ok: true, user: toSlackUser(user, state.workspace, false) };
}

/** conversations.open: one user -> the bot's DM ("D..."), several -> a group DM ("G..."). */
function conversationsOpen({ state, args }: MethodContext): SlackApiResult {
  const channelId = stringArg(args, "channel");
  const users = (stringArg(args, "users") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (channelId) {
    const existing = state.conversations.get(channelId);
    if (!existing || existing.kind === "channel") return slackApiError("channel_not_found");
    return { ok: true, no_op: true, already_open: true, channel: { id: existing.id } };
  }
  if (users.length === 0) return slackApiError("users_list_not_supplied");
  if (users.length > 8) return slackApiError("too_many_users");
  if (users.some((id) => !state.findUser(id))) return slackApiError("user_not_found");
  if (users.length > 1) {
    const id = state.ids.id("G");
    state.conversations.set(id, { id, kind: "mpim", botIsMember: true, members: users });
    return { ok: true, channel: { id } };
  }
  const { conversation, alreadyOpen } = state.openIm(users[0] as string);
  const channel = booleanArg(args, "return_im")
    ? {
        id: conversation.id,
        created: Math.floor(state.now() / 1000),
        is_im: true,
        user: conversation.user,
        is_open: true,
      }
    : { id: conversation.id };
  return alreadyOpen ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel };
}

export const userMethods: Record<string, WebApiMethod> = {
  "auth.test": authTest,
  "users.info": usersInfo,
  "users.lookupByEmail": usersLookupByEmail,
  "users.list": usersList,
  "conversations.open": conversationsOpen,
};
