import { reminderRoundBenchmark } from "../reminder-round.ts";

await reminderRoundBenchmark.run();
