import type { App } from "@slack/bolt";
import { DUBAN_COMMAND } from "../../ids.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { dubanCommand } from "./duban-command.ts";

export function registerCommandListeners(app: App, deps: ListenerDeps): void {
  app.command(DUBAN_COMMAND, dubanCommand(deps));
}
