import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import type { StatusLight } from "../../domain/lights/status-light.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import { readWebBoard, type WebBoardFilters, type WebReadDeps } from "../../services/web/read-web-board.ts";
import { readWebDepartment, readWebMeasure } from "../../services/web/read-web-pages.ts";
import { WEB_ASSETS_DIR } from "../../shared/project-paths.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { Logger } from "../logging/create-logger.ts";
import {
  answerAssessmentPage,
  assessmentLinks,
  departmentRecordHtml,
} from "./pages/answer-assessment-pages.ts";
import { answerDigestArchive, DIGEST_ROUTE_PATHS } from "./pages/digest-archive-routes.ts";
import { measureRecordSection, readMeasureRecord } from "./pages/measure-record.ts";
import { LEDGER_PATH, printHeading, SCORECARD_PATH } from "./pages/scorecard-page.ts";
import { SESSION_DAYS, SIGN_IN_PATH, type WebAccessStore } from "./web-access-store.ts";
import { SECURITY_HEADERS, send } from "./web-headers.ts";
import {
  boardPage,
  departmentPage,
  ICON_PATH,
  layout,
  measurePage,
  messagePage,
  STYLE_PATH,
  signInPage,
  taskPageHref,
} from "./web-pages.ts";
import { t } from "./web-text.ts";

export const SESSION_COOKIE = "duban_session";
const SIGN_OUT_PATH = "/web/sign-out";
/** The most a form post may carry. */
const BODY_LIMIT = 4_096;

/** The paths the board answers, as Bolt's customRoutes take them (path-to-regexp). */
export const WEB_ROUTE_PATHS = [
  "/web",
  SIGN_IN_PATH,
  SIGN_OUT_PATH,
  STYLE_PATH,
  ICON_PATH,
  "/web/measures/:number",
  "/web/departments/:id",
  ...DIGEST_ROUTE_PATHS,
  SCORECARD_PATH,
  LEDGER_PATH,
] as const;

export interface WebBoardOptions {
  prisma: PrismaClient;
  deps: WebReadDeps;
  access: WebAccessStore;
  clock: Clock;
  /** The board's public address; an https one makes the cookie Secure. */
  publicUrl: () => string;
  logger: Logger;
}

/** Answers one web request; every path under /web. */
export type WebBoardHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const STYLE_FILE = join(WEB_ASSETS_DIR, "style.css");
const ICON_FILE = join(WEB_ASSETS_DIR, "favicon.svg");

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

const csrfOf = (sessionToken: string) =>
  createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url").slice(0, 32);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** A page number from the query (`page`, `tasks`): 1 when absent or not a number. */
function pageParameter(query: URLSearchParams, name: string): number {
  const value = Number.parseInt(query.get(name) ?? "1", 10);
  return Number.isFinite(value) ? value : 1;
}

const LIGHTS: readonly StatusLight[] = ["green", "yellow", "red"];

function readFilters(query: URLSearchParams): WebBoardFilters {
  const text = (name: string) => {
    const value = query.get(name)?.trim() ?? "";
    return value === "" ? null : value.slice(0, 100);
  };
  const light = text("light");
  const only = text("only");
  return {
    department: text("department"),
    county: text("county"),
    light: LIGHTS.includes(light as StatusLight) ? (light as StatusLight) : null,
    only: only === "overdue" || only === "blocked" ? only : null,
  };
}

/**
 * The web board (src/adapters/web): sign-in through a link from `/duban web`, then the board, a measure and a
 * department, rendered on the server as HTML without script. Every page but the sign-in page needs a session.
 */
