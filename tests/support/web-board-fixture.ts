import { Writable } from "node:stream";
import { createAssessmentPorts } from "../../src/adapters/assessment/create-assessment-ports.ts";
import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { createLogger } from "../../src/adapters/logging/create-logger.ts";
import {
  countyNamesFrom,
  type WebBoardOnItsOwnPort,
  webBoardOnItsOwnPort,
} from "../../src/app/start-web-board.ts";
import type { WorkingDayCalendar } from "../../src/domain/calendar/working-day-calendar.ts";
import type { ChatUser } from "../../src/domain/supervision/supervision-types.ts";
import {
  createSupervisionCore,
  type SupervisionCore,
} from "../../src/services/core/create-supervision-core.ts";
import { ADMIN, type SupervisionFixture } from "./supervision-fixture.ts";

export interface WebBoardFixture {
  board: WebBoardOnItsOwnPort;
  core: SupervisionCore;
  calendar: WorkingDayCalendar;
  /** The scorecard's ports, when asked for. */
  assessment: ReturnType<typeof createAssessmentPorts> | undefined;
  /** The board's address, http://127.0.0.1:<port>. */
  base: string;
  /** The sign-in link `/duban web` answers `user` with (the line of the notice that is a URL). */
  linkFor(user: ChatUser): Promise<string>;
  /** Signs `user` in through that link: the session cookie ("duban_session=…"); throws unless answered 303. */
  signIn(user: ChatUser): Promise<string>;
}

/**
 * The web board on its own port (127.0.0.1, a free port) over the fixture's database and clock, with a core
 * whose `/duban web` gives links to it; `assessment` adds the scorecard's ports. Stop it with `board.stop()`.
 */
export async function startWebBoardFixture(
  fx: SupervisionFixture,
  options: { assessment?: boolean } = {},
): Promise<WebBoardFixture> {
  const calendar = await loadWorkingDayCalendar();
  const assessment = options.assessment ? createAssessmentPorts(fx.db.prisma) : undefined;
  const deps = {
    store: fx.store,
    clock: fx.clock,
    calendar,
    countyNames: countyNamesFrom(fx.db.prisma),
    ...(assessment === undefined ? {} : { assessment }),
  };
  const env = { PORT: 3000, WEB_PORT: 0, WEB_HOST: "127.0.0.1", WEB_PUBLIC_URL: undefined };
  const logger = createLogger({
    level: "error",
    format: "json",
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });
  const board = webBoardOnItsOwnPort({ prisma: fx.db.prisma, deps, logger, env }, 0);
  const core = createSupervisionCore({
    ...deps,
    notifier: fx.notifier,
    admins: [ADMIN.externalId],
    webSignIn: board.webSignIn,
  });
  const base = `http://127.0.0.1:${await board.start()}`;
  const linkFor = async (user: ChatUser) => {
    const [reply] = (await core.runCommand(user, "web")).replies;
    const link = reply?.kind === "notice" ? reply.lines.find((line) => line.startsWith("http")) : undefined;
    if (link === undefined) throw new Error(`/duban web gave ${user.displayName} no link`);
    return link;
  };
  const signIn = async (user: ChatUser) => {
    const token = new URL(await linkFor(user)).searchParams.get("token") ?? "";
    const res = await fetch(`${base}/web/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    if (res.status !== 303) throw new Error(`signing ${user.displayName} in answered ${res.status}`);
    return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  };
  return { board, core, calendar, assessment, base, linkFor, signIn };
}
