import type { App, BlockAction } from "@slack/bolt";
import { ACTION_IDS, HOME_PAGE_ACTION_PATTERN } from "../../ids.ts";
import { SNOOZE_ACTION_ID } from "../../snooze-action.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { approveButton } from "./approve-button.ts";
import { editReportButton } from "./edit-report-button.ts";
import { homePageButton } from "./home-page-button.ts";
import { reportButton } from "./report-button.ts";
import { returnButton } from "./return-button.ts";
import { snoozeButton } from "./snooze-button.ts";

export function registerActionListeners(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(ACTION_IDS.report, reportButton(deps));
  app.action<BlockAction>(ACTION_IDS.editReport, editReportButton(deps));
  app.action<BlockAction>(ACTION_IDS.approve, approveButton(deps));
  app.action<BlockAction>(ACTION_IDS.return, returnButton(deps));
  app.action<BlockAction>(HOME_PAGE_ACTION_PATTERN, homePageButton(deps));
  app.action<BlockAction>(SNOOZE_ACTION_ID, snoozeButton(deps));
}
