import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph } from "../../support/import-cycles.js";

const src = resolve(import.meta.dirname, "../../../src");
/** The wiring of the core's dependencies: built in src/app/compose-core.ts only. */
const WIRING = [
  "adapters/db/prisma-supervision-store.ts",
  "adapters/db/prisma-schedule-store.ts",
  "adapters/calendar/load-working-day-calendar.ts",
  "adapters/assessment/create-assessment-ports.ts",
];
/** Diagnostics that check the wiring's inputs themselves rather than run the core. */
const DIAGNOSTICS = new Set([
  "cli/commands/calendar-command.ts", // `duban calendar check|add`: loads the calendar file it is given
  "cli/commands/doctor-command.ts", // `duban doctor`: says whether the calendar loads
  "cli/commands/check-slack-setup.ts", // `duban doctor`: reads the digest channel, its database open or not
]);

describe("the composition root", () => {
  it("is the only place outside adapters that builds the store, the schedule store, the calendar and the assessment ports", () => {
    const graph = importGraph(src, (path) => path.includes("/adapters/db/generated"));
    const wiring = new Set(WIRING.map((path) => resolve(src, path)));
    const builders = [...graph]
      .filter(([, targets]) => targets.some((target) => wiring.has(target)))
      .map(([file]) => relative(src, file))
      .filter((file) => !file.startsWith("adapters/") && !DIAGNOSTICS.has(file));
    expect(builders).toEqual(["app/compose-core.ts"]);
  });
});
