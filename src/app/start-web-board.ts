import type { CustomRoute } from "@slack/bolt";
import type { PrismaClient } from "../adapters/db/generated/client.ts";
import { createWorkflowSettingsReader } from "../adapters/files/read-workflow-settings.ts";
import type { Logger } from "../adapters/logging/create-logger.ts";
import { type RunningWebServer, startWebServer } from "../adapters/web/start-web-server.ts";
import { createWebAccessStore } from "../adapters/web/web-access-store.ts";
import {
  createWebBoardHandler,
  WEB_ROUTE_PATHS,
  type WebBoardHandler,
} from "../adapters/web/web-board-handler.ts";
import type { Env } from "../config/env-schema.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { WebSignIn } from "../domain/ports/web-sign-in.ts";
import type { CoreDependencies } from "../services/core/supervision-deps.ts";
import type { WebReadDeps } from "../services/web/read-web-board.ts";

/**
 * The web board's wiring, in one place (src/adapters/web does the work): the handler for its pages and the
 * sign-in links `/duban web` gives out. Two ways to serve it:
 * - `webBoardRoutes`: beside /slack/events on PORT (Bolt's HTTP receiver, customRoutes);
 * - `webBoardOnItsOwnPort`: its own server on WEB_HOST:WEB_PORT (Socket Mode, and the shell, which starts it
 *   the first time someone asks for a link).
 */
export interface WebBoardWiring {
  prisma: PrismaClient;
  deps: WebReadDeps;
  logger: Logger;
  env: Pick<Env, "PORT" | "WEB_PORT" | "WEB_HOST" | "WEB_PUBLIC_URL">;
}

function parts(wiring: WebBoardWiring, publicUrl: () => string) {
  const access = createWebAccessStore(wiring.prisma, publicUrl);
  const handler = createWebBoardHandler({
    prisma: wiring.prisma,
    deps: wiring.deps,
    access,
    clock: wiring.deps.clock,
    publicUrl,
    logger: wiring.logger,
  });
  return { access, handler };
}

/** For Bolt's HTTP receiver: every board path on PORT, and the links `/duban web` gives. */
export function webBoardRoutes(wiring: WebBoardWiring): {
  webSignIn: WebSignIn;
  routes: Array<{ path: string; method: string[]; handler: WebBoardHandler }>;
} {
  const publicUrl = wiring.env.WEB_PUBLIC_URL ?? `http://localhost:${wiring.env.PORT}`;
  const { access, handler } = parts(wiring, () => publicUrl);
  return {
    webSignIn: access,
    routes: WEB_ROUTE_PATHS.map((path) => ({ path, method: ["GET", "HEAD", "POST"], handler })),
  };
}

export interface WebBoardOnItsOwnPort {
  /** The links `/duban web` gives; the first one starts the server when `lazy`. */
  webSignIn: WebSignIn;
  /** Starts the server now (Socket Mode); the port it listens on. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** The board on WEB_HOST:WEB_PORT (127.0.0.1:3001 by default), started now or at the first link (`lazy`). */
export function webBoardOnItsOwnPort(
  wiring: WebBoardWiring,
  port = wiring.env.WEB_PORT,
): WebBoardOnItsOwnPort {
  const host = wiring.env.WEB_HOST;
  let server: Promise<RunningWebServer> | null = null;
  let listening: number | null = null;
  const publicUrl = () =>
    wiring.env.WEB_PUBLIC_URL ?? `http://${host.includes(":") ? `[${host}]` : host}:${listening ?? port}`;
  const { access, handler } = parts(wiring, publicUrl);
  const start = async () => {
    server ??= startWebServer(handler, { port, host }).then(
      (running) => {
        listening = running.port;
        wiring.logger.info({ url: publicUrl() }, `web board on ${publicUrl()}/web`);
        return running;
      },
      (error: unknown) => {
        server = null;
        throw error;
      },
    );
    return (await server).port;
  };
  return {
    webSignIn: {
      issueLink: async (personId, now) => {
        await start();
        return access.issueLink(personId, now);
      },
      revokeSessions: (personId, actorId, now) => access.revokeSessions(personId, actorId, now),
    },
    start,
    stop: async () => {
      if (server !== null) await (await server).stop();
    },
  };
}

/** What the board reads with: the supervision store, the working-day calendar, the assessment's ports and the clock. */
export function webReadDeps(core: CoreDependencies, prisma: PrismaClient, clock: Clock): WebReadDeps {
  return {
    store: core.store,
    calendar: core.calendar,
    clock,
    assessment: core.assessment,
    countyNames: countyNamesFrom(prisma),
  };
}

/** County names from the workflow file the plan was loaded from (read once per plan and file). */
export function countyNamesFrom(prisma: PrismaClient): NonNullable<WebReadDeps["countyNames"]> {
  const reader = createWorkflowSettingsReader();
  const read = new Map<string, Promise<ReadonlyMap<string, string>>>();
  return async (planId) => {
    const plan = await prisma.plan.findUnique({ where: { id: planId }, select: { workflowFile: true } });
    const key = `${planId}:${plan?.workflowFile ?? ""}`;
    let names = read.get(key);
    if (names === undefined) {
      names = reader
        .readWorkflowSettings(plan?.workflowFile ?? null)
        .then((settings) => settings.countyNames)
        .catch(() => new Map<string, string>());
      read.set(key, names);
    }
    return names;
  };
}

/**
 * The board beside the Slack bot: on PORT in HTTP mode (routes for Bolt), on its own port in Socket Mode (started
 * now; a port in use is a warning, and the first `/duban web` tries again).
 */
export async function startWebBoardForSlack(
  wiring: Omit<WebBoardWiring, "deps"> & { core: CoreDependencies; clock: Clock; socketMode: boolean },
): Promise<{ webSignIn: WebSignIn; customRoutes: CustomRoute[]; stop(): Promise<void> }> {
  const deps = webReadDeps(wiring.core, wiring.prisma, wiring.clock);
  if (!wiring.socketMode) {
    const { webSignIn, routes } = webBoardRoutes({ ...wiring, deps });
    return { webSignIn, customRoutes: routes, stop: async () => {} };
  }
  const board = webBoardOnItsOwnPort({ ...wiring, deps });
  try {
    await board.start();
  } catch (error) {
    wiring.logger.warn({ err: error }, "the web board could not start; /duban web tries again");
  }
  return { webSignIn: board.webSignIn, customRoutes: [], stop: board.stop };
}
