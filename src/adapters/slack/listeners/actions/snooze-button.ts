import { decodeActionValue } from "../../action-values.ts";
import { SnoozeButtonValueSchema } from "../../snooze-action.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** A reminder's "下个工作日再提醒 / Remind me next working day": snoozes the clicker's reminders of that cycle. */
export function snoozeButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value } = clicked(args);
    const tell = tellClicker(deps, args);
    await runListener(deps, { what: "snooze_button", userId, tell }, async () => {
      const button = decodeActionValue(SnoozeButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "snooze button with an unreadable value");
      const user = await deps.profiles.chatUser(userId);
      await showOutcome(args.client, { tell }, await deps.core.snoozeReminder(user, button.cycle));
    });
  };
}
