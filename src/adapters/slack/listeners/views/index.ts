import type { App, ViewSubmitAction } from "@slack/bolt";
import { CALLBACK_IDS } from "../../ids.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { reportFormSubmission } from "./report-form-submission.ts";
import { returnReasonSubmission } from "./return-reason-submission.ts";

export function registerViewListeners(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(CALLBACK_IDS.reportForm, reportFormSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACK_IDS.returnReason, returnReasonSubmission(deps));
}
