import { createServer } from "node:http";
import { listenHttpServer, type RunningHttpServer } from "../http/listen-http-server.ts";
import type { WebBoardHandler } from "./web-board-handler.ts";

export type RunningWebServer = RunningHttpServer;

/** The web board's own HTTP server (Socket Mode and the shell, which have no HTTP server of their own). */
export function startWebServer(
  handler: WebBoardHandler,
  options: { port: number; host: string },
): Promise<RunningWebServer> {
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  return listenHttpServer(server, { ...options, setting: "WEB_PORT" });
}
