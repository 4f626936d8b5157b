import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ReportFormCheck } from "../../../../services/reporting/submit-report-form.ts";
import { reportFormErrors } from "../../blocks/render-report-modal.ts";
import { reportFieldBlockId } from "../../ids.ts";
import { toEvidenceFiles } from "../../slack-evidence-files.ts";
import { decodeMetadata, ReportFormMetadataSchema } from "../../view-metadata.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { refreshHome } from "../publish-home.ts";
import { apologyText, runListener } from "../run-listener.ts";
import { isRedelivery, showOutcome } from "../show-outcome.ts";
import { answerTarget } from "./answer-target.ts";
import { readReportFormFiles, readReportFormValues } from "./read-view-values.ts";

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A field error that keeps the modal open with what the user typed. */
const onField = (field: "status" | "done", text: string) => ({
  response_action: "errors" as const,
  errors: { [reportFieldBlockId(field)]: text.slice(0, 150) },
});

/**
 * The report form submitted. It is answered from the database alone, no Web API call, so that Slack has its
 * answer within its 3 seconds whatever Slack's own latency: field errors (in the person's language) and
 * refusals show on the form, which stays open with the user's input; an accepted form closes. Then the report
 * is stored with the files added in the form (files.info where Slack described them too little), the receipt
 * goes to the thread of the message the form was opened from, the supervisors' approval requests go out
 * through the outbox and the Home is republished. The view's id and hash name the submission: the same form
 * submitted twice stores one report, and the second gets no second receipt.
 */
export function reportFormSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmissionArgs): Promise<void> => {
    const userId = body.user.id;
    const metadata = decodeMetadata(ReportFormMetadataSchema, view.private_metadata);
    if (metadata === null) {
      deps.logger.warn({ user: userId }, "report form with unreadable private_metadata");
      return ack();
    }
    const submission = {
      user: { platform: "slack", externalId: userId },
      taskId: metadata.task,
      reportId: metadata.report ?? null,
      values: readReportFormValues(view.state),
    };
    let check: ReportFormCheck;
    try {
      check = await deps.core.checkReportForm(submission);
    } catch (error) {
      deps.logger.error({ err: error, listener: "report_form", user: userId }, "Slack listener failed");
      return ack(onField("done", apologyText(undefined)));
    }
    if (check.kind === "invalid")
      return ack({ response_action: "errors", errors: reportFormErrors(check.errors) });
    if (check.kind === "refused") return ack(onField("status", check.message));
    await ack();
    const tell = answerTarget(deps.messenger, userId, metadata);
    await runListener(deps, { what: "report_form", userId, tell }, async () => {
      const user = await deps.profiles.chatUser(userId);
      const files = await toEvidenceFiles(client, readReportFormFiles(view.state), (error, file) =>
        deps.logger.warn({ err: error, file }, "files.info failed; the file is kept by its id"),
      );
      const result = await deps.core.submitReportForm({
        ...submission,
        user,
        files,
        submissionKey: `view:${view.id}:${view.hash}`,
      });
      // checked before the ack; only a change in between (the task closed meanwhile) gets here
      if (result.kind === "invalid") throw new Error("the report form passed its check, then failed it");
      if (isRedelivery(result.outcome))
        return deps.logger.debug({ view: view.id }, "report form submitted again: report already stored");
      await showOutcome(client, { tell }, result.outcome);
      await refreshHome(deps, client, user, result.outcome);
    });
  };
}
