import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { type Tell, tellByRespond, tellInDirectMessage } from "../tell.ts";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The clicked button's value, and where the click happened. */
export function clicked(args: ButtonArgs) {
  const { body, action } = args;
  const value = action.type === "button" ? action.value : undefined;
  // an ephemeral message cannot be replied to in a thread, so it is no origin
  const inMessage = body.container?.type === "message" && body.container.is_ephemeral !== true;
  return {
    userId: body.user.id,
    value,
    triggerId: body.trigger_id,
    /** The message holding the button (absent for buttons in the App Home or a modal). */
    origin: inMessage
      ? {
          channel: body.channel?.id ?? body.container.channel_id,
          ts: body.message?.ts ?? body.container.message_ts,
        }
      : {},
  };
}

/** Answers only the clicker: ephemerally under the message they clicked in, else in their DM with the bot. */
export function tellClicker(deps: ListenerDeps, args: ButtonArgs): Tell {
  return args.body.response_url
    ? tellByRespond(args.respond)
    : tellInDirectMessage(deps.messenger, args.body.user.id);
}
