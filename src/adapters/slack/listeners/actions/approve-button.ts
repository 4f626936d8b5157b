import { decodeActionValue, TaskButtonValueSchema } from "../../action-values.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { refreshHome } from "../publish-home.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** "办结 / Approve" (supervisors): the task is closed and its contacts told; refused for anyone else. */
export function approveButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value } = clicked(args);
    const tell = tellClicker(deps, args);
    await runListener(deps, { what: "approve_button", userId, tell }, async () => {
      const button = decodeActionValue(TaskButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "approve button with an unreadable value");
      const user = await deps.profiles.chatUser(userId);
      const outcome = await deps.core.approveTask(user, button.task);
      await showOutcome(args.client, { tell }, outcome);
      await refreshHome(deps, args.client, user, outcome);
    });
  };
}
