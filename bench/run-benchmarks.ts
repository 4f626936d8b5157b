// `npm run bench`: runs every benchmark and prints its figures and ratios against a baseline measured in
// the same run. Benchmarks are registered here as the features they measure land.
import { reminderRoundBenchmark } from "./reminder-round.ts";
import { replyHandlingBenchmark } from "./reply-handling.ts";

const benchmarks: { name: string; run: () => Promise<void> }[] = [
  replyHandlingBenchmark,
  reminderRoundBenchmark,
];

for (const benchmark of benchmarks) {
  process.stdout.write(`\n== ${benchmark.name}\n`);
  await benchmark.run();
}
