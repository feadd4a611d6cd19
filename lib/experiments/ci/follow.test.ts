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

describe('followActive: a commit just made whose CI has said nothing yet', () => {
  const state = (s: CiStatus['state']): CiStatus => ({ state: s, checks: s === 'none' ? [] : [{ name: 'train', state: s, url: null }], partial: false });
  const follow = (answers: CiStatus[], awaiting: string[]) => {
    const waits: number[] = [];
    const seen: (string | undefined)[] = [];
    // The first read: the row says CI `none`, as the background answers a commit with no check run or status.
    const done = followActive(new Map([['new', { ci: state('none') }]]), {
      refresh: async () => {
        const ci = answers.shift()!;
        return { items: new Map([['new', { ci }]]) };
      },
      onUpdate: (items) => void seen.push(items.get('new')?.ci?.state),
      sleep: async (ms) => void waits.push(ms),
      now: () => 0,
      signal: new AbortController().signal,
      awaiting,
    });
    return done.then(() => ({ waits, seen }));
  };

  it('is asked again, backing off, until a status appears, then followed to its end', async () => {
    const { waits, seen } = await follow([state('none'), state('none'), state('queued'), state('running'), state('succeeded')], ['new']);
    expect(seen).toEqual(['none', 'none', 'queued', 'running', 'succeeded']);
    // Nothing changed three times (doubling), then each change starts the waits short again.
    expect(waits).toEqual([15_000, 30_000, 60_000, 15_000, 15_000]);
  });

  it('stops once the wait for a status is over, when CI never starts', async () => {
    const { waits } = await follow(
      Array.from({ length: 20 }, () => state('none')),
      ['new'],
    );
    // 15 + 30 + 60 + 120 s is under the five minutes waited for; after the next 240 s it is over.
    expect(waits).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
  });

  it('is not followed when not just made: a commit without CI stays as it is', async () => {
    const { waits } = await follow([state('queued')], []);
    expect(waits).toEqual([]);
  });
});
