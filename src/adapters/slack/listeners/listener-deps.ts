import type { SupervisionCore } from "../../../services/core/create-supervision-core.ts";
import type { SlackMessenger } from "../create-slack-messenger.ts";
import type { SlackUserProfiles } from "../create-slack-user-profiles.ts";

/** Where listeners log: once, at the edge (pino fits). */
export interface EdgeLogger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** What every listener gets: the core, who users are, how to post, where to log. */
export interface ListenerDeps {
  core: SupervisionCore;
  profiles: SlackUserProfiles;
  messenger: SlackMessenger;
  logger: EdgeLogger;
}
