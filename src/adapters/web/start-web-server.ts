import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainError } from "../../domain/errors.ts";
import type { WebBoardHandler } from "./web-board-handler.ts";

export interface RunningWebServer {
  port: number;
  stop(): Promise<void>;
}

/** The web board's own HTTP server (Socket Mode and the shell, which have no HTTP server of their own). */
export function startWebServer(
  handler: WebBoardHandler,
  options: { port: number; host: string },
): Promise<RunningWebServer> {
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES" || error.code === "EADDRNOTAVAIL"
          ? new DomainError(
              "web_port",
              `WEB_PORT ${options.port} on ${options.host} cannot be used (${error.code}): choose another port or host`,
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
