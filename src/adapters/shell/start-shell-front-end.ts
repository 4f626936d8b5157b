import { resolve } from "node:path";
import type { Env } from "../../config/env-schema.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { WebSignIn } from "../../domain/ports/web-sign-in.ts";
import { createSupervisionCore } from "../../services/core/create-supervision-core.ts";
import type { CoreDependencies, SupervisionDeps } from "../../services/core/supervision-deps.ts";
import type { ScheduleRunner } from "../../services/schedule/create-schedule-runner.ts";
import { findDigestChannel } from "../../services/schedule/find-digest-channel.ts";
import type { ScheduleFrontEnd } from "../../services/schedule/schedule-runner-deps.ts";
import { digestChartFile } from "../charts/digest-chart-file.ts";
import { createMovableClock } from "../clock/movable-clock.ts";
import { systemClock } from "../clock/system-clock.ts";
import type { OpenDatabase } from "../db/open-database.ts";
import { createPrismaDemoPeople } from "../db/prisma-demo-people.ts";
import type { Logger } from "../logging/create-logger.ts";
import { createShellSchedule } from "./create-shell-schedule.ts";
import { ensureDemoRoster } from "./demo-roster.ts";
import { ensureDemoPlan } from "./ensure-demo-plan.ts";
import { createLineInput } from "./line-input.ts";
import { printShellBanner } from "./print-shell-banner.ts";
import { createTextStyle, wantsColor } from "./render/text-style.ts";
import { runShellLoop } from "./run-shell-loop.ts";
import { saveAttachment } from "./save-attachments.ts";
import { createShellChatNotifier, createShellDigestPublisher } from "./shell-chat-notifier.ts";
import { type ShellContext, shellUser } from "./shell-context.ts";
import { createShellMailbox } from "./shell-mailbox.ts";
import { createShellMessageIds } from "./shell-message-ids.ts";
import { createShellPrinter } from "./shell-printer.ts";

export interface StartShellFrontEndOptions {
  env: Pick<Env, "DUBAN_ADMINS" | "DUBAN_DATA_DIR" | "DUBAN_DIGEST_CHANNEL">;
  db: Pick<OpenDatabase, "prisma" | "kind" | "location">;
  /** The core's dependencies, from the composition root (src/app/compose-core.ts). */
  core: CoreDependencies;
  logger: Logger;
  /** Default: the process's stdin and stdout. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where the plan clock starts (default: the computer's clock); `/tick` and `/clock set` move it on. */
  clock?: Clock;
  /** Makes the plan's schedule runner with the shell's ports (src/app/create-schedule.ts, bound to `core`). */
  createSchedule: (frontEnd: ScheduleFrontEnd) => ScheduleRunner;
  /** The web board for the shell's core (`/web`, `/duban web`): given the core's dependencies (its plan clock). */
  webBoard?: (deps: SupervisionDeps) => { webSignIn: WebSignIn; stop(): Promise<void> };
}

export interface RunningShellFrontEnd {
  /** Resolves when the user quits or the input ends. */
  finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local shell chat, for running Duban without Slack: loads the Nanyang plan into an empty database,
 * makes sure the demo people exist, wires the supervision core to the terminal (a settable plan clock, DMs
 * shown as text, `/duban assess`, `/duban export` saving the ledger in DUBAN_DATA_DIR/exports), prints a banner
 * and reads commands until `/quit` or the end of input.
 */
export async function startShellFrontEnd(options: StartShellFrontEndOptions): Promise<RunningShellFrontEnd> {
  const { db, logger, input = process.stdin, output = process.stdout } = options;
  const printer = createShellPrinter((text) => output.write(text), createTextStyle(wantsColor(output)));
  const { store, calendar } = options.core;
  const onLoad = (path: string) =>
    printer.line(`Loading ${path} into the empty database（首次启动，载入实施方案）…`);
  const clock = createMovableClock((options.clock ?? systemClock).now());
  const people = async () => {
    const plan = await ensureDemoPlan(db.prisma, store, onLoad, clock.now());
    return {
      plan,
      roster: await ensureDemoRoster(createPrismaDemoPeople(db.prisma), plan.planId, clock.now()),
    };
  };
  const { plan, roster } = await people();
  const ids = createShellMessageIds();
  const mailbox = createShellMailbox();
  const notifier = createShellChatNotifier(ids, mailbox.deliver);
  const exportsDir = resolve(options.env.DUBAN_DATA_DIR, "exports");
  const saveChart = async (digest: DigestMessage) => {
    const file = await digestChartFile(digest);
    return file === null ? null : saveAttachment(file, exportsDir);
  };
  const digestPublisher = createShellDigestPublisher(ids, mailbox.deliver, saveChart);
  const deps: SupervisionDeps = {
    store,
    notifier,
    clock,
    calendar,
    admins: options.env.DUBAN_ADMINS,
    planId: plan.planId,
    assessment: options.core.assessment,
    digestPublisher,
  };
  const web = options.webBoard?.(deps);
  deps.webSignIn = web?.webSignIn;
  const core = createSupervisionCore(deps);
  const user = shellUser(roster.supervisor);
  const lineInput = createLineInput({ input, output, terminal: input.isTTY === true });
  const context: ShellContext = {
    core,
    store,
    printer,
    input: lineInput,
    mailbox,
    ids,
    clock,
    schedule: createShellSchedule(
      // the shell shows what each firing did: the runner's own info lines are left out unless debugging
      options.createSchedule({
        notifier,
        digestPublisher,
        clock,
        planId: plan.planId,
        logger: ["debug", "trace"].includes(logger.level) ? logger : logger.child({}, { level: "warn" }),
      }),
    ),
    roster,
    plan: { id: plan.planId, title: plan.title, timezone: plan.timezone },
    logger,
    exportsDir,
    evidenceDir: resolve(options.env.DUBAN_DATA_DIR, "evidence"),
    session: { actor: { user, person: await core.identify(user) }, actions: [] },
  };
  const digest = await findDigestChannel(store, options.env.DUBAN_DIGEST_CHANNEL, plan.planId);
  printShellBanner(context, db, { digestChannelMissing: digest.kind === "missing" });
  const finished = runShellLoop(context)
    .catch((error: unknown) => logger.error({ err: error }, "the shell stopped on an unexpected error"))
    .finally(() => lineInput.close());
  return {
    finished,
    stop: async () => {
      lineInput.close();
      await finished;
      await web?.stop();
    },
  };
}
