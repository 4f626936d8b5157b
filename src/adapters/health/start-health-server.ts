import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainError } from "../../domain/errors.ts";
import { answerHealthz, answerReadyz, HEALTH_PATH, READY_PATH } from "./health-routes.ts";
import type { ReadinessChecks } from "./readiness-checks.ts";

export interface RunningHealthServer {
  port: number;
  stop(): Promise<void>;
}

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
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES"
          ? new DomainError(
              "health_port",
              `HEALTH_PORT ${port} cannot be used (${error.code}): choose another port`,
            )
          : error,
      );
    server.once("error", refuse);
    server.listen(port, () => {
      server.off("error", refuse);
      resolve({
        port: (server.address() as AddressInfo).port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
