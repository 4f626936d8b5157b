import { decodeActionValue, TaskButtonValueSchema } from "../../action-values.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** "填报进展 / Report progress": opens the report form for the task, when the user may report on it. */
export function reportButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value, triggerId, origin } = clicked(args);
    const tell = tellClicker(deps, args);
    await runListener(deps, { what: "report_button", userId, tell }, async () => {
      const button = decodeActionValue(TaskButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "report button with an unreadable value");
      const user = await deps.profiles.chatUser(userId);
      const outcome = await deps.core.openReportForm(user, button.task);
      await showOutcome(args.client, { triggerId, origin, tell }, outcome);
    });
  };
}
