// Child process of the reply-handling bench: the baseline, a bare Bolt app on the same HTTP receiver settings
// as Duban's (signature checks, dispatch, processBeforeResponse: true) whose message listener does nothing.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { createSilentLogger } from "../../tests/support/create-silent-logger.ts";
import { serveParent } from "./child-rpc.ts";

let app: App | undefined;

const handlers = {
  async start({
    botToken,
    signingSecret,
    apiUrl,
  }: {
    botToken: string;
    signingSecret: string;
    apiUrl: string;
  }) {
    const bare = new App({
      token: botToken,
      signingSecret,
      processBeforeResponse: true,
      clientOptions: { slackApiUrl: apiUrl },
      logger: createSilentLogger(),
      deferInitialization: true,
    });
    bare.event("message", async () => {});
    await bare.init();
    const server = (await bare.start(0)) as Server;
    app = bare;
    return { port: (server.address() as AddressInfo).port };
  },
  async stop() {
    await app?.stop();
    app = undefined;
  },
};

export type BareBoltHandlers = typeof handlers;

serveParent(handlers);
