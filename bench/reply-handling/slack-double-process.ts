// Child process of the reply-handling bench: the Slack double (tests/fakes/slack-double), standing in for
// Slack's Web API for both apps, in a process of its own.
import { type SlackDouble, startSlackDouble } from "../../tests/fakes/slack-double/start-slack-double.ts";
import { serveParent } from "./child-rpc.ts";

let running: SlackDouble | undefined;

function double(): SlackDouble {
  if (running === undefined) throw new Error("the double is not started");
  return running;
}

const handlers = {
  async start() {
    running = await startSlackDouble();
    running.rateLimits.unlimited(); // measured: Duban's handling, not Slack's one message a second per DM
    return { apiUrl: running.apiUrl, workspace: running.workspace };
  },
  dmChannelId: (userId: string) => double().dmChannelId(userId),
  createResponseUrl: () => double().createResponseUrl(),
  registerTriggerId: ({ triggerId, userId }: { triggerId: string; userId: string }) =>
    double().registerTriggerId(triggerId, userId),
  /** A user's message as Slack keeps it before delivering the event: the double mints its ts and stores it. */
  userMessage(input: { channel: string; user: string; text: string; threadTs?: string }) {
    const ts = double().nextTs();
    double().addUserMessage({ ...input, ts });
    return ts;
  },
  /** The ts of the bot's latest message in `channel` whose text starts with `prefix`. */
  botMessageTs({ channel, prefix }: { channel: string; prefix: string }) {
    return double()
      .messages(channel)
      .filter((message) => message.botId !== undefined && message.text?.startsWith(prefix) === true)
      .at(-1)?.ts;
  },
  /** Web API calls the double answered with anything but HTTP 200 and ok: true. */
  refusedCalls() {
    const calls = double().calls();
    const refused = calls.filter(
      (call) => call.status !== 200 || (call.response as { ok?: boolean }).ok !== true,
    );
    return { total: calls.length, refused: refused.length, first: refused[0]?.method };
  },
  async stop() {
    await running?.close();
    running = undefined;
  },
};

export type SlackDoubleHandlers = typeof handlers;

serveParent(handlers);
