import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../../domain/errors.ts";
import type { ReportFormResult } from "../../../../services/submit-report-form.ts";
import { reportFormErrors } from "../../blocks/render-report-modal.ts";
import { reportFieldBlockId } from "../../ids.ts";
import { decodeMetadata, ReportFormMetadataSchema } from "../../view-metadata.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { refreshHome } from "../publish-home.ts";
import { apologyText, runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { answerTarget } from "./answer-target.ts";
import { readReportFormValues } from "./read-view-values.ts";

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A field error that keeps the modal open with what the user typed. */
const onField = (field: "status" | "done", text: string) => ({
  response_action: "errors" as const,
  errors: { [reportFieldBlockId(field)]: text.slice(0, 150) },
});

/**
 * The report form submitted. The core validates and stores before the ack, so that field errors (zod's, in
 * the user's language) and refusals show on the form, which stays open with the user's input; a stored report
 * closes it, and the receipt goes to the thread of the message the form was opened from.
 */
export function reportFormSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmissionArgs): Promise<void> => {
    const userId = body.user.id;
    const metadata = decodeMetadata(ReportFormMetadataSchema, view.private_metadata);
    if (metadata === null) {
      deps.logger.warn({ user: userId }, "report form with unreadable private_metadata");
      return ack();
    }
    const user = await deps.profiles.chatUser(userId);
    let result: ReportFormResult;
    try {
      const values = readReportFormValues(view.state);
      result = await deps.core.submitReportForm({
        user,
        taskId: metadata.task,
        reportId: metadata.report ?? null,
        values,
      });
    } catch (error) {
      if (!isDomainError(error))
        deps.logger.error({ err: error, listener: "report_form", user: userId }, "Slack listener failed");
      return ack(onField("done", isDomainError(error) ? error.userMessage : apologyText(user.locale)));
    }
    if (result.kind === "invalid")
      return ack({ response_action: "errors", errors: reportFormErrors(result.errors) });
    const [only] = result.outcome.replies;
    if (result.outcome.replies.length === 1 && only?.kind === "notice" && only.tone === "error") {
      return ack(onField("status", only.lines.join(" ")));
    }
    await ack();
    const tell = answerTarget(deps.messenger, userId, metadata);
    await runListener(deps, { what: "report_form", userId, tell }, async () => {
      await showOutcome(client, { tell }, result.outcome);
      await refreshHome(deps, client, user, result.outcome);
    });
  };
}
