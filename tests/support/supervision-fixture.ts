import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaSupervisionStore } from "../../src/adapters/db/prisma-supervision-store.ts";
import type { SupervisionStore } from "../../src/domain/ports/supervision-store.ts";
import type { ChatUser, Person } from "../../src/domain/supervision/supervision-types.ts";
import {
  createSupervisionCore,
  type SupervisionCore,
} from "../../src/services/core/create-supervision-core.ts";
import { createRecordingChatNotifier, type RecordingChatNotifier } from "../fakes/recording-chat-notifier.ts";
import { createSettableClock, type SettableClock } from "../fakes/settable-clock.ts";
import { createTestDatabase, type TestDatabase, type TestDatabaseTarget } from "./test-database.ts";

export const NANYANG_WORKFLOW = "workflows/nanyang-relocation-2021.yaml";
export const NANYANG_PLAN_ID = "nanyang-relocation-2021";

/** Friday 2026-11-20, 10:00 in Nanyang: the November cycle is due Wednesday the 25th. */
export const FRIDAY_BEFORE_DUE = "2026-11-20T02:00:00.000Z";

/** A Slack user as the front end would pass it. */
export function slackUser(externalId: string, displayName: string, locale = "zh-CN"): ChatUser {
  return { platform: "slack", externalId, displayName, locale };
}

/** The admin listed in `admins` (DUBAN_ADMINS). */
export const ADMIN = slackUser("UADMIN", "管理员老王");

export interface SupervisionFixture {
  db: TestDatabase;
  store: SupervisionStore;
  clock: SettableClock;
  notifier: RecordingChatNotifier;
  core: SupervisionCore;
  /** Makes the user a contact of the department, through the admin's `/duban assign`. */
  makeContact(user: ChatUser, department: string): Promise<Person>;
  /** Makes the user a supervisor (督查人员) of no department. */
  makeSupervisor(user: ChatUser): Promise<Person>;
}

/** A migrated test database with the Nanyang workflow loaded, and the supervision core over it. */
export async function createSupervisionFixture(target: TestDatabaseTarget): Promise<SupervisionFixture> {
  const db = await createTestDatabase(target, { seed: "nanyang" });
  const store = createPrismaSupervisionStore(db.prisma);
  const clock = createSettableClock(FRIDAY_BEFORE_DUE);
  const notifier = createRecordingChatNotifier();
  const calendar = await loadWorkingDayCalendar();
  const core = createSupervisionCore({ store, notifier, clock, calendar, admins: [ADMIN.externalId] });
  return {
    db,
    store,
    clock,
    notifier,
    core,
    makeContact: (user, department) => assignContact(core, user, department),
    makeSupervisor: (user) => makeSupervisor({ core, store, clock }, user),
  };
}

/** Makes the user a contact (联络员) of the department through the admin's `/duban assign`. */
export async function assignContact(
  core: SupervisionCore,
  user: ChatUser,
  department: string,
): Promise<Person> {
  const outcome = await core.runCommand(
    ADMIN,
    `assign ${department} @id:${user.externalId} 联络员`,
    user.displayName === undefined ? {} : { [user.externalId]: user.displayName },
  );
  const [reply] = outcome.replies;
  if (reply?.kind !== "notice" || reply.tone === "error")
    throw new Error(`assign failed: ${JSON.stringify(reply)}`);
  return core.identify(user);
}

/** Makes the user a supervisor (督查人员) of no department, audited as the test. */
export async function makeSupervisor(
  fixture: { core: SupervisionCore; store: SupervisionStore; clock: SettableClock },
  user: ChatUser,
): Promise<Person> {
  const person = await fixture.core.identify(user);
  const audit = {
    actor: "test",
    action: "person.update",
    subjectType: "person" as const,
    subjectId: person.id,
    at: fixture.clock.now(),
  };
  return fixture.store.updatePerson(person.id, { role: "SUPERVISOR" }, audit);
}
