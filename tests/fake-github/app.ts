import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceFlow, type DeviceApp } from './auth/device-flow';
import { UserTokens } from './auth/user-tokens';
import type { Clock, Waits } from './clock';
import { httpRemotes } from './dvc/http-remote';
import type { DvcRemoteStore } from './dvc/remote-store';
import { graphqlHandler } from './graphql/handler';
import { createRestApi } from './rest/index';
import type { TokenRegistry } from './tokens';
import { gitPageSource } from './pages/git-source';
import { pagesHandler } from './pages/handler';
import { importGitRepository, seedRepository, type GitSpec } from './seed/repository';
import type { SeedResult } from './seed/snapshots';
import { s3Endpoint, type S3Options } from './s3/endpoint';
import { startServer, type FakeServer, type Handler } from './server';
import { Store } from './store';
import { FakeCi, type CiOptions } from './ci/runner';

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
  /** `store.tokens`: token kinds (classic, fine-grained, expired, SSO…); unregistered tokens are the default user's. */
  tokens: TokenRegistry;
  /** The device flow on the web site; tests approve or deny codes here (or at /_fake/device/…). */
  deviceFlow: DeviceFlow;
  /** Expiring App user tokens the device flow minted into `tokens`. */
  userTokens: UserTokens;
  /** Where the bare repositories live (`<root>/<owner>/<name>.git`). */
  root: string;
  seeds: Map<string, SeedResult>;
  /** The CI (GitHub Actions running the Commit Lab workflow), when started with `ci`; see ci/README.md. */
  ci: FakeCi | null;
  close(): Promise<void>;
}

/**
 * The whole fake: a store, bare repositories seeded from snapshot folders, and one server
 * answering REST and GraphQL (api site), the commit-list pages and the device flow (web site),
 * plus any DVC remotes. Faults and the control API live in the server itself; extra handlers go
 * first (after the expired-token check) so they can override.
 */
export interface FakeGitHubOptions {
  port?: number;
  root?: string;
  seeds?: SeedSpec[];
  /** Existing git repositories (bare or not) served as they are: every branch and tag, HEAD's branch the default. */
  gitRepos?: GitSpec[];
  handlers?: Handler[];
  store?: Store;
  clock?: Clock;
  /** The waits the fake asks clients for (retry-after, device-flow interval…); GitHub's by default. */
  waits?: Partial<Waits>;
  /** GitHub Apps whose client ids may use the device flow. */
  deviceApps?: DeviceApp[];
  /** DVC HTTP remotes, served at `/_dvc/<name>/`. */
  dvcRemotes?: Record<string, DvcRemoteStore>;
  /** An S3-compatible endpoint at `/_s3/` for `endpointurl` remotes. */
  s3?: Omit<S3Options, 'clock'>;
  /** Run CI on pushes and new pull requests (`true` = defaults: instant, results by `cml pr`). Starts after seeding. */
  ci?: CiOptions | boolean;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'fake-github-')));
  const store = options.store ?? new Store();
  const seeds = new Map<string, SeedResult>();
  let server: FakeServer;
  let userTokens: UserTokens;
  let deviceFlow: DeviceFlow;
  let ci: FakeCi | null;
  try {
    for (const spec of options.seeds ?? []) {
      const { seed } = await seedRepository(store, { ...spec, root });
      seeds.set(`${spec.owner}/${spec.name}`, seed);
    }
    for (const spec of options.gitRepos ?? []) await importGitRepository(store, { ...spec, root });
    server = await startServer({ port: options.port, clock: options.clock, waits: options.waits });
    const clock = server.clock;
    // One clock for the whole fake: rate-limit resets move with a test's manual clock too.
    store.clock = clock;
    userTokens = new UserTokens(clock, store.tokens);
    deviceFlow = new DeviceFlow({ clock, waits: server.waits, tokens: userTokens, apps: options.deviceApps ?? [] });
    const handlers: Handler[] = [
      // Expired user tokens answer 401 before any API route sees them.
      userTokens.handler,
      ...(options.handlers ?? []),
      deviceFlow.handler,
      ...(options.dvcRemotes ? [httpRemotes(options.dvcRemotes)] : []),
      ...(options.s3 ? [s3Endpoint({ ...options.s3, clock })] : []),
      createRestApi({ store }),
      graphqlHandler(store),
      pagesHandler(gitPageSource(store)),
    ];
    handlers.forEach((handler) => server.use(handler));
    ci = options.ci ? new FakeCi(store, options.ci === true ? {} : options.ci) : null;
  } catch (error) {
    store.close();
    if (!options.root) await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    server,
    store,
    tokens: store.tokens,
    deviceFlow,
    userTokens,
    root,
    seeds,
    ci,
    async close() {
      ci?.close();
      await server.close();
      store.close();
      if (!options.root) await rm(root, { recursive: true, force: true });
    },
  };
}
