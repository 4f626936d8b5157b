// `node --import <this file>`: when the process exits, writes its peak RSS (getrusage maxrss, in KB) to the
// file named by BENCH_PEAK_RSS_FILE. Used by bench/startup.ts for short-lived processes, whose memory cannot
// be sampled from outside reliably; the baseline `node -e 0` is measured with the same preload.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
