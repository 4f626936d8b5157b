import { LogLevel, webApi } from "@slack/bolt";
import type { DirectoryUser, UserDirectory } from "../../domain/ports/user-directory.ts";
import { slackErrorCode } from "./slack-errors.ts";

/** Slack's error for an e-mail address no member of the workspace has. */
const NOT_FOUND = "users_not_found";

/** The core's UserDirectory on Slack: users.lookupByEmail (scope users:read.email). */
export function createSlackUserDirectory(client: webApi.WebClient): UserDirectory {
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
        if (slackErrorCode(error) === NOT_FOUND) return null;
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
