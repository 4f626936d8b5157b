/**
 * faketime's variables (LD_PRELOAD and FAKETIME*), when the suite runs under `faketime`: a child process
 * started with a minimal environment gets them too, so it reads the same moved clock as the test that signs
 * its requests (Bolt refuses a request signed more than 5 minutes before its own now). Empty otherwise.
 */
export function clockEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name === "LD_PRELOAD" || name.startsWith("FAKETIME")),
  );
}
