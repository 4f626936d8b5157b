import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { vi } from "vitest";
import { createMovableClock } from "../../../src/adapters/clock/movable-clock.ts";
import type { DemoRoster } from "../../../src/adapters/shell/demo-roster.ts";
import type { LineInput } from "../../../src/adapters/shell/line-input.ts";
import { createTextStyle } from "../../../src/adapters/shell/render/text-style.ts";
import { runShellLoop } from "../../../src/adapters/shell/run-shell-loop.ts";
import { createShellChatNotifier } from "../../../src/adapters/shell/shell-chat-notifier.ts";
import {
  type ShellContext,
  type ShellSchedule,
  shellUser,
} from "../../../src/adapters/shell/shell-context.ts";
import { createShellMailbox } from "../../../src/adapters/shell/shell-mailbox.ts";
import { createShellMessageIds } from "../../../src/adapters/shell/shell-message-ids.ts";
import { createShellPrinter } from "../../../src/adapters/shell/shell-printer.ts";
import type { ChatNotifier } from "../../../src/domain/ports/chat.ts";
import type { SupervisionStore } from "../../../src/domain/ports/supervision-store.ts";
import type { Person } from "../../../src/domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../../../src/services/core/core-outcome.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";

function person(
  externalId: string,
  displayName: string,
  role: Person["role"],
  departmentIds: string[] = [],
): Person {
  return {
    id: `p-${externalId}`,
    platform: "shell",
    externalId,
    displayName,
    email: null,
    locale: null,
    role,
    departmentIds,
  };
}

export const SUPERVISOR = person("demo-supervisor", "演示督查员", "SUPERVISOR");
export const AGRICULTURE = person("demo-contact-city-agriculture", "演示联络员·市农业农村局", "CONTACT", [
  "city-agriculture",
]);

const ROSTER: DemoRoster = {
  supervisor: SUPERVISOR,
  people: [SUPERVISOR, AGRICULTURE],
  contacts: [
    {
      department: { id: "city-agriculture", name: "市农业农村局", aliases: ["农业农村局"] },
      person: AGRICULTURE,
    },
  ],
};

/** A core whose every use case is a mock answering with nothing; tests set what they need. */
function fakeCore(): { [K in keyof SupervisionCore]: ReturnType<typeof vi.fn> } & SupervisionCore {
  const nothing = async (): Promise<CoreOutcome> => outcome([]);
  const people = new Map(ROSTER.people.map((entry) => [entry.externalId, entry]));
  return {
    identify: vi.fn(
      async (user) =>
        people.get(user.externalId) ?? person(user.externalId, user.displayName ?? "", "READER"),
    ),
    runCommand: vi.fn(nothing),
    openReportForm: vi.fn(nothing),
    submitReportForm: vi.fn(async () => ({ kind: "done" as const, outcome: outcome([]) })),
    recordReply: vi.fn(nothing),
    reviseReply: vi.fn(nothing),
    withdrawReply: vi.fn(nothing),
    approveTask: vi.fn(nothing),
    returnTask: vi.fn(nothing),
    buildHome: vi.fn(),
    listTaskStatuses: vi.fn(),
    importContacts: vi.fn(),
  } as never;
}

export interface FakeShell {
  context: ShellContext;
  core: ReturnType<typeof fakeCore>;
  /** Sends a DM through the shell's notifier, as the core would. */
  notifier: ChatNotifier;
  /** Lines the user will type, taken in order by prompts. */
  typed: string[];
  output(): string;
  logged(): string;
}

/** A shell context over a fake core, with scripted input and captured output (no colour). */
export function createFakeShell(
  options: { schedule?: ShellSchedule; exportsDir?: string; evidenceDir?: string } = {},
): FakeShell {
  let text = "";
  let log = "";
  const typed: string[] = [];
  const input: LineInput = {
    next: async (prompt) => {
      const line = typed.shift() ?? null;
      if (line !== null) text += `${prompt}${line}\n`;
      return line;
    },
    close: () => {},
  };
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      log += String(chunk);
      done();
    },
  });
  const core = fakeCore();
  const ids = createShellMessageIds(() => 1_790_000_000_000);
  const mailbox = createShellMailbox();
  const schedule: ShellSchedule = options.schedule ?? { upcoming: async () => [], runDue: async () => [] };
  const context: ShellContext = {
    core,
    store: { findPeopleByName: async () => [] } as unknown as SupervisionStore,
    printer: createShellPrinter((chunk) => {
      text += chunk;
    }, createTextStyle(false)),
    input,
    mailbox,
    ids,
    clock: createMovableClock(new Date("2026-11-19T02:00:00Z"), () => 0),
    schedule,
    roster: ROSTER,
    plan: { id: "nanyang-relocation-2021", title: "南阳", timezone: "Asia/Shanghai" },
    logger: pino({ level: "error" }, logStream),
    exportsDir: options.exportsDir ?? join(tmpdir(), "duban-fake-shell-exports"),
    evidenceDir: options.evidenceDir ?? join(tmpdir(), "duban-fake-shell-evidence"),
    session: { actor: { user: shellUser(SUPERVISOR), person: SUPERVISOR }, actions: [] },
  };
  return {
    context,
    core,
    notifier: createShellChatNotifier(ids, mailbox.deliver),
    typed,
    output: () => text,
    logged: () => log,
  };
}

/** Types `lines` into the shell, runs it to the end of its input and returns what it printed meanwhile. */
export async function run(shell: FakeShell, ...lines: string[]): Promise<string> {
  shell.typed.push(...lines);
  const before = shell.output().length;
  await runShellLoop(shell.context);
  return shell.output().slice(before);
}
