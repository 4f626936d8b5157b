import { describe, expect, it } from "vitest";
import { buildContactHome } from "../../../src/domain/messages/build-home-view.ts";
import type { TaskItem } from "../../../src/domain/messages/message-types.ts";

const item = (n: number): TaskItem => ({
  taskId: `t${n}`,
  measure: { number: n, label: `(${n})`, title: `measure ${n}` },
  departmentName: "市财政局",
  status: "IN_PROGRESS",
  statusText: "推进中 10%",
  percent: 10,
  light: n % 2 === 0 ? "green" : "red",
  lightReason: n % 2 === 0 ? "on_track" : "overdue",
  lightText: "",
  dueOn: "2026-11-25",
  lastReport: null,
  actions: [],
});

describe("buildContactHome", () => {
  const tasks = Array.from({ length: 23 }, (_, i) => item(i + 1));

  it("shows one page of `limit` tasks with buttons to the neighbouring pages, and counts every task's light", () => {
    const home = buildContactHome("en", tasks, { page: 2, limit: 10 });
    expect(home.tasks.items.map((t) => t.taskId)).toEqual(tasks.slice(10, 20).map((t) => t.taskId));
    expect(home.tasks.total).toBe(23);
    expect(home.totals).toEqual({ green: 11, yellow: 0, red: 12 });
    expect(home.paging).toMatchObject({ page: 2, limit: 10, pageCount: 3 });
    expect(home.paging.actions).toEqual([
      { kind: "home_page", page: 1, label: "Previous" },
      { kind: "home_page", page: 3, label: "Next" },
    ]);
  });

  it("clamps the page and the limit", () => {
    expect(buildContactHome("zh", tasks, { page: 99, limit: 1000 }).paging).toMatchObject({
      page: 1,
      limit: 25,
      pageCount: 1,
      actions: [],
    });
    expect(buildContactHome("zh", tasks, { page: -3, limit: 0 }).paging).toMatchObject({
      page: 1,
      limit: 1,
      pageCount: 23,
    });
    expect(buildContactHome("zh", [], {}).paging).toMatchObject({ page: 1, pageCount: 1, actions: [] });
  });
});
