import { type Locale, pick } from "../supervision/locale.ts";
import type { MeasureInfo } from "../supervision/supervision-types.ts";
import { countLights, lightCountsText } from "./count-lights.ts";
import type { BoardMessage, BoardSection, TaskItem } from "./message-types.ts";

/** Measures by section, each with its counts per light; measures without a section go last. */
export function boardSections(measures: readonly MeasureInfo[], tasks: readonly TaskItem[]): BoardSection[] {
  const sections = new Map<string, BoardSection>();
  for (const measure of [...measures].sort((a, b) => a.number - b.number)) {
    const key = measure.section?.label ?? "";
    let section = sections.get(key);
    if (section === undefined) {
      section = { label: measure.section?.label ?? "", title: measure.section?.title ?? "", measures: [] };
      sections.set(key, section);
    }
    const own = tasks.filter((task) => task.measure.number === measure.number);
    section.measures.push({
      number: measure.number,
      label: measure.label,
      title: measure.title,
      counts: countLights(own),
      total: own.length,
    });
  }
  return [...sections.values()].sort((a, b) => Number(a.label === "") - Number(b.label === ""));
}

/** The board (supervisors): every measure's lights by section, and the overdue, blocked and awaiting-approval tasks. */
export function buildBoardMessage(
  locale: Locale,
  planTitle: string,
  measures: readonly MeasureInfo[],
  tasks: readonly TaskItem[],
): BoardMessage {
  const totals = countLights(tasks);
  const title = pick(locale, { zh: `督办看板：${planTitle}`, en: `Supervision board: ${planTitle}` });
  return {
    kind: "board",
    locale,
    summary: `${title} (${lightCountsText(totals, locale)})`,
    title,
    totals,
    sections: boardSections(measures, tasks),
    overdue: tasks.filter((task) => task.lightReason === "overdue"),
    blocked: tasks.filter((task) => task.status === "BLOCKED"),
    awaitingApproval: tasks.filter((task) => task.status === "AWAITING_APPROVAL"),
  };
}
