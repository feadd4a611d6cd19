import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlHandler } from './graphql/handler';
import { gitPageSource } from './pages/git-source';
import { pagesHandler } from './pages/handler';
import { seedRepository } from './seed/repository';
import type { SeedResult } from './seed/snapshots';
import { startServer, type FakeServer, type Handler } from './server';
import { Store } from './store';

export interface SeedSpec {
  owner: string;
  name: string;
  /** A folder of commit snapshots (see seed/snapshots.ts). */
  folder: string;
  defaultBranch?: string;
}

export interface FakeGitHub {
  url: string;
  server: FakeServer;
  store: Store;
  /** Where the bare repositories live (`<root>/<owner>/<name>.git`). */
  root: string;
  seeds: Map<string, SeedResult>;
  close(): Promise<void>;
}

/**
 * The whole fake: a store, bare repositories seeded from snapshot folders, and one server
 * answering GraphQL (api site) and the commit-list pages (web site) from them. Extra handlers
 * (REST, control API, faults) go first so they can override.
 */
export async function startFakeGitHub(options: { port?: number; root?: string; seeds?: SeedSpec[]; handlers?: Handler[]; store?: Store } = {}): Promise<FakeGitHub> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'fake-github-')));
  const store = options.store ?? new Store();
  const seeds = new Map<string, SeedResult>();
  let server: FakeServer;
  try {
    for (const spec of options.seeds ?? []) {
      const { seed } = await seedRepository(store, { ...spec, root });
      seeds.set(`${spec.owner}/${spec.name}`, seed);
    }
    server = await startServer({ port: options.port, handlers: [...(options.handlers ?? []), graphqlHandler(store), pagesHandler(gitPageSource(store))] });
  } catch (error) {
    store.close();
    if (!options.root) await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    server,
    store,
    root,
    seeds,
    async close() {
      await server.close();
      store.close();
      if (!options.root) await rm(root, { recursive: true, force: true });
    },
  };
}
