import type { Logger as BoltLogger, CustomRoute } from "@slack/bolt";
import type { Env } from "../../config/env-schema.ts";
import { checkSlackSettings } from "../../config/slack-settings.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { WebSignIn } from "../../domain/ports/web-sign-in.ts";
import { createSupervisionCore } from "../../services/core/create-supervision-core.ts";
import type { CoreDependencies } from "../../services/core/supervision-deps.ts";
import { systemClock } from "../clock/system-clock.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { createPrismaInboxStore } from "../db/prisma-inbox-store.ts";
import { answerHealthz, answerReadyz, HEALTH_PATH, READY_PATH } from "../health/health-routes.ts";
import type { ReadinessChecks } from "../health/readiness-checks.ts";
import type { Logger } from "../logging/create-logger.ts";
import { createBoltLogger } from "./create-bolt-logger.ts";
import { createSlackApp, SLACK_EVENTS_PATH, type SlackFrontEnd } from "./create-slack-app.ts";
import { createSlackDigestPublisherFor } from "./slack-digest-publisher.ts";
import { slackErrorCode } from "./slack-errors.ts";
import { createSlackInbox } from "./slack-inbox.ts";

export type SlackEnv = Pick<
  Env,
  | "SLACK_BOT_TOKEN"
  | "SLACK_SIGNING_SECRET"
  | "SLACK_APP_TOKEN"
  | "SLACK_API_URL"
  | "PORT"
  | "DUBAN_ADMINS"
  | "DUBAN_DIGEST_CHANNEL"
>;

export interface StartSlackFrontEndOptions {
  env: SlackEnv;
  /** The durable inbox's table. */
  prisma: PrismaClient;
  /** The core's dependencies, from the composition root (src/app/compose-core.ts). */
  core: Pick<CoreDependencies, "store" | "calendar" | "assessment">;
  logger: Logger;
  /** Overrides PORT (tests and benches listen on 0). */
  port?: number;
  /** Bolt's own logger; by default Duban's logger. */
  boltLogger?: BoltLogger;
  clock?: Clock;
  processBeforeResponse?: boolean;
  /**
   * /readyz's checks: in HTTP mode /healthz and /readyz are served beside /slack/events on PORT; in Socket
   * Mode the connection is added to them as `slack`.
   */
  readiness?: ReadinessChecks;
  /** Sign-in links to the web board for `/duban web`. */
  webSignIn?: WebSignIn;
  /** More routes on PORT in HTTP mode (the web board's). */
  customRoutes?: CustomRoute[];
}

export interface RunningSlackFrontEnd extends SlackFrontEnd {
  /** The HTTP port (null in Socket Mode). */
  port: number | null;
}

/** /healthz and /readyz on the HTTP receiver's server (unauthenticated; they tell only ok / not ok). */
function healthRoutes(readiness: ReadinessChecks) {
  return [
    { path: HEALTH_PATH, method: ["GET", "HEAD"], handler: answerHealthz },
    {
      path: READY_PATH,
      method: ["GET", "HEAD"],
      handler: (req: Parameters<typeof answerHealthz>[0], res: Parameters<typeof answerHealthz>[1]) => {
        answerReadyz(req, res, readiness).catch(() => res.destroy());
      },
    },
  ];
}

/** Slack is configured when there is a bot token. */
/**
 * Wires the supervision core (on the database) to Slack and starts listening: Socket Mode with
 * SLACK_APP_TOKEN, else Bolt's HTTP receiver on PORT at /slack/events. Requests that may write go through the
 * durable inbox (slack-inbox.ts): stored, then acknowledged, then processed; what a stopped process left is
 * processed before listening. A refused token stops start-up with one line.
 */
export async function startSlackFrontEnd(options: StartSlackFrontEndOptions): Promise<RunningSlackFrontEnd> {
  const { env, logger, readiness } = options;
  const botToken = checkSlackSettings(env);
  const { store, calendar, assessment } = options.core;
  const clock = options.clock ?? systemClock;
  const slack = createSlackApp({
    botToken,
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    apiUrl: env.SLACK_API_URL,
    port: options.port ?? env.PORT,
    createCore: ({ notifier }) =>
      createSupervisionCore({
        store,
        notifier,
        clock,
        calendar,
        admins: env.DUBAN_ADMINS,
        digestPublisher: createSlackDigestPublisherFor(env),
        assessment,
        webSignIn: options.webSignIn,
      }),
    logger,
    boltLogger: options.boltLogger ?? createBoltLogger(logger),
    processBeforeResponse: options.processBeforeResponse,
    inbox: createSlackInbox({ store: createPrismaInboxStore(options.prisma), clock, logger }),
    customRoutes: [
      ...(readiness === undefined ? [] : healthRoutes(readiness)),
      ...(options.customRoutes ?? []),
    ],
  });
  if (readiness !== undefined && slack.mode === "socket") readiness.add("slack", () => slack.connected());
  let port: number | null;
  try {
    ({ port } = await slack.start());
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === undefined) throw error;
    throw new DomainError(
      "slack-refused",
      `Slack refused to start Duban (${code}): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN`,
    );
  }
  logger.info(
    port === null ? { mode: "socket" } : { mode: "http", port, path: SLACK_EVENTS_PATH },
    port === null
      ? "Slack front end connected (Socket Mode)"
      : `Slack front end listening on :${port}${SLACK_EVENTS_PATH}`,
  );
  return { ...slack, port };
}
