import { chatMethods } from "./chat-methods.ts";
import { conversationMethods } from "./conversation-methods.ts";
import { filesMethods } from "./files-methods.ts";
import type { WebApiMethod } from "./method-context.ts";
import { userMethods } from "./user-methods.ts";
import { viewsMethods } from "./views-methods.ts";

/** Every Web API method the double implements; anything else answers unknown_method, as Slack does. */
export const webApiMethods: Record<string, WebApiMethod> = {
  ...userMethods,
  ...chatMethods,
  ...conversationMethods,
  ...viewsMethods,
  ...filesMethods,
};
