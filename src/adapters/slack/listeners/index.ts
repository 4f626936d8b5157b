import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import { ACTION_IDS, CALLBACK_IDS, DUBAN_COMMAND, HOME_PAGE_ACTION_PATTERN } from "../ids.ts";
import { SNOOZE_ACTION_ID } from "../snooze-action.ts";
import { approveButton } from "./actions/approve-button.ts";
import { editReportButton } from "./actions/edit-report-button.ts";
import { homePageButton } from "./actions/home-page-button.ts";
import { reportButton } from "./actions/report-button.ts";
import { returnButton } from "./actions/return-button.ts";
import { snoozeButton } from "./actions/snooze-button.ts";
import { webBoardButton } from "./actions/web-board-button.ts";
import { dubanCommand } from "./commands/duban-command.ts";
import { appHomeOpened } from "./events/app-home-opened.ts";
import type { ListenerDeps } from "./listener-deps.ts";
import { progressReply } from "./messages/progress-reply.ts";
import { replyChanged } from "./messages/reply-changed.ts";
import { replyDeleted } from "./messages/reply-deleted.ts";
import { reportFormSubmission } from "./views/report-form-submission.ts";
import { returnReasonSubmission } from "./views/return-reason-submission.ts";

/**
 * Every slash command, button, modal submission, event and message subtype Duban answers on Slack, in one
 * place (the layout of Slack's bolt-js samples: one file per listener under listeners/<kind>/, all registered
 * here). The ids are in ../ids.ts; the app manifest (slack-app-manifest.yaml) subscribes to the same events.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Slash commands
  app.command(DUBAN_COMMAND, dubanCommand(deps)); // /duban <subcommand>

  // Buttons (block_actions), in messages, DMs and the App Home
  app.action<BlockAction>(ACTION_IDS.report, reportButton(deps)); // 填报: opens the report form
  app.action<BlockAction>(ACTION_IDS.editReport, editReportButton(deps)); // 修改: the form, filled in
  app.action<BlockAction>(ACTION_IDS.approve, approveButton(deps)); // 办结
  app.action<BlockAction>(ACTION_IDS.return, returnButton(deps)); // 退回: asks for a reason
  app.action<BlockAction>(HOME_PAGE_ACTION_PATTERN, homePageButton(deps)); // App Home paging
  app.action<BlockAction>(SNOOZE_ACTION_ID, snoozeButton(deps)); // a reminder's 推迟
  app.action<BlockAction>(ACTION_IDS.webBoard, webBoardButton(deps)); // the digest's 在网页中查看: a sign-in link

  // Modal submissions (view_submission)
  app.view<ViewSubmitAction>(CALLBACK_IDS.reportForm, reportFormSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACK_IDS.returnReason, returnReasonSubmission(deps));

  // Events
  app.event("app_home_opened", appHomeOpened(deps));

  // Messages (the message event, by subtype; every other subtype is ignored): thread replies and DMs to Duban
  const bySubtype = new Map([
    ["", progressReply(deps)], // a plain message: a progress reply or a question
    ["file_share", progressReply(deps)], // a reply with evidence files
    ["thread_broadcast", progressReply(deps)], // a reply also sent to the channel
    ["message_changed", replyChanged(deps)], // an edited reply revises the report
    ["message_deleted", replyDeleted(deps)], // a deleted reply withdraws it
  ]);
  app.event("message", async (args) => {
    const subtype =
      "subtype" in args.event && typeof args.event.subtype === "string" ? args.event.subtype : "";
    await bySubtype.get(subtype)?.(args);
  });
}
