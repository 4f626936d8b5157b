import { type ChildProcess, spawn } from "node:child_process";
import { clockEnvironment } from "./clock-environment.ts";

export interface DubanProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output contains `text`; rejects if the process exits first or time runs out. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts `dist/main.js` (what `npm start` runs) or the CLI (`bin/duban.js`) as a child process with the given
 * environment, with plain node on the compiled build (tests/support/build-once.ts builds it); a TypeScript
 * helper script (`tests/support/*.ts`) runs through tsx.
 */
export function runDubanProcess(args: string[], env: NodeJS.ProcessEnv, input?: string): DubanProcess {
  const loader = args[0]?.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...loader, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...clockEnvironment(),
      LOG_FORMAT: "json",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor: (wanted, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const matches = () => (typeof wanted === "string" ? text.includes(wanted) : wanted.test(text));
        const timer = setTimeout(
          () => done(new Error(`timed out waiting for ${wanted}; output:\n${text}`)),
          timeoutMs,
        );
        const check = () => matches() && done();
        function done(error?: Error) {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        }
        listeners.add(check);
        void exited.then(
          (code) => !matches() && done(new Error(`exited with ${code} before ${wanted}; output:\n${text}`)),
        );
        check();
      }),
  };
}
