import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatNotifier } from "../../domain/ports/chat.ts";
import type { SupervisionCore } from "../../services/core/create-supervision-core.ts";
import {
  App,
  type AppOptions,
  type Logger as BoltLogger,
  type CustomRoute,
  type ReceiverEvent,
  type RetryOptions,
  SocketModeReceiver,
  type WebClient,
} from "./bolt.ts";
import { SLACK_REQUEST_TIMEOUT_MS } from "./create-outbox-web-client.ts";
import { createSlackChatNotifier } from "./create-slack-chat-notifier.ts";
import { createSlackMessenger } from "./create-slack-messenger.ts";
import { createSlackUserProfiles } from "./create-slack-user-profiles.ts";
import { registerListeners } from "./listeners/index.ts";
import type { EdgeLogger, ListenerDeps } from "./listeners/listener-deps.ts";
import type { SlackInbox } from "./slack-inbox.ts";
import { type InFlightTracker, trackInFlight } from "./track-in-flight.ts";

/** The path Slack posts events, slash commands and interactivity to (HTTP mode). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Web API retries: network failures and 429s (after waiting Retry-After), a few times, then give up. */
const RETRY_CONFIG: RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 30_000,
  randomize: true,
};

export interface SlackAppOptions {
  /** xoxb-…: the bot token. */
  botToken: string;
  /** Verifies Slack's requests in HTTP mode (required there). */
  signingSecret?: string | undefined;
  /** xapp-…: when set, Socket Mode instead of HTTP. */
  appToken?: string | undefined;
  /** The Web API base URL (SLACK_API_URL); Slack's by default. */
  apiUrl?: string | undefined;
  /** HTTP port for SLACK_EVENTS_PATH; 0 picks a free one. */
  port: number;
  /** Builds the core once the Slack side exists: its notifier posts with the app's Web API client. */
  createCore(ports: { notifier: ChatNotifier }): SupervisionCore;
  /** Where listeners log failures, once, at the edge. */
  logger: EdgeLogger;
  /** Bolt's and the WebClient's own logger. */
  boltLogger: BoltLogger;
  /**
   * Answer Slack only after the listeners finished (default false: Slack gets its 200 at once, as Bolt
   * recommends for long-running servers, and listeners carry on).
   */
  processBeforeResponse?: boolean;
  /** Known bot ids spare an auth.test per start (otherwise auth.test tells them). */
  botId?: string | undefined;
  botUserId?: string | undefined;
  retryConfig?: RetryOptions;
  /**
   * The durable inbox (startSlackFrontEnd always gives one): every request that may write is stored before
   * it is acknowledged, redeliveries and replays are dropped, and what a stopped process left is processed at
   * start. Without it, requests go to Bolt as they come.
   */
  inbox?: SlackInbox;
  /** Extra routes on the HTTP receiver's server (HTTP mode): /healthz and /readyz. */
  customRoutes?: CustomRoute[];
}

export interface SlackFrontEnd {
  app: App;
  client: WebClient;
  mode: "http" | "socket";
  /** Checks the token (auth.test) and starts listening; the HTTP port (null in Socket Mode). */
  start(): Promise<{ port: number | null }>;
  /** Stops listening, then waits for requests still being processed. */
  stop(): Promise<void>;
  /** Resolves once no request is being processed. */
  idle(): Promise<void>;
  /** Whether Slack can reach Duban now: the Socket Mode connection is up; in HTTP mode, the server listens. */
  connected(): boolean;
}

/**
 * Bolt's App with the inbox in front of it: receivers hand every request to processEvent. Each request is
 * tracked from there until the inbox has marked it processed, so stopping waits for all of it.
 */
class InboxApp extends App {
  readonly #inbox: SlackInbox | undefined;
  readonly #tracker: InFlightTracker;

  constructor(options: AppOptions, inbox: SlackInbox | undefined, tracker: InFlightTracker) {
    super(options);
    this.#inbox = inbox;
    this.#tracker = tracker;
  }

  /** A request from the receiver: through the inbox, which stores it before Bolt can acknowledge it. */
  override processEvent(event: ReceiverEvent): Promise<void> {
    const inbox = this.#inbox;
    return this.#tracker.run(() =>
      inbox === undefined
        ? super.processEvent(event)
        : inbox.receive(event, (accepted) => super.processEvent(accepted)),
    );
  }

  /** A stored request processed again (start-up recovery): the listeners run; nothing is acknowledged. */
  replay(body: ReceiverEvent["body"]): Promise<void> {
    return this.#tracker.run(() => super.processEvent({ body, ack: async () => {} }));
  }
}

