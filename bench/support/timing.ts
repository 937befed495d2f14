/** The value at percentile `p` (0-100) of ascending `sorted` samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `work` up to `times` times one after another and returns each run's
 * duration in ms, ascending; stops early once `budgetMs` is spent (at least
 * `minimum` runs), so a slow case cannot make a benchmark run for hours.
 */
export async function timeRuns(times: number, work: () => unknown, budgetMs = Infinity, minimum = 20): Promise<number[]> {
  const durations: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < times && (i < minimum || performance.now() < deadline); i++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/** "1,234" in British English. */
export const formatCount = (n: number) => Math.round(n).toLocaleString('en-GB');
