import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createMovableClock } from "../../../src/adapters/clock/movable-clock.ts";
import { createLineInput } from "../../../src/adapters/shell/line-input.ts";

describe("reading piped lines", () => {
  it("hands out lines in order, echoes each after its prompt, and ends with null at the end of input", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let echoed = "";
    output.on("data", (chunk) => {
      echoed += String(chunk);
    });
    const lines = createLineInput({ input, output, terminal: false });
    input.end("/as 市农业农村局\n推进中 60%\n");
    expect(await lines.next("a> ")).toBe("/as 市农业农村局");
    expect(await lines.next("b> ")).toBe("推进中 60%");
    expect(await lines.next("c> ")).toBeNull();
    expect(await lines.next("d> ")).toBeNull();
    expect(echoed).toBe("a> /as 市农业农村局\nb> 推进中 60%\n");
  });

  it("waits for a line that has not arrived yet", async () => {
    const input = new PassThrough();
    const lines = createLineInput({ input, output: new PassThrough(), terminal: false });
    const pending = lines.next("> ");
    input.write("/tick\n");
    expect(await pending).toBe("/tick");
    lines.close();
    expect(await lines.next("> ")).toBeNull();
  });
});

describe("the shell's plan clock", () => {
  it("runs with real time from where it was set", () => {
    let real = 1_000;
    const clock = createMovableClock(new Date("2026-11-19T02:00:00Z"), () => real);
    real += 500;
    expect(clock.now().toISOString()).toBe("2026-11-19T02:00:00.500Z");
    clock.set(new Date("2026-11-20T01:30:00Z"));
    real += 250;
    expect(clock.now().toISOString()).toBe("2026-11-20T01:30:00.250Z");
  });
});
