import type { webApi } from "@slack/bolt";
import type { HomePageRequest } from "../../../domain/messages/build-home-view.ts";
import type { ChatUser } from "../../../domain/supervision/supervision-types.ts";
import type { CoreOutcome } from "../../../services/core/core-outcome.ts";
import { renderHomeView } from "../blocks/render-home-view.ts";
import type { ListenerDeps } from "./listener-deps.ts";

/** Publishes the user's App Home (views.publish): their tasks, or the board for supervisors. */
export async function publishHome(
  deps: Pick<ListenerDeps, "core">,
  client: webApi.WebClient,
  user: ChatUser,
  request: HomePageRequest = {},
): Promise<void> {
  const view = renderHomeView(await deps.core.buildHome(user, request));
  await client.views.publish({ user_id: user.externalId, view });
}

/** Whether the outcome changed something a Home shows: a report stored, a success, messages sent to others. */
function changedTasks(outcome: CoreOutcome): boolean {
  return (
    outcome.deliveries.length > 0 ||
    outcome.replies.some(
      (reply) =>
        (reply.kind === "report_receipt" && !reply.duplicate) ||
        (reply.kind === "notice" && reply.tone === "success"),
    )
  );
}

/**
 * Republishes the user's Home after an interaction (a button, a form, a command) changed their tasks; a failure
 * is logged, not shown. Replies in DMs do not republish it: the user is in the Messages tab then, and the Home
 * is published afresh whenever they open it (app_home_opened).
 */
export async function refreshHome(
  deps: ListenerDeps,
  client: webApi.WebClient,
  user: ChatUser,
  outcome: CoreOutcome,
): Promise<void> {
  if (!changedTasks(outcome)) return;
  await publishHome(deps, client, user).catch((error: unknown) => {
    deps.logger.warn({ err: error, user: user.externalId }, "could not republish the App Home");
  });
}
