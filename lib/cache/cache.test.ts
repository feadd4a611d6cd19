import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbCache } from './cache';
import { SingleFlight } from './single-flight';

let n = 0;
const fresh = (options: Parameters<typeof idbCache>[0] = {}) => idbCache({ name: `cache-test-${n++}`, ...options });

describe('idbCache', () => {
  it('keeps values across cache objects on the same database', async () => {
    const a = fresh();
    await a.put('k', { text: 'hello', n: [1, 2] });
    const b = idbCache({ name: `cache-test-${n - 1}` });
    expect(await b.get('k')).toEqual({ text: 'hello', n: [1, 2] });
    expect(await b.getMany(['k', 'missing'])).toEqual([{ text: 'hello', n: [1, 2] }, undefined]);
  });

  it('evicts the least recently used first once over the cap', async () => {
    let t = 1000;
    const value = 'x'.repeat(100); // 102 bytes as JSON, +1 for the key
    const cache = fresh({ maxBytes: 350, now: () => t++ });
    await cache.put('a', value);
    await cache.put('b', value);
    await cache.put('c', value);
    expect(await cache.get('a')).toBe(value); // a is now the most recently used
    await cache.put('d', value); // 4 × 103 > 350: the oldest use (b) goes
    expect(await cache.getMany(['a', 'b', 'c', 'd'])).toEqual([value, undefined, value, value]);
    expect(await cache.size()).toBe(309);
  });

  it('counts bytes (remote objects) by their length, and gives them back as bytes', async () => {
    const cache = fresh();
    const bytes = new Uint8Array(1000).fill(7);
    await cache.put('dvc-object:x', bytes);
    expect(await cache.size()).toBe(1000 + 'dvc-object:x'.length);
    expect(await cache.get('dvc-object:x')).toEqual(bytes);
  });

  it('forgets expired entries', async () => {
    let t = 0;
    const cache = fresh({ now: () => t });
    await cache.put('memo', true, { expiresAt: 86_400_000 });
    t = 86_399_999;
    expect(await cache.get('memo')).toBe(true);
    t = 86_400_000;
    expect(await cache.get('memo')).toBeUndefined();
  });

  it('replacing or deleting an entry keeps the size right', async () => {
    const cache = fresh();
    await cache.put('k', 'ab');
    await cache.put('k', 'abcd');
    expect(await cache.size()).toBe(7);
    await cache.delete('k');
    expect(await cache.size()).toBe(0);
  });
});

describe('SingleFlight', () => {
  it('shares one pending call per key and forgets failures', async () => {
    const flights = new SingleFlight<number>();
    let calls = 0;
    let release!: (v: number) => void;
    const start = () => (calls++, new Promise<number>((r) => (release = r)));
    const both = Promise.all([flights.run('k', start), flights.run('k', start)]);
    release(7);
    expect(await both).toEqual([7, 7]);
    expect(calls).toBe(1);
    await expect(flights.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await flights.run('k', async () => 8)).toBe(8);
  });
});
