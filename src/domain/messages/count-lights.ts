import type { LightCounts, TaskItem } from "./message-types.ts";

/** How many of the tasks show each light. */
export function countLights(tasks: ReadonlyArray<Pick<TaskItem, "light">>): LightCounts {
  const counts: LightCounts = { green: 0, yellow: 0, red: 0 };
  for (const task of tasks) counts[task.light] += 1;
  return counts;
}

/** The counts as plain text for summaries: "绿3 黄1 红2" / "green 3, yellow 1, red 2". */
export function lightCountsText(counts: LightCounts, locale: "zh" | "en"): string {
  return locale === "zh"
    ? `绿${counts.green} 黄${counts.yellow} 红${counts.red}`
    : `green ${counts.green}, yellow ${counts.yellow}, red ${counts.red}`;
}
