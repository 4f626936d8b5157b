import type { AssessedTask, SupervisionHistory } from "../assessment/assessment-records.ts";
import { type EvidenceItem, evidenceItems } from "../evidence/report-evidence.ts";
import type { StatusLight } from "../lights/status-light.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { floatingDate, floatingTime } from "./floating-time.ts";
import { LIGHT_NAMES, reminderKindName, SOURCE_NAMES, STATUS_NAMES } from "./ledger-words.ts";
import type { CellValue, SheetColumn, SheetModel } from "./workbook-model.ts";

const text = (header: string): SheetColumn => ({ header, kind: "text" });
const number = (header: string): SheetColumn => ({ header, kind: "number" });
const datetime = (header: string): SheetColumn => ({ header, kind: "datetime" });

const CITY_LEVEL = "市级";
const measureName = (task: AssessedTask) => `${task.measure.label}${task.measure.title}`;

/** The record sheets' task columns: 措施, 部门 and 县（市、区）; blank for a record of no known task. */
const taskCells = (task: AssessedTask | undefined): CellValue[] =>
  task === undefined
    ? ["", "", ""]
    : [measureName(task), task.department.name, task.county?.name ?? CITY_LEVEL];

/** An evidence file in the 佐证材料 cell: its name, then where to open it. */
const fileCell = (file: Extract<EvidenceItem, { kind: "file" }>) =>
  file.permalink === null ? file.name : `${file.name} ${file.permalink}`;

/** What the report and reminder sheets share: the tasks by id, the period's filter and the plan's time zone. */
export interface RecordScope {
  taskById: ReadonlyMap<string, AssessedTask>;
  inPeriod: (at: Date) => boolean;
  timeZone: string;
}

/** 任务台账: one row per task. */
export function taskLedgerSheet(
  history: SupervisionHistory,
  lights: ReadonlyMap<string, { light: StatusLight; dueOn: PlanDate }>,
  timeZone: string,
): SheetModel {
  const columns = [
    number("措施编号"),
    text("措施"),
    text("所属部分"),
    text("牵头部门"),
    text("县（市、区）"),
    text("状态"),
    text("状态灯"),
    number("进度（%）"),
    datetime("最近报送"),
    { header: "报送截止日", kind: "date" } as SheetColumn,
    datetime("办结时间"),
    text("任务编号"),
  ];
  const rows = history.tasks.map((task) => {
    const light = lights.get(task.id);
    return [
      task.measure.number,
      measureName(task),
      task.measure.section === null ? "" : `${task.measure.section.label}${task.measure.section.title}`,
      task.department.name,
      task.county?.name ?? CITY_LEVEL,
      STATUS_NAMES[task.status] ?? task.status,
      light === undefined ? "" : LIGHT_NAMES[light.light],
      task.percent,
      floatingTime(task.lastReportAt, timeZone),
      floatingDate(light?.dueOn ?? null),
      floatingTime(task.approvedAt, timeZone),
      task.id,
    ];
  });
  return { name: "任务台账", notes: [], columns, rows };
}

/** 进展记录: every report in the period (withdrawn ones marked). */
export function reportSheet(
  history: SupervisionHistory,
  { taskById, inPeriod, timeZone }: RecordScope,
): SheetModel {
  const columns = [
    datetime("报送时间"),
    text("措施"),
    text("牵头部门"),
    text("县（市、区）"),
    text("报送人"),
    text("状态"),
    number("完成比例（%）"),
    text("工作进展"),
    text("下一步计划"),
    text("困难问题"),
    text("佐证材料"),
    text("来源"),
    datetime("修改时间"),
    datetime("撤回时间"),
    text("报告编号"),
  ];
  const rows = history.reports
    .filter((report) => inPeriod(report.createdAt))
    .map((report) => {
      return [
        floatingTime(report.createdAt, timeZone),
        ...taskCells(taskById.get(report.taskId)),
        report.authorName,
        STATUS_NAMES[report.status] ?? report.status,
        report.percent,
        report.done,
        report.nextSteps ?? "",
        report.blocker ?? "",
        evidenceItems(report)
          .map((item) => (item.kind === "link" ? item.url : fileCell(item)))
          .join("\n"),
        SOURCE_NAMES[report.source] ?? report.source,
        floatingTime(report.editedAt, timeZone),
        floatingTime(report.withdrawnAt, timeZone),
        report.id,
      ];
    });
  return { name: "进展记录", notes: [], columns, rows };
}

/** 催办记录: every reminder, urge and escalation in the period. */
export function reminderSheet(
  history: SupervisionHistory,
  { taskById, inPeriod, timeZone }: RecordScope,
): SheetModel {
  const columns = [
    datetime("时间"),
    text("类型"),
    text("周期"),
    text("措施"),
    text("部门"),
    text("县（市、区）"),
    text("接收人"),
    datetime("发送时间"),
    text("发送结果"),
    text("记录编号"),
  ];
  const rows = history.reminders
    .filter((reminder) => inPeriod(reminder.createdAt))
    .map((reminder) => {
      const result =
        reminder.sentAt !== null
          ? "已发送"
          : reminder.lastError !== null
            ? `未送达：${reminder.lastError}`
            : "待发送";
      return [
        floatingTime(reminder.createdAt, timeZone),
        reminderKindName(reminder.kind),
        reminder.slot,
        ...taskCells(reminder.taskId === null ? undefined : taskById.get(reminder.taskId)),
        reminder.recipientName ?? "",
        floatingTime(reminder.sentAt, timeZone),
        result,
        reminder.id,
      ];
    });
  return { name: "催办记录", notes: [], columns, rows };
}
