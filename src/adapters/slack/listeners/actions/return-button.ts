import { localeOf } from "../../../../domain/supervision/locale.ts";
import { requireSupervisor } from "../../../../services/core/refuse.ts";
import { decodeActionValue, TaskButtonValueSchema } from "../../action-values.ts";
import { renderReturnModal } from "../../blocks/render-return-modal.ts";
import { encodeMetadata } from "../../view-metadata.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** "退回 / Return" (supervisors): asks for the reason in a modal; anyone else is refused at once. */
export function returnButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value, triggerId, origin } = clicked(args);
    await runListener(deps, { what: "return_button", userId, tell: tellClicker(deps, args) }, async () => {
      const button = decodeActionValue(TaskButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "return button with an unreadable value");
      const person = await deps.core.identify(await deps.profiles.chatUser(userId));
      requireSupervisor(person, { zh: "退回任务", en: "return tasks" });
      const metadata = encodeMetadata({ task: button.task, ...origin });
      await args.client.views.open({
        trigger_id: triggerId,
        view: renderReturnModal(localeOf(person.locale), metadata),
      });
    });
  };
}
