import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { publishHome } from "../publish-home.ts";
import { runListener } from "../run-listener.ts";
import { tellInDirectMessage } from "../tell.ts";

/** The user opened Duban's Home tab: publish their tasks, or the board for supervisors (first page). */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    const tell = tellInDirectMessage(deps.messenger, event.user);
    await runListener(deps, { what: "app_home_opened", userId: event.user, tell }, async () => {
      await publishHome(deps, client, await deps.profiles.chatUser(event.user));
    });
  };
}
