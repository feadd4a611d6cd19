/** At most this many remote reads in flight per page view (the budget). */
export const MAX_REMOTE_READS = 6;

/** Runs the tasks given to it with at most `concurrency` of them started and not yet settled. */
export function createLimit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
