// `npm run bench`: runs every benchmark and prints its figures and ratios against a baseline measured in
// the same run. Benchmarks are registered here as the features they measure land. `npm run bench -- reply`
// (or `reminder`, `startup`, `web`) runs only the benchmarks named.
import { reminderRoundBenchmark } from "./reminder-round.ts";
import { replyHandlingBenchmark } from "./reply-handling.ts";
import { startupBenchmark } from "./startup.ts";
import { webBoardBenchmark } from "./web-board.ts";

const benchmarks: { key: string; name: string; run: () => Promise<void> }[] = [
  { key: "reply", ...replyHandlingBenchmark },
  { key: "reminder", ...reminderRoundBenchmark },
  { key: "startup", ...startupBenchmark },
  { key: "web", ...webBoardBenchmark },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((key) => !benchmarks.some((benchmark) => benchmark.key === key));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(", ")}; choose from ${benchmarks.map((b) => b.key).join(", ")}\n`,
  );
  process.exit(2);
}

for (const benchmark of benchmarks) {
  if (wanted.length > 0 && !wanted.includes(benchmark.key)) continue;
  process.stdout.write(`\n== ${benchmark.name}\n`);
  await benchmark.run();
}
