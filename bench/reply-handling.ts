// Reply handling: signed Slack thread replies (message events) through Bolt's HTTP receiver until the
// report is stored and Slack gets its 200, against a bare Bolt app on the same receiver that only acks.
// Each server runs in its own process, as in production: the Slack double, Duban's Slack front end and the
// bare Bolt app are children (bench/reply-handling/*-process.ts); this process only generates the load, so
// its allocations (and the double's) no longer set off garbage collections inside the apps it measures.
import { createSlackDriver, type SlackDriver, type SlackDriverDouble } from "../tests/fakes/slack-driver.ts";
import type { BareBoltHandlers } from "./reply-handling/bare-bolt-process.ts";
import { type ChildClient, forkChild } from "./reply-handling/child-rpc.ts";
import type { DubanHandlers } from "./reply-handling/duban-process.ts";
import type { SlackDoubleHandlers } from "./reply-handling/slack-double-process.ts";

const REPLIES = Number(process.env.BENCH_REPLIES ?? 2000);
const WARM_UP = 100;
const CONTACT = "U0CONTACT1";
const SUPERVISOR = "U0SUPERV01";
const TARGET = { p99Ms: 100, ratio: 3 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

async function timed(send: () => Promise<{ status: number }>): Promise<number> {
  const start = process.hrtime.bigint();
  const { status } = await send();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (status !== 200) throw new Error(`expected 200, got ${status}`);
  return ms;
}

/**
 * The driver's view of the double, which lives in another process. The driver's calls are synchronous, so
 * what it needs is fetched from the double before the request is built (outside the timed part): response_urls
 * up front, and user messages stored by the double (which mints their ts) before their events are sent.
 */
function createDoubleProxy(double: ChildClient<SlackDoubleHandlers>, dms: Map<string, string>) {
  const responseUrls: string[] = [];
  const storedTs = new Set<string>();
  const proxy: SlackDriverDouble = {
    // sent before the request that carries the trigger_id, so the double has it before the app can use it
    registerTriggerId: (triggerId, userId) => double.notify("registerTriggerId", { triggerId, userId }),
    createResponseUrl() {
      const url = responseUrls.shift();
      if (url === undefined) throw new Error("no response_url fetched from the double: call prepare() first");
      return url;
    },
    dmChannelId(userId) {
      const channel = dms.get(userId);
      if (channel === undefined) throw new Error(`no DM fetched for ${userId}`);
      return channel;
    },
    nextTs() {
      throw new Error("pass the ts of a message the double stored (userMessage)");
    },
    addUserMessage(message) {
      if (!storedTs.delete(message.ts)) throw new Error(`message ${message.ts} was not stored by the double`);
      return { text: message.text, deleted: false };
    },
  };
  return {
    proxy,
    /** Fetches a response_url for the next slash command. */
    async prepareSlashCommand() {
      responseUrls.push(await double.call("createResponseUrl"));
    },
    /** Has the double store a user's message, as Slack does before delivering its event; returns its ts. */
    async storeUserMessage(input: { channel: string; user: string; text: string; threadTs?: string }) {
      const ts = await double.call("userMessage", input);
      storedTs.add(ts);
      return ts;
    },
  };
}

async function run(): Promise<void> {
  const children: Pick<ChildClient<SlackDoubleHandlers>, "kill" | "exited">[] = [];
  try {
    const double = await forkChild<SlackDoubleHandlers>(
      new URL("./reply-handling/slack-double-process.ts", import.meta.url),
      "the Slack double",
    );
    children.push(double);
    const { apiUrl, workspace } = await double.call("start");
    const settings = { botToken: workspace.bot.token, signingSecret: workspace.signingSecret, apiUrl };
    const duban = await forkChild<DubanHandlers>(
      new URL("./reply-handling/duban-process.ts", import.meta.url),
      "Duban",
    );
    children.push(duban);
    const acking = await forkChild<DubanHandlers>(
      new URL("./reply-handling/duban-process.ts", import.meta.url),
      "Duban (acks after the inbox insert)",
    );
    children.push(acking);
    const bare = await forkChild<BareBoltHandlers>(
      new URL("./reply-handling/bare-bolt-process.ts", import.meta.url),
      "the bare Bolt app",
    );
    children.push(bare);
    const [measured, acked, baselineApp] = await Promise.all([
      duban.call("start", { ...settings, admins: [SUPERVISOR], processBeforeResponse: true }),
      acking.call("start", { ...settings, admins: [SUPERVISOR], processBeforeResponse: false }),
      bare.call("start", settings),
    ]);

    const dms = new Map<string, string>();
    for (const user of [CONTACT, SUPERVISOR]) dms.set(user, await double.call("dmChannelId", user));
    const remote = createDoubleProxy(double, dms);
    const driverFor = (port: number | null) =>
      createSlackDriver({ url: `http://127.0.0.1:${port}/slack/events`, workspace, double: remote.proxy });
    const dubanDriver: SlackDriver = driverFor(measured.port);
    const ackingDriver: SlackDriver = driverFor(acked.port);
    const baselineDriver: SlackDriver = driverFor(baselineApp.port);

    // a contact of 市农业农村局 urged on measure (一): one task in the DM, so replies in its thread need no measure
    const channel = dms.get(CONTACT) ?? "";
    const urge = async (driver: SlackDriver, app: ChildClient<DubanHandlers>) => {
      await remote.prepareSlashCommand();
      await driver.slashCommand({ user: SUPERVISOR, text: `assign 市农业农村局 <@${CONTACT}|li.na> 联络员` });
      await app.call("idle");
      await remote.prepareSlashCommand();
      await driver.slashCommand({ user: SUPERVISOR, text: "remind 1" });
      await app.call("idle");
      const urgeTs = await double.call("botMessageTs", { channel, prefix: "催办" });
      if (urgeTs === undefined) throw new Error("no urge DM to reply to");
      return urgeTs;
    };
    const dubanThread = await urge(dubanDriver, duban);
    const ackingThread = await urge(ackingDriver, acking);
    const reply = async (driver: SlackDriver, i: number, threadTs: string) => {
      const text = `推进中 ${i % 100}%，第 ${i} 次报送`;
      const ts = await remote.storeUserMessage({ channel, user: CONTACT, text, threadTs });
      return timed(() => driver.message({ user: CONTACT, channel, text, ts, threadTs }));
    };
    const check = async (app: ChildClient<DubanHandlers>, before: number) => {
      await app.call("idle");
      const stored = (await app.call("reportCount")) - before;
      if (stored !== WARM_UP + REPLIES)
        throw new Error(`expected ${WARM_UP + REPLIES} reports stored, found ${stored}`);
      return stored;
    };

    // 1. the whole reply: Slack's 200 after the inbox insert, the report stored and the receipt posted
    const before = await duban.call("reportCount");
    const times = { duban: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < WARM_UP + REPLIES; i += 1) {
      const bareMs = await reply(baselineDriver, i, dubanThread);
      const dubanMs = await reply(dubanDriver, i, dubanThread);
      if (i >= WARM_UP) {
        times.baseline.push(bareMs);
        times.duban.push(dubanMs);
      }
    }
    const stored = await check(duban, before);

    // 2. what Slack waits for with `npm start`: the 200 once the inbox has stored the reply (each processed
    // before the next is sent, so no request waits behind the one before it)
    const ackedBefore = await acking.call("reportCount");
    const ackTimes = { duban: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < WARM_UP + REPLIES; i += 1) {
      const bareMs = await reply(baselineDriver, i, ackingThread);
      const ackMs = await reply(ackingDriver, i, ackingThread);
      await acking.call("idle");
      if (i >= WARM_UP) {
        ackTimes.baseline.push(bareMs);
        ackTimes.duban.push(ackMs);
      }
    }
    await check(acking, ackedBefore);
    const calls = await double.call("refusedCalls");
    if (calls.refused > 0)
      throw new Error(`${calls.refused} Web API call(s) refused by the double, first: ${calls.first}`);

    const d = summarise(times.duban);
    const b = summarise(times.baseline);
    const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `${REPLIES} signed thread replies (message events) each, after ${WARM_UP} warm-up, alternating between the two apps`,
    );
    out(
      "processes: this one sends the requests; the Slack double, the two Duban apps and the bare Bolt app run in one child process each",
    );
    out(`database: embedded PGlite on disk (${measured.database})`);
    out(
      `checked: ${stored} reports stored in Duban's database; ${calls.total} Web API calls to the double, none refused`,
    );
    out(
      "measured: signed HTTP request -> report stored -> 200. Both apps run Bolt with processBeforeResponse: true,",
    );
    out(
      "  so Slack's 200 leaves only after the listener finished (Duban's: inbox insert, report stored, receipt posted",
    );
    out("  in the thread, inbox entry marked processed)");
    out(`  Duban       p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}  max ${fmt(d.max)}`);
    out(`  bare Bolt   p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)}  max ${fmt(b.max)}  (acks only)`);
    const ratio = { p50: d.p50 / b.p50, p99: d.p99 / b.p99 };
    out(`  ratio       p50 ${ratio.p50.toFixed(2)}x  p99 ${ratio.p99.toFixed(2)}x`);
    out(
      `target p99 <= ${TARGET.p99Ms} ms: ${d.p99 <= TARGET.p99Ms ? "met" : "MISSED"}; ratio (p99) <= ${TARGET.ratio}: ${ratio.p99 <= TARGET.ratio ? "met" : "MISSED"}`,
    );
    const a = summarise(ackTimes.duban);
    const ab = summarise(ackTimes.baseline);
    out(
      "then, as `npm start` runs (processBeforeResponse: false): signed HTTP request -> inbox insert -> 200, the reply",
    );
    out("  processed after the 200 and before the next request is sent; the bare app as above");
    out(
      `  Duban       p50 ${fmt(a.p50)}  p99 ${fmt(a.p99)}  max ${fmt(a.max)}  (200 after the inbox insert)`,
    );
    out(`  bare Bolt   p50 ${fmt(ab.p50)}  p99 ${fmt(ab.p99)}  max ${fmt(ab.max)}`);
    out(`  ratio       p50 ${(a.p50 / ab.p50).toFixed(2)}x  p99 ${(a.p99 / ab.p99).toFixed(2)}x`);
    // the apps first, so that nothing calls the double after it has gone
    await Promise.all([bare.call("stop"), duban.call("stop"), acking.call("stop")]);
    await double.call("stop");
    await Promise.all(children.map((child) => child.exited));
  } finally {
    for (const child of children) child.kill();
  }
}

export const replyHandlingBenchmark = {
  name: "reply handling (Slack thread reply -> report stored -> 200)",
  run,
};
