import { DomainError } from "../../domain/errors.ts";
import type { DirectoryUser, UserDirectory } from "../../domain/ports/chat.ts";
import { LogLevel, type WebClient, webApi } from "./bolt.ts";
import { slackErrorCode } from "./slack-errors.ts";

/** Slack's error for an e-mail address no member of the workspace has. */
const NOT_FOUND = "users_not_found";

/** What the operator has to do when Slack refuses the lookup itself (one line, never Slack's raw error). */
const REFUSALS: Record<string, string> = {
  invalid_auth: "copy the app's Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN",
  not_authed: "set SLACK_BOT_TOKEN",
  token_revoked: "the app was removed or its token revoked: reinstall it and set the new SLACK_BOT_TOKEN",
  account_inactive:
    "the workspace or the bot user is gone: reinstall the app and set the new SLACK_BOT_TOKEN",
  missing_scope: "the token lacks users:read.email: reinstall the app from slack-app-manifest.yaml",
};

/** The core's UserDirectory on Slack: users.lookupByEmail (scope users:read.email). */
export function createSlackUserDirectory(client: WebClient): UserDirectory {
  return {
    platform: "slack",
    async lookupByEmail(email: string): Promise<DirectoryUser | null> {
      try {
        const { user } = await client.users.lookupByEmail({ email });
        if (!user?.id) return null;
        return {
          externalId: user.id,
          displayName:
            user.real_name || user.profile?.real_name || user.profile?.display_name || user.name || user.id,
          locale: null, // users.lookupByEmail does not tell the locale; users.info does, on first contact
        };
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === NOT_FOUND) return null;
        const problem = code === undefined ? undefined : REFUSALS[code];
        if (problem !== undefined)
          throw new DomainError("slack-refused", `Slack refused users.lookupByEmail (${code}): ${problem}`);
        throw error;
      }
    },
  };
}

/** The directory for a command-line run (`duban contacts import`): its own Web API client, quiet but for errors. */
export function createSlackUserDirectoryFor(settings: {
  botToken: string;
  apiUrl?: string | undefined;
}): UserDirectory {
  const client = new webApi.WebClient(settings.botToken, {
    logLevel: LogLevel.ERROR,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  });
  return createSlackUserDirectory(client);
}
