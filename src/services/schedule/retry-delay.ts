/** Exponential backoff: `base` after the first failure, doubled per failure, at most `max`. */
export function retryDelay(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}
