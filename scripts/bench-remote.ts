import 'fake-indexeddb/auto';
import { idbCache } from '../lib/cache';
import { READER_VERSION } from '../lib/dvc';
import { createRemoteReader } from '../lib/experiments/remote-reader';
import { experimentsContext, rowsFor } from '../lib/experiments/rows';
import { createGitHubClient } from '../lib/github/client';
import { enterpriseHost } from '../lib/github/host';
import { fetchObject } from '../lib/remote';
import type { FakeGitHub } from '../tests/fake-github/app';
import type { DvcRemoteStore } from '../tests/fake-github/dvc/remote-store';
import { seedRemoteMetrics } from '../tests/fake-github/seed/remote-metrics';
import type { BenchRow } from './bench-experiments';

/**
 * example-get-started's commit list (main's eval/metrics.json only in the DVC remote), read by the
 * background's own code in Node: remote reads counted apart from GitHub's API requests, cold and
 * warm. In Node, not in the release build: that build may not read the fake's 127.0.0.1 remote
 * without the user's click.
 */
export async function benchRemote(fake: FakeGitHub, remote: DvcRemoteStore): Promise<BenchRow[]> {
  const { main } = await seedRemoteMetrics(fake, remote);
  const git = fake.store.repository('acme', 'egs')!.git;
  const shas = await git.log({ from: main });
  const cache = idbCache({ name: 'bench-remote' });
  const client = createGitHubClient({ host: enterpriseHost(fake.url), token: 'ghp_benchRemote0123456789' });
  const reader = () => createRemoteReader({ fetch: (target) => fetchObject(target, { fetch, credentials: [] }), cache, access: async () => 'granted' });
  const view = async () => {
    const before = fake.server.log.length;
    const result = await rowsFor(experimentsContext(client, cache, READER_VERSION, reader), {
      repo: { owner: 'acme', name: 'egs' },
      list: { ref: 'main' },
      shas,
    });
    const log = fake.server.log.slice(before);
    return {
      api: log.filter((r) => r.site === 'api').length,
      remote: log.filter((r) => r.path.startsWith('/_dvc/')).length,
      counted: result.dvc ? result.fetched.remoteReads : NaN,
    };
  };
  const cold = await view();
  const warm = await view();
  return [
    {
      what: `remote metrics, example-get-started (${shas.length} commits), cold: DVC remote reads / GitHub API requests`,
      value: cold.remote,
      unit: 'reads',
      against: cold.api,
    },
    {
      what: '  the same, warm (objects cached by md5; a missing one is asked again): DVC remote reads / GitHub API requests',
      value: warm.remote,
      unit: 'reads',
      against: warm.api,
    },
  ];
}
