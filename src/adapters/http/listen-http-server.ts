import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainError } from "../../domain/errors.ts";

export interface RunningHttpServer {
  port: number;
  stop(): Promise<void>;
}

/** Why a port cannot be listened on, in the user's terms (a setting to change), or null for other errors. */
const PORT_REFUSALS = new Set(["EADDRINUSE", "EACCES", "EADDRNOTAVAIL"]);

/**
 * Listens on `port` (and `host`, default every interface) and resolves with the port bound and a stop that
 * closes the server and its open connections. A port in use or not allowed is a DomainError naming the setting
 * (`WEB_PORT`, `HEALTH_PORT`), not a stack trace.
 */
export function listenHttpServer(
  server: Server,
  options: { port: number; host?: string; setting: string },
): Promise<RunningHttpServer> {
  const where = options.host === undefined ? `${options.port}` : `${options.port} on ${options.host}`;
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        PORT_REFUSALS.has(error.code ?? "")
          ? new DomainError(
              options.setting.toLowerCase(),
              `${options.setting} ${where} cannot be used (${error.code}): choose another port${options.host === undefined ? "" : " or host"}`,
            )
          : error,
      );
    server.once("error", refuse);
    server.listen(options.port, options.host, () => {
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
