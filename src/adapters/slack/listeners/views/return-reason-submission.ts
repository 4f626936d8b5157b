import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { localeOf, pick } from "../../../../domain/supervision/locale.ts";
import { RETURN_REASON_BLOCK_ID } from "../../ids.ts";
import { decodeMetadata, ReturnReasonMetadataSchema } from "../../view-metadata.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { refreshHome } from "../publish-home.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { answerTarget } from "./answer-target.ts";
import { readReturnReason } from "./read-view-values.ts";

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const REASON_REQUIRED = { zh: "请填写退回原因", en: "Give the reason" };

/** The reason for returning a task, submitted: the core returns the task and tells its contacts. */
export function returnReasonSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmissionArgs): Promise<void> => {
    const userId = body.user.id;
    const metadata = decodeMetadata(ReturnReasonMetadataSchema, view.private_metadata);
    if (metadata === null) {
      deps.logger.warn({ user: userId }, "return modal with unreadable private_metadata");
      return ack();
    }
    const reason = readReturnReason(view.state);
    if (reason === null) {
      // in the language Duban knows the person by: no Web API call before the ack
      const person = await deps.core.identify({ platform: "slack", externalId: userId });
      const text = pick(localeOf(person.locale), REASON_REQUIRED);
      return ack({ response_action: "errors", errors: { [RETURN_REASON_BLOCK_ID]: text } });
    }
    await ack();
    const tell = answerTarget(deps.messenger, userId, metadata);
    await runListener(deps, { what: "return_reason", userId, tell }, async () => {
      const user = await deps.profiles.chatUser(userId);
      const outcome = await deps.core.returnTask(user, metadata.task, reason);
      await showOutcome(client, { tell }, outcome);
      await refreshHome(deps, client, user, outcome);
    });
  };
}