export function createWebBoardHandler(options: WebBoardOptions): WebBoardHandler {
  const { deps, access, clock, logger } = options;
  const secure = () => options.publicUrl().startsWith("https:");
  const publicOrigin = () => new URL(options.publicUrl()).origin;
  let style: Promise<string> | undefined;
  let icon: Promise<string> | undefined;

  const page = (
    res: ServerResponse,
    status: number,
    locale: Locale,
    title: string,
    body: ReturnType<typeof messagePage>,
    csrf?: string,
    extras: Pick<Parameters<typeof layout>[3], "links" | "printHeading"> = {},
  ) =>
    send(
      res,
      status,
      layout(
        locale,
        title,
        body,
        csrf === undefined ? { signedIn: false } : { signedIn: true, csrf, ...extras },
      ),
    );
  const message = (
    res: ServerResponse,
    status: number,
    locale: Locale,
    key: Parameters<typeof t>[1],
    csrf?: string,
  ) => page(res, status, locale, t(locale, key), messagePage(t(locale, key)), csrf);

  /** A POST from another site is refused (with SameSite=Lax this is a second wall). */
  const foreignPost = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin === undefined || origin === "null") return false;
    return (
      origin !== publicOrigin() &&
      origin !== `http://${req.headers.host}` &&
      origin !== `https://${req.headers.host}`
    );
  };

  async function signedInPerson(req: IncomingMessage): Promise<{ person: Person; token: string } | null> {
    const token = cookieOf(req, SESSION_COOKIE);
    if (token === null || token === "") return null;
    const personId = await access.sessionPerson(token, clock.now());
    if (personId === null) return null;
    const person = await deps.store.findPersonById(personId);
    return person === null ? null : { person, token };
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    const guess: Locale = /^zh/i.test(req.headers["accept-language"] ?? "zh") ? "zh" : "en";

    if (path === STYLE_PATH && (method === "GET" || method === "HEAD")) {
      style ??= readFile(STYLE_FILE, "utf8");
      return send(res, 200, await style, {
        "content-type": "text/css; charset=utf-8",
        "cache-control": "public, max-age=3600",
      });
    }
    if (path === ICON_PATH && (method === "GET" || method === "HEAD")) {
      icon ??= readFile(ICON_FILE, "utf8");
      return send(res, 200, await icon, {
        "content-type": "image/svg+xml",
        "cache-control": "public, max-age=86400",
      });
    }
    if (path === SIGN_IN_PATH && method === "GET") {
      const token = url.searchParams.get("token") ?? "";
      return page(res, 200, guess, t(guess, "signInTitle"), signInPage(guess, token.slice(0, 100)));
    }
    if (path === SIGN_IN_PATH && method === "POST") {
      if (foreignPost(req)) return message(res, 403, guess, "forbidden");
      const form = await readForm(req);
      const token = form?.get("token") ?? "";
      const signed = token === "" ? null : await access.signIn(token, clock.now());
      if (signed === null) return message(res, 403, guess, "linkRefused");
      const cookie = [
        `${SESSION_COOKIE}=${signed.sessionToken}`,
        "Path=/web",
        "HttpOnly",
        "SameSite=Lax",
        `Max-Age=${SESSION_DAYS * 86_400}`,
        ...(secure() ? ["Secure"] : []),
      ].join("; ");
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        location: "/web",
        "set-cookie": cookie,
        "content-length": "0",
      });
      res.end();
      return;
    }
    const viewer = await signedInPerson(req);
    if (viewer === null) return message(res, 401, guess, "needSignIn");
    const { person, token } = viewer;
    const locale = localeOf(person.locale);
    const csrf = csrfOf(token);
    const links = assessmentLinks(person, locale, deps);

    if (path === SIGN_OUT_PATH && method === "POST") {
      const form = await readForm(req);
      if (foreignPost(req) || !sameText(form?.get("csrf") ?? "", csrf))
        return message(res, 403, locale, "forbidden");
      await access.endSession(token, clock.now());
      const cookie = `${SESSION_COOKIE}=; Path=/web; HttpOnly; SameSite=Lax; Max-Age=0${secure() ? "; Secure" : ""}`;
      return send(
        res,
        200,
        layout(locale, t(locale, "signedOut"), messagePage(t(locale, "signedOut")), { signedIn: false }),
        {
          "set-cookie": cookie,
        },
      );
    }
    if (method !== "GET" && method !== "HEAD") return message(res, 405, locale, "notFound", csrf);

    if (path === "/web") {
      const filters = readFilters(url.searchParams);
      const pageNumber = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
      const board = await readWebBoard(deps, person, filters, Number.isFinite(pageNumber) ? pageNumber : 1);
      const body = boardPage(locale, board, filters);
      const heading = printHeading(locale, board.title, toPlanDate(clock.now(), board.timeZone));
      return page(res, 200, locale, board.title, body, csrf, { links, printHeading: heading });
    }
    const measureMatch = /^\/web\/measures\/(\d{1,4})$/.exec(path);
    if (measureMatch !== null) {
      const measure = await readWebMeasure(deps, person, Number(measureMatch[1]), {
        reportLimit: 0,
        taskPage: pageParameter(url.searchParams, "tasks"),
      });
      if (measure === null) return message(res, 404, locale, "notFound", csrf);
      const requested = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
      const record = await readMeasureRecord(
        options.prisma,
        deps,
        measure,
        locale,
        Number.isFinite(requested) ? requested : 1,
      );
      const title = `${measure.measure.label}${measure.measure.title}`;
      const body = measurePage(
        locale,
        measure,
        measureRecordSection(locale, measure, record),
        taskPageHref(path, url.searchParams),
      );
      return page(res, 200, locale, title, body, csrf, { links });
    }
    const digests = await answerDigestArchive(
      { prisma: options.prisma, deps, locale },
      path,
      url.searchParams,
    );
    if (digests !== null) {
      if (digests.kind === "image") return send(res, 200, digests.bytes, digests.headers);
      if (digests.kind === "missing") return message(res, 404, locale, "notFound", csrf);
      return page(res, 200, locale, digests.title, digests.body, csrf, { links });
    }
    const departmentMatch = /^\/web\/departments\/([^/]{1,200})$/.exec(path);
    if (departmentMatch !== null) {
      let departmentId: string;
      try {
        departmentId = decodeURIComponent(departmentMatch[1] as string);
      } catch {
        return message(res, 404, locale, "notFound", csrf);
      }
      const department = await readWebDepartment(deps, person, departmentId, {
        taskPage: pageParameter(url.searchParams, "tasks"),
      });
      if (department === "unknown") return message(res, 404, locale, "notFound", csrf);
      if (department === "forbidden") return message(res, 403, locale, "forbidden", csrf);
      const record = await departmentRecordHtml(deps, person, locale, departmentId, url.searchParams);
      if (record === "bad") return message(res, 400, locale, "badPeriod", csrf);
      const body = departmentPage(
        locale,
        department,
        taskPageHref(path, url.searchParams),
        record ?? undefined,
      );
      return page(res, 200, locale, department.department.name, body, csrf, { links });
    }
    const assessed = await answerAssessmentPage(path, url.searchParams, person, locale, deps, res);
    if (assessed?.kind === "sent") return;
    if (assessed?.kind === "refused") {
      const key = ({ 400: "badPeriod", 403: "forbidden", 404: "notFound" } as const)[assessed.status];
      return message(res, assessed.status, locale, key, csrf);
    }
    if (assessed?.kind === "page") {
      const extras = {
        links,
        ...(assessed.printHeading === undefined ? {} : { printHeading: assessed.printHeading }),
      };
      return page(res, 200, locale, assessed.title, assessed.body, csrf, extras);
    }
    return message(res, 404, locale, "notFound", csrf);
  }

  return async (req, res) => {
    try {
      await answer(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof DomainError) {
        send(res, 409, layout("zh", "Duban", messagePage(error.message), { signedIn: false }));
        return;
      }
      logger.error({ err: error, path: req.url?.split("?")[0] }, "web board request failed");
      send(res, 500, layout("zh", "Duban", messagePage("Internal error / 内部错误"), { signedIn: false }));
    }
  };
}
