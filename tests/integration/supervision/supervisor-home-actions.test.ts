import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskItem } from "../../../src/domain/messages/message-types.ts";
import {
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const zhao = slackUser("UZHAO", "督查员赵", "en-US"); // supervisor, English

const actionKinds = (items: readonly TaskItem[]) => items.map((item) => item.actions.map((a) => a.kind));

describe.each(testDatabaseTargets())("the buttons on tasks awaiting approval on %s", (target) => {
  let f: SupervisionFixture;
  let awaitingId = "";
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeSupervisor(zhao);
    await f.core.recordReply({
      user: zhang,
      text: "（六）已完成",
      channel: "DUZHANG",
      ts: "1790000700.000001",
      eventId: "Ev-home-actions-6",
    });
    const [task] = await f.store.listTasks({ measureNumbers: [6], departmentIds: ["city-human-resources"] });
    expect(task?.status).toBe("AWAITING_APPROVAL");
    awaitingId = task?.id ?? "";
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  it("a supervisor's App Home offers approve (办结) and return on them, not report", async () => {
    const home = await f.core.buildHome(zhao);
    if (home.kind !== "supervisor_home") throw new Error(home.kind);
    expect(home.awaitingApproval.items.map((item) => item.taskId)).toEqual([awaitingId]);
    expect(home.awaitingApproval.items[0]?.actions).toEqual([
      { kind: "approve", taskId: awaitingId, label: "Approve" },
      { kind: "return", taskId: awaitingId, label: "Return" },
    ]);
  });

  it("the board of /duban status does too; the other tasks keep their report button", async () => {
    const board = (await f.core.runCommand(zhao, "status")).replies[0];
    if (board?.kind !== "board") throw new Error(JSON.stringify(board));
    expect(actionKinds(board.awaitingApproval)).toEqual([["approve", "return"]]);

    const measure = (await f.core.runCommand(zhao, "status 6")).replies[0];
    if (measure?.kind !== "status") throw new Error(JSON.stringify(measure));
    const own = measure.tasks.find((item) => item.taskId === awaitingId);
    expect(own?.actions.map((a) => a.kind)).toEqual(["approve", "return"]);
    const others = measure.tasks.filter((item) => item.taskId !== awaitingId);
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(actionKinds(others).map((kinds) => kinds.join()))).toEqual(new Set(["report"]));
  });

  it("a contact keeps report buttons on their own tasks, the one awaiting approval included", async () => {
    const home = await f.core.buildHome(zhang);
    if (home.kind !== "contact_home") throw new Error(home.kind);
    expect(home.tasks.total).toBe(6);
    expect(new Set(actionKinds(home.tasks.items).map((kinds) => kinds.join()))).toEqual(new Set(["report"]));
    const status = (await f.core.runCommand(zhang, "status 市人力资源社会保障局")).replies[0];
    if (status?.kind !== "status") throw new Error(JSON.stringify(status));
    expect(new Set(actionKinds(status.tasks).map((kinds) => kinds.join()))).toEqual(new Set(["report"]));
  });

  it("the supervisor's approve button closes the task", async () => {
    const home = await f.core.buildHome(zhao);
    if (home.kind !== "supervisor_home") throw new Error(home.kind);
    const approve = home.awaitingApproval.items[0]?.actions.find((action) => action.kind === "approve");
    if (approve?.kind !== "approve") throw new Error(JSON.stringify(approve));
    await f.core.approveTask(zhao, approve.taskId);
    const [task] = await f.store.listTasks({ measureNumbers: [6], departmentIds: ["city-human-resources"] });
    expect(task?.status).toBe("DONE");
  });
});