/**
 * Follows the Socket Mode connection (Bolt keeps its receiver private; its SocketModeReceiver's client emits
 * connected, close, reconnecting, disconnected). Null in HTTP mode.
 */
function followSocketConnection(app: App): (() => boolean) | null {
  const receiver = (app as unknown as { receiver?: unknown }).receiver;
  if (!(receiver instanceof SocketModeReceiver)) return null;
  let up = false;
  const { client } = receiver;
  client.on("connected", () => {
    up = true;
  });
  for (const state of ["connecting", "reconnecting", "disconnecting", "disconnected"])
    client.on(state, () => {
      up = false;
    });
  // a WebSocket closed: down, unless it was an old one and a new one is already open (the client itself
  // reasons so); it waits a few seconds before it says "reconnecting"
  client.on("close", () => {
    up = (client as unknown as { websocket?: { isActive(): boolean } }).websocket?.isActive() === true;
  });
  return () => up;
}

/** How often, while stopping, connections that finished their request are closed (keep-alive would hold them). */
const CLOSE_IDLE_EVERY_MS = 50;

/** The inbox's sweep: entries stopped processes left, and old entries forgotten. */
const INBOX_SWEEP_MS = 60_000;

/**
 * Duban's Slack front end: a Bolt app (Socket Mode with an app token, else Bolt's HTTP receiver on
 * SLACK_EVENTS_PATH), its listeners wired to the supervision core, and the core's notifier on the app's client.
 */
export function createSlackApp(options: SlackAppOptions): SlackFrontEnd {
  const mode = options.appToken ? "socket" : "http";
  if (mode === "http" && !options.signingSecret) throw new Error("the HTTP receiver needs a signing secret");
  const tracker = trackInFlight();
  const { inbox } = options;
  const app = new InboxApp(
    {
      token: options.botToken,
      ...(mode === "socket"
        ? { appToken: options.appToken, socketMode: true }
        : {
            signingSecret: options.signingSecret,
            endpoints: SLACK_EVENTS_PATH,
            processBeforeResponse: options.processBeforeResponse ?? false,
            ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
          }),
      ...(options.botId ? { botId: options.botId } : {}),
      ...(options.botUserId ? { botUserId: options.botUserId } : {}),
      logger: options.boltLogger,
      clientOptions: {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
        retryConfig: options.retryConfig ?? RETRY_CONFIG,
        timeout: SLACK_REQUEST_TIMEOUT_MS, // a request that hangs ends: a DM's claim never stays in flight for ever
      },
      convoStore: false,
      deferInitialization: true,
    },
    inbox,
    tracker,
  );
  app.error(async (error) => {
    options.logger.error({ err: error }, "unhandled error in a Slack listener");
  });

  const messenger = createSlackMessenger(app.client);
  const deps: ListenerDeps = {
    core: options.createCore({ notifier: createSlackChatNotifier(messenger) }),
    profiles: createSlackUserProfiles(app.client, {
      onError: (error, user) =>
        options.logger.warn({ err: error, user }, "users.info failed; going on without the profile"),
    }),
    messenger,
    logger: options.logger,
  };
  registerListeners(app, deps);

  let started = false;
  let server: Server | null = null;
  const socketUp = followSocketConnection(app);
  let sweep: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> = Promise.resolve();
  const recover = async () => {
    if (inbox === undefined) return;
    await inbox.recover((body) => app.replay(body));
    await inbox.prune();
  };
  const sweepNow = () => {
    sweeping = sweeping
      .then(recover)
      .catch((error: unknown) => options.logger.error({ err: error }, "inbox: the sweep failed"));
  };
  return {
    app,
    client: app.client,
    mode,
    async start() {
      await app.init();
      // what a stopped process stored and acknowledged but did not process, before anything new
      await recover();
      const running = await app.start(options.port);
      started = true;
      if (inbox !== undefined) {
        sweep = setInterval(sweepNow, INBOX_SWEEP_MS);
        sweep.unref();
      }
      if (mode === "socket") return { port: null };
      server = running as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      clearInterval(sweep);
      if (started) {
        // No new connections from here. Requests already on a connection finish (the inbox stores each before
        // its 200); a keep-alive connection is closed as soon as it is idle, so none waits for its time-out.
        const listening = server;
        const closeIdle = setInterval(() => listening?.closeIdleConnections(), CLOSE_IDLE_EVERY_MS);
        try {
          await app.stop();
        } finally {
          clearInterval(closeIdle);
        }
      }
      started = false;
      server = null;
      await sweeping;
      await tracker.idle();
    },
    idle: tracker.idle,
    connected: () => (socketUp === null ? started : socketUp()),
  };
}
