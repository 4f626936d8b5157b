import type { webApi } from "@slack/bolt";
import { openDatabase } from "../../adapters/db/open-database.ts";
import { createPrismaSupervisionStore } from "../../adapters/db/prisma-supervision-store.ts";
import { createOutboxWebClient } from "../../adapters/slack/create-outbox-web-client.ts";
import { slackErrorCode } from "../../adapters/slack/slack-errors.ts";
import type { Env } from "../../config/env-schema.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";

export interface SlackCheck {
  ok: boolean;
  label: string;
  detail: string;
}

/** What to do about each way Slack refuses the token (auth.test errors, slack-ruby/slack-api-ref). */
const TOKEN_FIXES: Record<string, string> = {
  invalid_auth:
    "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page into SLACK_BOT_TOKEN",
  not_authed: "set SLACK_BOT_TOKEN",
  token_revoked: "the app was removed or its token revoked: reinstall it and set the new SLACK_BOT_TOKEN",
  account_inactive:
    "the workspace or the bot user is gone: reinstall the app and set the new SLACK_BOT_TOKEN",
};

/** The digest channel: DUBAN_DIGEST_CHANNEL, else the loaded plan's schedule.digest.channel; null for none. */
async function digestChannelOf(env: Env): Promise<string | null> {
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR }, "duban doctor");
    const directory = await createPrismaSupervisionStore(db.prisma).readPlanDirectory();
    const fromPlan = directory === null ? undefined : readPlanSchedule(directory.schedule).digest.channel;
    return fromPlan ?? env.DUBAN_DIGEST_CHANNEL ?? null;
  } catch {
    return env.DUBAN_DIGEST_CHANNEL ?? null; // the database check reports why it cannot be read
  } finally {
    await db?.close();
  }
}

type FoundChannel = { id: string; name: string; isPrivate: boolean; isArchived: boolean; isMember: boolean };

/** The channel by id (conversations.info) or by name (conversations.list); null when Duban cannot see it. */
async function findChannel(client: webApi.WebClient, channel: string): Promise<FoundChannel | null> {
  const read = (found: {
    id?: string;
    name?: string;
    is_private?: boolean;
    is_archived?: boolean;
    is_member?: boolean;
  }): FoundChannel => ({
    id: found.id ?? channel,
    name: found.name ?? channel,
    isPrivate: found.is_private === true,
    isArchived: found.is_archived === true,
    isMember: found.is_member === true,
  });
  if (/^[CG][A-Z0-9]{6,}$/.test(channel)) {
    try {
      const info = await client.conversations.info({ channel });
      return info.channel ? read(info.channel) : null;
    } catch (error) {
      if (slackErrorCode(error) === "channel_not_found") return null;
      throw error;
    }
  }
  const name = channel.replace(/^#/, "");
  let cursor: string | undefined;
  do {
    const page = await client.conversations.list({
      types: "public_channel,private_channel",
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = page.channels?.find((candidate) => candidate.name === name);
    if (found) return read(found);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor !== undefined);
  return null;
}

function describeFailure(error: unknown, apiUrl: string): string {
  const code = slackErrorCode(error);
  if (code === "missing_scope") {
    const needed = (error as { data?: { needed?: string } }).data?.needed ?? "a scope";
    return `the token lacks ${needed}: reinstall the app from slack-app-manifest.yaml (README, "Install in your Slack workspace")`;
  }
  if (code !== undefined) return `Slack answered ${code}`;
  return `cannot reach Slack at ${apiUrl}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}

/**
 * `duban doctor` with Slack configured: the bot token works (auth.test), and the digest channel exists, is not
 * archived, and has Duban in it; each failure names its fix.
 */
export async function checkSlackSetup(env: Env): Promise<SlackCheck[]> {
  if (!env.SLACK_BOT_TOKEN) return [];
  const apiUrl = env.SLACK_API_URL ?? "https://slack.com/api/";
  const client = createOutboxWebClient({ botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
  let bot: string;
  try {
    const auth = await client.auth.test();
    bot = auth.user ?? "duban";
    const checks: SlackCheck[] = [
      {
        ok: true,
        label: "slack token",
        detail: `bot @${bot} in ${auth.team ?? "?"} (${auth.team_id ?? "?"})`,
      },
    ];
    return [...checks, await checkDigestChannel(env, client, bot, apiUrl)];
  } catch (error) {
    const code = slackErrorCode(error);
    const fix = code === undefined ? undefined : TOKEN_FIXES[code];
    return [
      {
        ok: false,
        label: "slack token",
        detail: fix ? `Slack refused the token (${code}): ${fix}` : describeFailure(error, apiUrl),
      },
    ];
  }
}

async function checkDigestChannel(
  env: Env,
  client: webApi.WebClient,
  bot: string,
  apiUrl: string,
): Promise<SlackCheck> {
  const label = "digest channel";
  const channel = await digestChannelOf(env);
  if (channel === null)
    return {
      ok: true,
      label,
      detail: "none set (schedule.digest.channel or DUBAN_DIGEST_CHANNEL): not checked",
    };
  let found: FoundChannel | null;
  try {
    found = await findChannel(client, channel);
  } catch (error) {
    return { ok: false, label, detail: `${channel}: ${describeFailure(error, apiUrl)}` };
  }
  if (found === null)
    return {
      ok: false,
      label,
      detail: `Duban cannot see ${channel}: if it is private, type /invite @${bot} in it; otherwise check the name`,
    };
  const name = `#${found.name}`;
  if (found.isArchived)
    return {
      ok: false,
      label,
      detail: `${name} is archived: name another channel in schedule.digest.channel or DUBAN_DIGEST_CHANNEL`,
    };
  if (!found.isMember)
    return {
      ok: false,
      label,
      detail: `Duban is not in ${name}: type /invite @${bot} in ${name} (it is public: Duban would also join it by itself at the first digest)`,
    };
  return {
    ok: true,
    label,
    detail: `${name} (${found.id}), ${found.isPrivate ? "private" : "public"}, Duban is in it`,
  };
}
