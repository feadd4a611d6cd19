import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, stagedFiles } from './staged-files';

let n = 0;
const bytes = async (blob: Blob | undefined) => (blob ? [...new Uint8Array(await blob.arrayBuffer())] : undefined);

describe('stagedFiles', () => {
  it("keeps a run's blobs by path for another opener of the same database, until the run is dropped", async () => {
    const name = `staged-${n++}`;
    await stagedFiles({ name }).put('run-1', [
      { path: 'src/train.py', blob: new Blob([new Uint8Array([0, 255, 0xc3, 0x28])]) },
      { path: 'src/prepare.py', blob: new Blob(['x']) },
    ]);
    await stagedFiles({ name }).put('run-2', [{ path: 'src/train.py', blob: new Blob(['other']) }]);
    const background = stagedFiles({ name });
    expect(await bytes(await background.get('run-1', 'src/train.py'))).toEqual([0, 255, 0xc3, 0x28]);
    await background.drop('run-1');
    expect(await background.get('run-1', 'src/train.py')).toBeUndefined();
    expect(await background.get('run-1', 'src/prepare.py')).toBeUndefined();
    expect(await bytes(await background.get('run-2', 'src/train.py'))).toEqual([...new TextEncoder().encode('other')]);
  });

  it('a run staged again replaces its bytes; entries older than an hour go as stale, newer ones stay', async () => {
    let t = 0;
    const store = stagedFiles({ name: `staged-${n++}`, now: () => t });
    await store.put('old', [{ path: 'a', blob: new Blob(['1']) }]);
    await store.put('old', [{ path: 'a', blob: new Blob(['2']) }]);
    expect(await bytes(await store.get('old', 'a'))).toEqual([50]);
    t = 1000;
    await store.put('new', [{ path: 'a', blob: new Blob(['3']) }]);
    t = STALE_AFTER_MS + 999;
    await store.dropStale();
    expect(await store.get('old', 'a')).toBeUndefined();
    expect(await store.get('new', 'a')).toBeDefined();
  });
});
