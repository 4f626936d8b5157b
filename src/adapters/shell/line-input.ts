import { createInterface } from "node:readline";

/** Where the shell reads what the user types: a terminal, or lines piped in. */
export interface LineInput {
  /** Shows the prompt and resolves with the next line (without its newline), or null at the end of input. */
  next(prompt: string): Promise<string | null>;
  /** Stops reading and lets go of the input, so the process can end. */
  close(): void;
}

export interface LineInputOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: readline edits the line and echoes it. Otherwise each line read is echoed after its prompt. */
  terminal: boolean;
}

/**
 * Reads lines one at a time. On a terminal the prompt is readline's (Ctrl+C or Ctrl+D ends the input);
 * from a pipe, lines that arrive early wait in order, and each is written after its prompt as it is taken,
 * so the output reads as a transcript.
 */
export function createLineInput({ input, output, terminal }: LineInputOptions): LineInput {
  const rl = createInterface(
    terminal ? { input, output, terminal: true, historySize: 200 } : { input, terminal: false },
  );
  const queued: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let ended = false;
  rl.on("line", (line) => {
    if (waiting === null) queued.push(line);
    else {
      const resolve = waiting;
      waiting = null;
      resolve(line);
    }
  });
  rl.on("close", () => {
    ended = true;
    waiting?.(null);
    waiting = null;
  });
  if (terminal) rl.on("SIGINT", () => rl.close());
  const take = (): Promise<string | null> => {
    const line = queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      waiting = resolve;
    });
  };
  return {
    async next(prompt) {
      if (terminal) {
        rl.setPrompt(prompt);
        rl.prompt();
        return take();
      }
      const line = await take();
      if (line !== null) output.write(`${prompt}${line}\n`);
      return line;
    },
    close: () => {
      rl.close();
      // A stdin left open (input typed ahead of /quit, or a pipe not yet at its end) would keep the process alive.
      if ("destroy" in input && typeof input.destroy === "function") input.destroy();
    },
  };
}
