import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReadinessChecks } from "./readiness-checks.ts";

export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";

function sendJson(res: ServerResponse, status: number, body: unknown, method: string | undefined): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(method === "HEAD" ? undefined : text);
}

/** GET /healthz: the process is alive and answers. Always 200. */
export function answerHealthz(req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { ok: true }, req.method);
}

/** GET /readyz: 200 when every check is ok, else 503; the body names each check, ok or not ok. */
export async function answerReadyz(
  req: IncomingMessage,
  res: ServerResponse,
  readiness: ReadinessChecks,
): Promise<void> {
  const report = await readiness.report();
  sendJson(res, report.ok ? 200 : 503, report, req.method);
}
