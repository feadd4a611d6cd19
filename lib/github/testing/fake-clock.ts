import type { ManualClock } from '../../../tests/fake-github/clock';
import type { Clock } from '../clock';

/**
 * Our clock on the fake GitHub's manual clock: every sleep is recorded and moves the fake's time
 * instead of waiting. `during(ms, n)` runs inside the n-th sleep (1-based), e.g. to approve a code
 * while the client waits, and may return how far time really moved (a timer that fired early).
 */
export function sleepingOn(fake: ManualClock, during?: (ms: number, n: number) => number | void): { clock: Clock; sleeps: number[] } {
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => fake.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
      fake.advance(during?.(ms, sleeps.length) ?? ms);
    },
  };
  return { clock, sleeps };
}
