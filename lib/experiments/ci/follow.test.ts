import type { CiStatus } from './ci-status';
import { followActive } from './follow';

const running: CiStatus = { state: 'running', checks: [{ name: 'train', state: 'running', url: null }], partial: false };

describe('followActive: pacing', () => {
  it('waits for the rate limit’s reset when the points left fall under the reserve', async () => {
    const waits: number[] = [];
    let calls = 0;
    await followActive(new Map([['a', { ci: running }]]), {
      refresh: async () => {
        calls++;
        const ci: CiStatus = calls < 3 ? running : { ...running, state: 'succeeded', checks: [{ name: 'train', state: 'succeeded', url: null }] };
        return { items: new Map([['a', { ci }]]), rateLimit: { remaining: calls === 1 ? 100 : 4000, resetAt: new Date(1_000_000 + 1_800_000).toISOString() } };
      },
      onUpdate: () => {},
      sleep: async (ms) => void waits.push(ms),
      now: () => 1_000_000,
      signal: new AbortController().signal,
    });
    // The first answer left 100 points (under the 500 kept for page views): wait the 30 minutes to the reset.
    expect(waits).toEqual([15_000, 1_800_000, 60_000]);
  });

  it('does nothing for a page whose CI is finished', async () => {
    const waits: number[] = [];
    await followActive(
      new Map([
        ['a', { ci: { ...running, state: 'failed', checks: [{ name: 't', state: 'failed', url: null }] } }],
        ['b', {}],
      ]),
      {
        refresh: async () => ({ items: new Map() }),
        onUpdate: () => {},
        sleep: async (ms) => void waits.push(ms),
        now: () => 0,
        signal: new AbortController().signal,
      },
    );
    expect(waits).toEqual([]);
  });
});
