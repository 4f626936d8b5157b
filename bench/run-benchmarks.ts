// `npm run bench`: runs every benchmark and prints its figures and ratios against a baseline measured in
// the same run. Benchmarks are registered here as the features they measure land.
const benchmarks: { name: string; run: () => Promise<void> }[] = [];

if (benchmarks.length === 0) {
  process.stdout.write("no benchmarks yet: reply handling and reminder delivery benchmarks come with the Slack and schedules work\n");
}
for (const benchmark of benchmarks) {
  process.stdout.write(`\n== ${benchmark.name}\n`);
  await benchmark.run();
}
