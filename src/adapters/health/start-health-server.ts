import { createServer, type Server } from "node:http";
import { listenHttpServer, type RunningHttpServer } from "../http/listen-http-server.ts";
import { answerHealthz, answerReadyz, HEALTH_PATH, READY_PATH } from "./health-routes.ts";
import type { ReadinessChecks } from "./readiness-checks.ts";

export type RunningHealthServer = RunningHttpServer;

/**
 * A small HTTP server with only /healthz and /readyz (GET or HEAD), for HEALTH_PORT: Socket Mode has no HTTP
 * server of its own. Anything else is 404; nothing but ok/not ok is revealed.
 */
export function startHealthServer(port: number, readiness: ReadinessChecks): Promise<RunningHealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    if ((method === "GET" || method === "HEAD") && path === HEALTH_PATH) return answerHealthz(req, res);
    if ((method === "GET" || method === "HEAD") && path === READY_PATH) {
      answerReadyz(req, res, readiness).catch(() => res.destroy());
      return;
    }
    res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
    res.end('{"ok":false}');
  });
  return listenHttpServer(server, { port, setting: "HEALTH_PORT" });
}
