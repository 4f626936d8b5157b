import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { type ButtonArgs, clicked, tellClicker } from "./action-surface.ts";

/** The digest's "在网页中查看 / Open the board": the clicker's own sign-in link, shown only to them (`/duban web`). */
export function webBoardButton(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId } = clicked(args);
    const tell = tellClicker(deps, args);
    await runListener(deps, { what: "web_board_button", userId, tell }, async () => {
      const user = await deps.profiles.chatUser(userId);
      await showOutcome(args.client, { tell }, await deps.core.runCommand(user, "web"));
    });
  };
}
