import { decodeActionValue, EditButtonValueSchema } from "../../action-values.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** "修改 / Edit" under a receipt: opens the report form filled with that report, for its author. */
export function editReportButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value, triggerId, origin } = clicked(args);
    const tell = tellClicker(deps, args);
    await runListener(deps, { what: "edit_report_button", userId, tell }, async () => {
      const button = decodeActionValue(EditButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "edit button with an unreadable value");
      const user = await deps.profiles.chatUser(userId);
      const outcome = await deps.core.openReportForm(user, button.task, button.report);
      await showOutcome(args.client, { triggerId, origin, tell }, outcome);
    });
  };
}
