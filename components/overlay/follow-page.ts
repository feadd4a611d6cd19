import { followActive } from '../../lib/experiments/ci/follow';
import type { ExperimentRow } from '../../lib/experiments/types';
import type { ExperimentsReply } from '../../lib/messages';

export function sleepUnless(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
}

/**
 * Rows whose CI is queued or running are asked for again while the page view lasts (the same
 * request: the background answers SHA data from its cache and revalidates CI, comments and
 * results in one request), with backoff, so a status turns green without a reload. Commits just
 * made (`awaiting`) are followed while their CI says nothing yet too, for a while. A failed
 * refresh ends the following; the cells keep what they show.
 */
export function followPage(
  rows: ExperimentRow[],
  ask: () => Promise<ExperimentsReply>,
  onRows: (rows: ExperimentRow[]) => void,
  signal: AbortSignal,
  awaiting: Iterable<string> = [],
): void {
  let latest: ExperimentsReply | undefined;
  void followActive(new Map(rows.map((r) => [r.sha, r])), {
    refresh: async () => {
      latest = await ask();
      if (!latest.ok || !latest.result.dvc) throw new Error('refresh failed');
      return { items: new Map(latest.result.rows.map((r) => [r.sha, r])) };
    },
    onUpdate: () => latest?.ok && latest.result.dvc && !signal.aborted && onRows(latest.result.rows),
    sleep: sleepUnless(signal),
    now: () => Date.now(),
    signal,
    awaiting,
  }).catch(() => undefined);
}
