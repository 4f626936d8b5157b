import { cycleLabel, dayLabel } from "../schedule/reporting-cycles.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { MAX_LISTED_TASKS } from "./build-reminder-message.ts";
import type { TaskItem } from "./message-types.ts";
import { onBehalfSuffix } from "./message-words.ts";
import type { EscalatedDepartment, EscalationMessage } from "./schedule-message-types.ts";

/** What an escalation says besides its tasks; stored with each outbox row, so a message can be built when sent. */
export interface EscalationHeader {
  audience: EscalationMessage["audience"];
  cycleKey: string;
  dueOn: PlanDate;
  dueTime: string;
  workingDaysOverdue: number;
  /** Departments behind, most overdue tasks first (supervisors); the lead contact's own department. */
  departments: EscalatedDepartment[];
  totalDepartments: number;
  unreachable: string[];
  onBehalfOf: string[];
}

/** Department lines an escalation lists at most. */
export const MAX_LISTED_DEPARTMENTS = 60;

/**
 * 督办: tasks overdue by the escalation threshold. Supervisors get every department behind (and those no
 * one could be reminded in); a lead contact gets their department's tasks with report buttons.
 */
export function buildEscalationMessage(
  locale: Locale,
  header: EscalationHeader,
  tasks: readonly TaskItem[],
  totalTasks: number = tasks.length,
): EscalationMessage {
  const cycle = cycleLabel(header.cycleKey, locale);
  const due = `${dayLabel(header.dueOn, locale)} ${header.dueTime}`;
  const days = header.workingDaysOverdue;
  const departments = header.totalDepartments;
  const own = header.departments[0]?.name ?? "";
  const title =
    header.audience === "supervisor"
      ? pick(locale, {
          zh: `督办：${cycle} ${departments} 个部门 ${totalTasks} 项任务逾期 ${days} 个工作日未报送`,
          en: `Escalation (督办): ${cycle}, ${totalTasks} task(s) in ${departments} department(s) ${days} working days overdue`,
        })
      : pick(locale, {
          zh: `督办：${own} ${totalTasks} 项任务逾期 ${days} 个工作日未报送`,
          en: `Escalation (督办): ${own}, ${totalTasks} task(s) ${days} working days overdue`,
        });
  const intro =
    header.audience === "supervisor"
      ? pick(locale, {
          zh: `以下任务本期进展截止于 ${due}，已逾期 ${days} 个工作日仍未报送，联络员已收到催办，请督办。`,
          en: `These tasks were due ${due} and are ${days} working days overdue; their contacts have been followed up. Please escalate.`,
        })
      : pick(locale, {
          zh: `您是${own}的牵头联络员。以下任务本期进展截止于 ${due}，已逾期 ${days} 个工作日仍未报送，已报督查人员，请尽快报送。`,
          en: `You are ${own}'s lead contact. These tasks were due ${due} and are ${days} working days overdue; supervisors have been told. Please report soon.`,
        });
  const onBehalf = onBehalfSuffix(locale, header.onBehalfOf);
  return {
    kind: "escalation",
    locale,
    summary: `${title}${onBehalf}`,
    audience: header.audience,
    title: `${title}${onBehalf}`,
    intro,
    cycleKey: header.cycleKey,
    dueOn: header.dueOn,
    workingDaysOverdue: days,
    tasks: tasks.slice(0, MAX_LISTED_TASKS),
    totalTasks,
    departments: header.departments.slice(0, MAX_LISTED_DEPARTMENTS),
    totalDepartments: departments,
    unreachable: [...header.unreachable],
    onBehalfOf: [...header.onBehalfOf],
  };
}
