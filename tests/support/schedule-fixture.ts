import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { createPrismaScheduleStore } from "../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../src/adapters/db/prisma-supervision-store.ts";
import type { WorkingDayCalendar } from "../../src/domain/calendar/working-day-calendar.ts";
import type { ChatNotifier, DigestPublisher } from "../../src/domain/ports/chat.ts";
import type { SupervisionStore } from "../../src/domain/ports/supervision-store.ts";
import type { ScheduleInput } from "../../src/domain/schedule/schedule-schema.ts";
import type { ChatUser, Person, TaskStatus } from "../../src/domain/supervision/supervision-types.ts";
import type { Workflow } from "../../src/domain/workflow/workflow-schema.ts";
import {
  createSupervisionCore,
  type SupervisionCore,
} from "../../src/services/core/create-supervision-core.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";
import {
  createScheduleRunner,
  type FiringRun,
  type ScheduleRunner,
} from "../../src/services/schedule/create-schedule-runner.ts";
import type { ScheduleRunnerDeps, ScheduleTuning } from "../../src/services/schedule/schedule-runner-deps.ts";
import { createRecordingChatNotifier, type RecordingChatNotifier } from "../fakes/recording-chat-notifier.ts";
import {
  createRecordingDigestPublisher,
  type RecordingDigestPublisher,
} from "../fakes/recording-digest-publisher.ts";
import { createSettableClock, type SettableClock } from "../fakes/settable-clock.ts";
import { smallWorkflow } from "../fixtures/small-workflow.ts";
import { ADMIN, assignContact, makeSupervisor, slackUser } from "./supervision-fixture.ts";
import type { TestDatabase } from "./test-database.ts";

export { ADMIN, slackUser };

/** The people of the schedule tests: contacts 张三, 李四 and 王五, and the supervisor 赵督查. */
export const ZHANG = slackUser("UZHANG", "张三");
export const LI = slackUser("ULI", "李四");
export const WANG = slackUser("UWANG", "王五");
export const ZHAO = slackUser("UZHAO", "赵督查");

/** Runs as "<slot> <outcome>[ late]", to compare what runDue did in one line each. */
export const runSummary = (runs: readonly FiringRun[]) =>
  runs.map((run) => `${run.slot} ${run.outcome}${run.late ? " late" : ""}`);

/** The small plan (3 city tasks: (一) 市农业农村局 + 市财政局, (二) 人行某市中心支行) with a schedule. */
export function smallPlanWith(schedule: ScheduleInput): Workflow {
  const workflow = smallWorkflow();
  return {
    ...workflow,
    plan: { ...workflow.plan, countiesImplement: false },
    schedule: schedule as Workflow["schedule"],
  };
}

export interface ScheduleFixture {
  db: TestDatabase;
  store: SupervisionStore;
  calendar: WorkingDayCalendar;
  clock: SettableClock;
  notifier: RecordingChatNotifier;
  publisher: RecordingDigestPublisher;
  core: SupervisionCore;
  /** A runner on this database; each call is a new instance (another process, when given another client). */
  runner(options?: RunnerOptions): ScheduleRunner;
  makeContact(user: ChatUser, department: string, options?: { lead?: boolean }): Promise<Person>;
  makeSupervisor(user: ChatUser): Promise<Person>;
  /** A report on the task of `departmentId` for measure `number`, made at `at`. */
  report(number: number, departmentId: string, at: string, status?: TaskStatus): Promise<void>;
}

export interface RunnerOptions {
  notifier?: ChatNotifier;
  publisher?: DigestPublisher;
  owner?: string;
  /** The runner's clock (when a 429 arrived); default the fixture's. */
  clock?: SettableClock;
  prisma?: TestDatabase["prisma"];
  tuning?: Partial<ScheduleTuning>;
  /** The assessment's records and rules: the digest then carries its chart and 表扬 / 通报 lists. */
  assessment?: ScheduleRunnerDeps["assessment"];
  logger?: ScheduleRunnerDeps["logger"];
}

/** A database with `workflow` loaded at `now`, an admin, the core, and schedule runners on it. */
export async function createScheduleFixture(
  db: TestDatabase,
  workflow: Workflow,
  now: string,
): Promise<ScheduleFixture> {
  await loadWorkflow({
    workflow,
    file: { path: `${workflow.id}.yaml`, hash: "test" },
    store: createPrismaPlanStore(db.prisma),
    dryRun: false,
    actor: "test",
    // loaded at the fixture's start on its clock: catch-up never runs firings from before the plan was loaded
    loadedAt: new Date(now),
  });
  const store = createPrismaSupervisionStore(db.prisma);
  const calendar = await loadWorkingDayCalendar();
  const clock = createSettableClock(now);
  const notifier = createRecordingChatNotifier();
  const publisher = createRecordingDigestPublisher();
  const core = createSupervisionCore({
    store,
    notifier,
    clock,
    calendar,
    admins: [ADMIN.externalId],
    digestPublisher: publisher,
  });
  let runners = 0;
  return {
    db,
    store,
    calendar,
    clock,
    notifier,
    publisher,
    core,
    runner: (options = {}) => {
      const prisma = options.prisma ?? db.prisma;
      runners += 1;
      return createScheduleRunner({
        store: createPrismaSupervisionStore(prisma),
        schedules: createPrismaScheduleStore(prisma),
        notifier: options.notifier ?? notifier,
        digestPublisher: options.publisher ?? publisher,
        calendar,
        clock: options.clock ?? clock,
        owner: options.owner ?? `test-runner-${runners}`,
        // the calendar DM to admins (Nov-Dec 2026: no 2027 notice) has its own test, missing-notice.test.ts
        tuning: { tellAdminsOfMissingNotice: false, ...options.tuning },
        ...(options.assessment ? { assessment: options.assessment } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
    },
    makeContact: async (user, department, options = {}) => {
      const person = await assignContact(core, user, department);
      if (options.lead)
        await db.prisma.contact.updateMany({ where: { personId: person.id }, data: { isLead: true } });
      return person;
    },
    makeSupervisor: (user) => makeSupervisor({ core, store, clock }, user),
    report: async (number, departmentId, at, status = "IN_PROGRESS") => {
      const task = await db.prisma.task.findFirstOrThrow({ where: { departmentId, measure: { number } } });
      const author = await core.identify(slackUser("UREPORTER", "报送人"));
      const createdAt = new Date(at);
      await db.prisma.progressReport.create({
        data: {
          taskId: task.id,
          authorId: author.id,
          status,
          percent: 50,
          done: "推进中",
          source: "CLI",
          createdAt,
        },
      });
      await db.prisma.task.update({ where: { id: task.id }, data: { status, lastReportAt: createdAt } });
    },
  };
}
