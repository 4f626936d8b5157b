import { isCollectiveLocalGovernment } from "../workflow/collective-local-government.ts";
import { fragmentReason } from "./department-name-checks.ts";
import { extractIndicators } from "./extract-indicators.ts";
import type { ParsedMeasure } from "./plan-types.ts";
import { readDeadline } from "./read-deadline.ts";
import { splitDepartmentNames } from "./split-department-names.ts";
import { suggestDepartments } from "./suggest-departments.ts";

/** A table of a plan document (a Word table, a sheet): rows of cell texts, merged cells repeated. */
export interface PlanTable {
  /** Where the table comes from, for messages: "table 1", "sheet 重点任务分工表". */
  name: string;
  rows: string[][];
}

type Column = "number" | "task" | "lead" | "responsible" | "cooperating" | "timeLimit" | "category";

/** Column headings of a task-division table (重点任务分工表), as offices write them. */
const HEADINGS: [Column, RegExp][] = [
  ["number", /^(?:序号|编号)$/],
  ["lead", /^(?:牵头(?:单位|部门)|主责(?:单位|部门)|牵头)$/],
  ["responsible", /^责任(?:单位|部门)$/],
  ["cooperating", /^(?:配合|协办|参与|协同)(?:单位|部门)$/],
  ["timeLimit", /^(?:完成(?:时限|时间)|时间节点|时限(?:要求)?|进度安排)$/],
  ["category", /^(?:类别|分类|领域|重点领域|任务类别)$/],
  ["task", /任务|事项|项目|工作内容|工作措施|具体措施|举措/],
];

function cleanCell(cell: string): string {
  return cell.replace(/[\s\u3000]+/g, " ").trim();
}

function readHeader(row: readonly string[]): Map<Column, number> | null {
  const columns = new Map<Column, number>();
  row.forEach((cell, index) => {
    const text = cleanCell(cell).replace(/\s+/g, "");
    const found = HEADINGS.find(([, pattern]) => pattern.test(text));
    if (found !== undefined && !columns.has(found[0])) columns.set(found[0], index);
  });
  const hasLeads = columns.has("lead") || columns.has("responsible");
  return columns.has("task") && hasLeads ? columns : null;
}

/** The first table whose header names a task column and a 牵头单位 or 责任单位 column. */
export function findTaskTable(
  tables: readonly PlanTable[],
): { table: PlanTable; header: number; columns: Map<Column, number> } | null {
  for (const table of tables) {
    for (const [index, row] of table.rows.slice(0, 5).entries()) {
      const columns = readHeader(row);
      if (columns !== null) return { table, header: index, columns };
    }
  }
  return null;
}

/** A heading row: one text merged across the row, or a lone "一、…" without a 序号. */
function isSectionRow(filled: readonly string[], number: string): boolean {
  const same = filled.every((text) => text === filled[0]);
  if (same && filled.length > 1) return true;
  return same && number === "" && /^[一二三四五六七八九十]+[、．.]/.test(filled[0] ?? "");
}

function names(cell: string, placeNames: readonly string[], defaultPrefix?: string): string[] {
  const list = cleanCell(cell).replace(/ /g, "、");
  return splitDepartmentNames(list, {
    placeNames,
    ...(defaultPrefix === undefined ? {} : { defaultPrefix }),
  });
}

/**
 * Turns a task-division table into measures: one per task row, 序号 as the label, the 牵头单位 column as
 * the leads (else the 责任单位 column), 责任单位 / 配合单位 as cooperating units, 完成时限 kept as written
 * and read as a deadline where it is a date. A row whose cells are one text (merged across) is a section
 * heading ("一、…"). Rows without a lead are measures that need assignment, each with a warning.
 */
export function parseTaskTable(
  found: NonNullable<ReturnType<typeof findTaskTable>>,
  placeNames: readonly string[],
): { measures: ParsedMeasure[]; warnings: string[] } {
  const { table, header, columns } = found;
  const cell = (row: readonly string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : cleanCell(row[index] ?? "");
  };
  const measures: ParsedMeasure[] = [];
  const warnings: string[] = [];
  let section: string | null = null;
  for (const [index, row] of table.rows.slice(header + 1).entries()) {
    const filled = row.map(cleanCell).filter((text) => text !== "");
    if (filled.length === 0) continue;
    if (isSectionRow(filled, cell(row, "number"))) {
      section = filled[0] ?? null;
      continue;
    }
    const task = cell(row, "task");
    if (task === "") continue;
    const rowName = `${table.name} row ${header + index + 2}`;
    const leadCell = cell(row, "lead");
    const hasLeadColumn = columns.has("lead");
    const leads = names(hasLeadColumn ? leadCell : cell(row, "responsible"), placeNames);
    const prefix = /^[市县省]/.exec(leads[0] ?? "")?.[0];
    const cooperating = [
      ...(hasLeadColumn
        ? names(cell(row, "responsible"), placeNames, prefix).map((name) => ({ name, role: "责任单位" }))
        : []),
      ...names(cell(row, "cooperating"), placeNames, prefix).map((name) => ({ name, role: "配合单位" })),
    ].filter((unit) => !leads.includes(unit.name));
    const sentenceEnd = task.indexOf("。");
    const title = sentenceEnd > 0 ? task.slice(0, sentenceEnd) : task;
    const label = cell(row, "number") || String(measures.length + 1);
    const timeLimit = cell(row, "timeLimit") || null;
    const needsAssignment = leads.length === 0;
    for (const name of [...leads, ...cooperating.map((unit) => unit.name)]) {
      const reason = fragmentReason(name);
      if (reason !== null && !isCollectiveLocalGovernment(name))
        warnings.push(
          `${rowName} (${label} ${title}): "${name}" does not look like a department name (${reason})`,
        );
    }
    const suggestedDepartments = needsAssignment ? suggestDepartments(task) : [];
    if (needsAssignment) {
      const written = hasLeadColumn ? leadCell : cell(row, "responsible");
      warnings.push(
        `${rowName} (${label} ${title}): ${written === "" ? "no lead unit" : `could not read the lead unit "${written}"`}: assign its leads by hand`,
      );
    }
    measures.push({
      number: measures.length + 1,
      label,
      section,
      title,
      text: task,
      leadDepartments: leads,
      cooperatingDepartments: cooperating,
      needsAssignment,
      suggestedDepartments,
      indicators: extractIndicators(task),
      group: cell(row, "category") || null,
      note: null,
      timeLimit,
      deadline: timeLimit === null ? null : readDeadline(timeLimit),
    });
  }
  return { measures, warnings };
}
