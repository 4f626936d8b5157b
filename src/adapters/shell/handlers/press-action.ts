import type { MessageAction } from "../../../domain/messages/message-types.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import { requireSupervisor } from "../../../services/core/refuse.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { showHome } from "./show-home.ts";
import { showOutcome } from "./show-outcome.ts";

/** "退回 / Return": asks the supervisor for the reason (as Slack's modal does), then returns the task. */
async function returnWithReason(context: ShellContext, taskId: string): Promise<void> {
  const { actor } = context.session;
  requireSupervisor(actor.person, { zh: "退回任务", en: "return tasks" });
  const locale = actorLocale(context);
  context.printer.line(
    pick(locale, {
      zh: "退回原因（选填，/cancel 取消）：",
      en: "Reason for returning (optional, /cancel to stop):",
    }),
  );
  const reason = await context.input.next(pick(locale, { zh: "  原因> ", en: "  reason> " }));
  if (reason === null || reason.trim() === "/cancel") {
    context.printer.line(pick(locale, { zh: "已取消。", en: "Cancelled." }));
    return;
  }
  await showOutcome(context, await context.core.returnTask(actor.user, taskId, reason.trim() || null));
}

async function press(context: ShellContext, action: MessageAction): Promise<void> {
  const { core } = context;
  const { user } = context.session.actor;
  switch (action.kind) {
    case "report":
      return showOutcome(context, await core.openReportForm(user, action.taskId));
    case "edit_report":
      return showOutcome(context, await core.openReportForm(user, action.taskId, action.reportId));
    case "approve":
      return showOutcome(context, await core.approveTask(user, action.taskId));
    case "return":
      return returnWithReason(context, action.taskId);
    case "home_page":
      return showHome(context, action.page);
  }
}

/** `/press <n>`: presses button [n] of the messages last shown to the actor, as a click would in Slack. */
export async function pressAction(context: ShellContext, number: number): Promise<void> {
  const action = context.session.actions[number - 1];
  if (action === undefined) {
    const count = context.session.actions.length;
    const text =
      count === 0
        ? {
            zh: "现在没有可点击的按钮：按钮以 [n] 标出，如 /duban tasks 列出的“填报进展”。",
            en: "No buttons to press now: buttons show as [n], e.g. the report buttons of /duban tasks.",
          }
        : {
            zh: `没有按钮 [${number}]：请选 1 到 ${count}。`,
            en: `There is no button [${number}]: choose 1 to ${count}.`,
          };
    context.printer.line(context.printer.style.error(`✗ ${pick(actorLocale(context), text)}`));
    return;
  }
  context.printer.line(context.printer.style.dim(`[${action.label}]`));
  await press(context, action);
}
