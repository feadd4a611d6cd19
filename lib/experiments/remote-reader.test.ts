import { describe, expect, it } from 'vitest';
import { md5Of, type RemoteObject } from '../dvc';
import { RemoteError, type RemoteAccess } from '../remote';
import { createRemoteReader, objectCacheKey } from './remote-reader';
import { bytes, memoryCache } from './testing/remote-test-world';

const CONFIG = `[core]\n    remote = storage\n['remote "storage"']\n    url = https://remote.example.org/dvc\n`;
const objects = Array.from({ length: 20 }, (_, i) => bytes(`object ${i}\n`));
const byUrl = new Map(objects.map((o) => [`https://remote.example.org/dvc/files/md5/${md5Of(o, '3').slice(0, 2)}/${md5Of(o, '3').slice(2)}`, o]));

/** A remote answering after the test lets it, counting requests and the most in flight at once. */
function slowRemote() {
  const state = { requests: [] as string[], inFlight: 0, most: 0, release: [] as (() => void)[] };
  const fetch = async (target: RemoteObject) => {
    state.requests.push(target.url);
    state.most = Math.max(state.most, ++state.inFlight);
    await new Promise<void>((resolve) => state.release.push(resolve));
    state.inFlight--;
    return byUrl.get(target.url)!;
  };
  /** Lets every waiting request answer, round after round, until `reads` settle. */
  const drain = async <T>(reads: Promise<T>): Promise<T> => {
    let settled = false;
    const done = reads.finally(() => (settled = true));
    while (!settled) {
      state.release.splice(0).forEach((r) => r());
      await new Promise((r) => setTimeout(r, 0));
    }
    return done;
  };
  return { state, fetch, drain };
}

const granted = async (): Promise<RemoteAccess> => 'granted';

describe('one page view’s remote reads', () => {
  it('reads each distinct md5 once, at most 6 at a time', async () => {
    const remote = slowRemote();
    const reader = createRemoteReader({ fetch: remote.fetch, cache: memoryCache(), access: granted });
    // Forty rows asking for twenty objects, each twice.
    const all = await remote.drain(Promise.all([...objects, ...objects].map((o) => reader.object(CONFIG, md5Of(o, '3'), '3'))));
    expect(all).toEqual([...objects, ...objects]);
    expect(remote.state.requests).toHaveLength(20);
    expect(new Set(remote.state.requests).size).toBe(20);
    expect(remote.state.most).toBe(6);
    expect(reader.reads).toBe(20);
  });

  it('never reads an object the cache holds (by md5, across page views)', async () => {
    const cache = memoryCache();
    const first = slowRemote();
    const one = createRemoteReader({ fetch: first.fetch, cache, access: granted });
    await first.drain(one.object(CONFIG, md5Of(objects[0]!, '3'), '3'));
    expect([...cache.entries.keys()]).toEqual([objectCacheKey(md5Of(objects[0]!, '3'), '3')]);
    const second = slowRemote();
    const two = createRemoteReader({ fetch: second.fetch, cache, access: granted });
    expect(await two.object(CONFIG, md5Of(objects[0]!, '3'), '3')).toEqual(objects[0]);
    expect(second.state.requests).toEqual([]);
    expect(two.reads).toBe(0);
  });

  it('asks for nothing from a host not granted, and says which origin to allow', async () => {
    for (const access of ['ask', 'denied'] as const) {
      const remote = slowRemote();
      const reader = createRemoteReader({ fetch: remote.fetch, cache: memoryCache(), access: async () => access });
      const error = await reader.object(CONFIG, md5Of(objects[0]!, '3'), '3').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteError);
      expect((error as RemoteError).failure).toEqual({
        kind: 'permission',
        host: 'remote.example.org',
        origin: 'https://remote.example.org/*',
        denied: access === 'denied',
      });
      expect(remote.state.requests).toEqual([]);
    }
  });
});
