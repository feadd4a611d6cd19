import { browser } from 'wxt/browser';
import type { Cache } from '../../lib/cache';
import type { ObjectCache, RemoteReader } from '../../lib/experiments/remote-reader';
import type { RunLedger } from '../../lib/experiments/write/run-ledger';
import { stagedFiles, type StagedFiles } from '../../lib/experiments/write/staged-files';
import { fetchWithTimeout } from '../../lib/github/write/timeout-fetch';
import type { CommitProgressMessage } from '../../lib/messages';
import { createGitHubClient, type ClientOptions } from '../../lib/github/client';
import type { Clock } from '../../lib/github/clock';
import { endpointsOf } from '../../lib/github/host';
import type { Fetch } from '../../lib/github/auth/oauth';
import { Session, type AccountStore } from '../../lib/github/auth/session';
import type { SettingsStore } from './account-store';
import type { BackgroundContext, BackgroundDeps } from './context';
import { deviceSignIn } from './device-sign-in';
import { enterpriseHosts, type HostApi } from './enterprise-hosts';
import { githubSession } from './github-session';
import { overlaySettings, type OverlaySettingsStore } from './overlay-settings';
import { remoteSettings, type RemoteSettings } from './remote-settings';
import { sessionRunLedger } from './run-ledger-store';

/** A write whose answer takes longer is settled by reading back; GitHub itself ends requests after 10 s. */
const WRITE_TIMEOUT_MS = 30_000;

/** The background's wiring, shared by the service worker and the tests (which pass the fake GitHub's fetch, a manual clock, fake browser APIs). */
export function createBackground(options: {
  accounts: AccountStore;
  settings: SettingsStore;
  hostApi: HostApi;
  fetch: Fetch;
  clock: Clock;
  client?: Omit<ClientOptions, 'host' | 'token'>;
  /** The experiments cache; IndexedDB's, opened when first needed, by default. */
  cache?: Cache;
  /** Opens Commit Lab's sign-in page: the browser's options page by default. */
  openSignIn?: () => Promise<void>;
  /** The overlay's per-repository settings: storage.local's by default. */
  overlaySettings?: OverlaySettingsStore;
  /** DVC remote credentials and refused hosts: storage.local's by default. */
  remote?: RemoteSettings;
  /** A page view's reader of DVC remotes; absent: metrics kept in a remote stay unread. */
  remoteReader?: (cache: ObjectCache) => RemoteReader;
  /** The branches commit runs created: storage.session's by default. */
  runLedger?: RunLedger;
  /** The Run form's staged bytes of git-kept files: IndexedDB's by default. */
  staged?: StagedFiles;
  /** Tells the extension's pages a commit run's progress: runtime.sendMessage by default. */
  notifyPages?: (message: CommitProgressMessage) => void;
}): BackgroundContext {
  const { accounts, settings, fetch, clock } = options;
  const session = new Session({ store: accounts, fetch, clock });
  const client = (origin: string, token: string, extra: Partial<ClientOptions> = {}) =>
    createGitHubClient({ sleep: (ms) => clock.sleep(ms), now: () => clock.now(), ...options.client, ...extra, host: endpointsOf(origin).api, token });
  const clientFor = (origin: string, token: string) => client(origin, token);
  const writeFetch = fetchWithTimeout(options.client?.fetch ?? ((input, init) => globalThis.fetch(input, init)), WRITE_TIMEOUT_MS);
  const writerFor = (origin: string, token: string) => client(origin, token, { fetch: writeFetch });
  const deps: BackgroundDeps = {
    accounts,
    settings,
    session,
    hosts: enterpriseHosts(options.hostApi, settings),
    clientFor,
    github: githubSession(session, clientFor, {
      ...(options.cache ? { cache: options.cache } : {}),
      ...(options.remoteReader ? { remoteReader: options.remoteReader } : {}),
      writerFor,
    }),
    fetch,
    clock,
    overlaySettings: options.overlaySettings ?? overlaySettings,
    openSignIn: options.openSignIn ?? (() => browser.runtime.openOptionsPage()),
    remote: options.remote ?? remoteSettings,
    runLedger: options.runLedger ?? sessionRunLedger,
    staged: options.staged ?? stagedFiles(),
    // No page listening (the Run form closed) is not an error.
    notifyPages: options.notifyPages ?? ((message) => void browser.runtime.sendMessage(message).catch(() => {})),
  };
  return { ...deps, device: deviceSignIn(deps) };
}
