import { DomainError } from "../domain/errors.ts";
import type { Env } from "./env-schema.ts";

/** Slack is configured when a bot token is set; otherwise `npm start` opens the local shell. */
export function isSlackConfigured(env: Pick<Env, "SLACK_BOT_TOKEN">): boolean {
  return env.SLACK_BOT_TOKEN !== undefined;
}

/**
 * Checks that the Slack settings go together, before anything is opened: a bot token, and a signing secret
 * (HTTP mode) or an app token (Socket Mode). Returns the bot token.
 */
export function checkSlackSettings(
  env: Pick<Env, "SLACK_BOT_TOKEN" | "SLACK_SIGNING_SECRET" | "SLACK_APP_TOKEN">,
): string {
  if (!env.SLACK_BOT_TOKEN) throw new DomainError("slack-not-configured", "SLACK_BOT_TOKEN is not set");
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new DomainError(
      "slack-not-configured",
      "SLACK_SIGNING_SECRET is required to receive Slack's requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  return env.SLACK_BOT_TOKEN;
}
