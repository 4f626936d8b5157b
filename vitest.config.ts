import { defineConfig } from "vitest/config";

/**
 * Three projects, one per test folder. Unit and integration files share their worker's module cache
 * (`isolate: false`): re-importing Prisma, PGlite and the core for each of ~100 files cost more than the
 * tests themselves (tests/unit: 74 s isolated, 22 s shared, same machine, same run). They hold no module
 * state between files: each builds its own database, clock and fakes. End-to-end files start real processes
 * and servers and stay isolated.
 */
export default defineConfig({
  test: {
    // compiles src/ to dist/ once when it is stale (child processes run the build, as users do)
    globalSetup: ["tests/support/build-once.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], isolate: false },
      },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
    ],
  },
});
