import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { GitRepo, type Person } from '../git/repo';
import { graphqlHandler } from '../graphql/handler';
import { withContract, type ContractLog } from '../openapi/checked';
import { startServer, type FakeServer } from '../server';
import { Store, type Repository } from '../store';
import type { TokenRegistry } from '../tokens';
import { createRestApi } from '../rest/index';

/**
 * A small world for the REST tests, every value chosen by hand:
 * - `octocat/demo` (public): main = c1 → c2 → c3, branch `exp/lr` = c3 → c4.
 *   params.yaml holds `lr: 0.1 / 0.2 / 0.3 / 0.4`; c2 adds data/big.bin (1.5 MiB of "a")
 *   and models/.gitkeep.
 * - `acme/private` (private, owner org acme, octocat a collaborator with write): main = one commit.
 * The REST handler is wrapped in the OpenAPI contract check; `contract` collects what it saw.
 * The GraphQL handler answers /api/graphql with the same store and tokens.
 */
export interface World {
  server: FakeServer;
  store: Store;
  tokens: TokenRegistry;
  contract: ContractLog;
  demo: Repository;
  secret: Repository;
  commits: { c1: string; c2: string; c3: string; c4: string; p1: string };
  base: string;
  octokit(token?: string): Octokit;
  fetch(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  close(): Promise<void>;
}

export const BIG_FILE_SIZE = 1536 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

export async function startWorld(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-github-rest-'));
  const store = new Store('octocat');
  const { tokens } = store;
  const me: Person = { name: 'The Octocat', email: store.defaultUser.email, date: '2024-01-01T00:00:00Z' };
  const at = (date: string): Person => ({ ...me, date });

  const git = await GitRepo.init(join(dir, 'octocat', 'demo.git'));
  const params = (lr: string) => ({ path: 'params.yaml', contents: text(`train:\n  lr: ${lr}\n`) });
  const c1 = await git.commitChanges({
    parent: null,
    changes: { additions: [params('0.1'), { path: 'README.md', contents: text('# demo\n') }], deletions: [] },
    message: 'Initial commit\n',
    author: at('2024-01-01T00:00:00Z'),
    committer: at('2024-01-01T00:00:00Z'),
  });
  const c2 = await git.commitChanges({
    parent: c1,
    changes: {
      additions: [params('0.2'), { path: 'data/big.bin', contents: new Uint8Array(BIG_FILE_SIZE).fill(0x61) }, { path: 'models/.gitkeep', contents: text('') }],
      deletions: [],
    },
    message: 'Try lr 0.2\n',
    author: at('2024-01-02T00:00:00Z'),
    committer: at('2024-01-02T00:00:00Z'),
  });
  const c3 = await git.commitChanges({
    parent: c2,
    changes: { additions: [params('0.3')], deletions: [] },
    message: 'Try lr 0.3\n',
    author: at('2024-01-03T00:00:00Z'),
    committer: at('2024-01-03T00:00:00Z'),
  });
  const c4 = await git.commitChanges({
    parent: c3,
    changes: { additions: [params('0.4')], deletions: [] },
    message: 'Try lr 0.4\n',
    author: at('2024-01-04T00:00:00Z'),
    committer: at('2024-01-04T00:00:00Z'),
  });
  await git.updateRef('refs/heads/main', c3, null);
  await git.updateRef('refs/heads/exp/lr', c4, null);
  const demo = store.addRepository({ owner: 'octocat', name: 'demo', git });

  const privateGit = await GitRepo.init(join(dir, 'acme', 'private.git'));
  const p1 = await privateGit.commitChanges({
    parent: null,
    changes: { additions: [params('1')], deletions: [] },
    message: 'Secret\n',
    author: me,
    committer: me,
  });
  await privateGit.updateRef('refs/heads/main', p1, null);
  const secret = store.addRepository({ owner: 'acme', name: 'private', git: privateGit, isPrivate: true });
  secret.collaborators.set('octocat', 'write');

  const { handler, log } = withContract(createRestApi({ store }));
  const server = await startServer({ handlers: [handler, graphqlHandler(store)] });
  const base = `${server.url}/api/v3`;
  return {
    server,
    store,
    tokens,
    contract: log,
    demo,
    secret,
    commits: { c1, c2, c3, c4, p1 },
    base,
    octokit: (token = 'any-token') => new Octokit({ baseUrl: base, auth: token }),
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      return fetch(`${base}${path}`, { ...init, headers });
    },
    close: async () => {
      await server.close();
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
