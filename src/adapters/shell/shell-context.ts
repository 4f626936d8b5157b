import type { MessageAction } from "../../domain/messages/message-types.ts";
import type { SupervisionStore } from "../../domain/ports/supervision-store.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import { type Locale, localeOf } from "../../domain/supervision/locale.ts";
import type { ChatUser, Person } from "../../domain/supervision/supervision-types.ts";
import type { SupervisionCore } from "../../services/core/create-supervision-core.ts";
import type { FiringRun } from "../../services/schedule/create-schedule-runner.ts";
import type { MovableClock } from "../clock/movable-clock.ts";
import type { Logger } from "../logging/create-logger.ts";
import type { DemoRoster } from "./demo-roster.ts";
import type { LineInput } from "./line-input.ts";
import type { ShellMailbox } from "./shell-mailbox.ts";
import type { ShellMessageIds } from "./shell-message-ids.ts";
import type { ShellPrinter } from "./shell-printer.ts";

/** Who the shell user is acting as: the chat user the core sees, and the person behind it. */
export interface ShellActor {
  user: ChatUser;
  person: Person;
}

/** The schedule as the shell drives it (`/clock`, `/tick`). */
export interface ShellSchedule {
  /** The next `count` firings at or after `now`. */
  upcoming(now: Date, count: number): Promise<Firing[]>;
  /** Runs every firing due at `now` that has not run (reminders, escalations, digest) and delivers what they send. */
  runDue(now: Date): Promise<Array<Pick<FiringRun, "slot" | "outcome" | "note" | "late">>>;
  /**
   * Sends what the outbox holds that is due at `now` (a DM that could not be delivered at once, after its
   * backoff), as the cron tick does beside Slack; the shell runs it after every command.
   */
  deliverDue?(now: Date): Promise<void>;
}

/** Everything a shell command works with. */
export interface ShellContext {
  core: SupervisionCore;
  store: SupervisionStore;
  printer: ShellPrinter;
  input: LineInput;
  mailbox: ShellMailbox;
  ids: ShellMessageIds;
  clock: MovableClock;
  schedule: ShellSchedule;
  roster: DemoRoster;
  plan: { id: string; title: string; timezone: string };
  logger: Logger;
  /** Where files Duban hands the actor are saved (`/duban export`: the ledger): `<DUBAN_DATA_DIR>/exports`. */
  exportsDir: string;
  /** Where files shared with `/attach` are kept (their evidence permalink): `<DUBAN_DATA_DIR>/evidence`. */
  evidenceDir: string;
  /** Mutable: the actor, and the buttons `/press <n>` presses. */
  session: { actor: ShellActor; actions: MessageAction[] };
}

/** The chat user for a shell person, in the person's language. */
export function shellUser(person: Person): ChatUser {
  return {
    platform: person.platform,
    externalId: person.externalId,
    displayName: person.displayName,
    locale: person.locale ?? undefined,
  };
}

/** The language the actor reads. */
export function actorLocale(context: Pick<ShellContext, "session">): Locale {
  return localeOf(context.session.actor.person.locale);
}
