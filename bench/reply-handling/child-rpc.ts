// The reply-handling bench runs each server in its own process, as production does: the Slack double, Duban's
// Slack front end and the bare Bolt app are children forked by the load generator, started and queried over
// Node's IPC channel. Nothing goes over IPC while a request is being timed.
import { type ChildProcess, fork } from "node:child_process";
import { compiledBenchChild } from "../compile-bench-children.ts";
import { startFlags } from "../startup/start-flags.ts";

/** What a child answers, by operation name; each handler takes at most one (JSON-serialisable) argument. */
export type Handlers = Record<string, (args: never) => unknown>;

interface RpcRequest {
  id: number;
  op: string;
  args?: unknown;
}

type RpcReply = { id: number; result: unknown } | { id: number; error: string };

/** Child side: answers the parent's calls with `handlers`; after `stop` has answered, the process exits. */
export function serveParent(handlers: Handlers): void {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error("run by bench/reply-handling.ts, not on its own");
  // the parent is gone (it failed or was stopped): nothing left to serve
  process.on("disconnect", () => process.exit(1));
  process.on("message", (message: RpcRequest) => {
    const handler = handlers[message.op] as ((args: unknown) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (handler === undefined) throw new Error(`no operation ${message.op}`);
        return handler(message.args);
      })
      .then(
        (result) => ({ id: message.id, result: result ?? null }),
        (error: unknown) => ({
          id: message.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      )
      .then((reply: RpcReply) =>
        send(reply, undefined, {}, () => {
          if (message.op === "stop") process.exit(0);
        }),
      );
  });
  send({ ready: true });
}

interface Waiter {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ChildClient<H extends Handlers> {
  readonly label: string;
  call<K extends keyof H & string>(op: K, ...args: Parameters<H[K]>): Promise<Awaited<ReturnType<H[K]>>>;
  /** A call nobody waits for (its answer, or error, still arrives and is dropped, or thrown at the next call). */
  notify<K extends keyof H & string>(op: K, ...args: Parameters<H[K]>): void;
  /** Kills the child if it is still running (after a failure); the normal end is call("stop"). */
  kill(): void;
  exited: Promise<number | null>;
}

/**
 * Parent side: forks `script` compiled to dist-bench/ with plain node (as `npm start` runs Duban: no tsx,
 * its heap flags) and resolves once the child serves. Its stdout and stderr are this process's.
 */
export function forkChild<H extends Handlers>(script: URL, label: string): Promise<ChildClient<H>> {
  const child: ChildProcess = fork(compiledBenchChild(script), [], {
    execArgv: startFlags(),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, Waiter>();
  let nextId = 1;
  let failure: Error | undefined;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then((code) => {
    failure ??= new Error(`${label} exited with ${code}`);
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  });

  const send = (op: string, args: unknown, waiter?: Waiter) => {
    if (failure) throw failure;
    const id = nextId++;
    if (waiter) pending.set(id, waiter);
    else pending.set(id, { resolve: () => {}, reject: (error) => (failure ??= error) });
    child.send({ id, op, args } satisfies RpcRequest);
  };

  const client: ChildClient<H> = {
    label,
    call: (op, ...args) =>
      new Promise((resolve, reject) => {
        try {
          send(op, args[0], { resolve: resolve as (value: unknown) => void, reject });
        } catch (error) {
          reject(error);
        }
      }),
    notify: (op, ...args) => send(op, args[0]),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
    exited,
  };

  return new Promise((resolve, reject) => {
    child.on("message", (message: RpcReply | { ready: true }) => {
      if ("ready" in message) return resolve(client);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if ("error" in message) waiter?.reject(new Error(`${label}: ${message.error}`));
      else waiter?.resolve(message.result);
    });
    void exited.then((code) => reject(new Error(`${label} exited with ${code} before it was ready`)));
  });
}
