import { decodeActionValue, PageButtonValueSchema } from "../../action-values.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { publishHome } from "../publish-home.ts";
import { runListener } from "../run-listener.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** "上一页 / 下一页" in the App Home: publishes that page. */
export function homePageButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, value } = clicked(args);
    await runListener(deps, { what: "home_page_button", userId, tell: tellClicker(deps, args) }, async () => {
      const button = decodeActionValue(PageButtonValueSchema, value);
      if (button === null)
        return deps.logger.warn({ user: userId, value }, "page button with an unreadable value");
      await publishHome(deps, args.client, await deps.profiles.chatUser(userId), { page: button.page });
    });
  };
}
