import type { GitHubClient } from '../../lib/github/client';
import type { Clock } from '../../lib/github/clock';
import type { Fetch } from '../../lib/github/auth/oauth';
import type { AccountStore, Session } from '../../lib/github/auth/session';
import type { DeviceCodeView } from '../../lib/messages';
import type { SettingsStore } from './account-store';
import type { EnterpriseHosts } from './enterprise-hosts';
import type { RunLedger } from '../../lib/experiments/write/run-ledger';
import type { StagedFiles } from '../../lib/experiments/write/staged-files';
import type { CommitProgressMessage } from '../../lib/messages';
import type { GitHubSession } from './github-session';
import type { OverlaySettingsStore } from './overlay-settings';
import type { RemoteSettings } from './remote-settings';

/** The background's state and reach, shared by the handlers and the device flow. */
export interface BackgroundDeps {
  accounts: AccountStore;
  settings: SettingsStore;
  session: Session;
  hosts: EnterpriseHosts;
  /** The client for an origin's API with a token: the one being checked at sign-in. */
  clientFor(origin: string, token: string): GitHubClient;
  /** GitHub as the signed-in account: every handler that reads GitHub goes through here. */
  github: GitHubSession;
  fetch: Fetch;
  clock: Clock;
  /** Each repository's overlay settings (storage.local). */
  overlaySettings: OverlaySettingsStore;
  /** Opens Commit Lab's sign-in page (the options page). */
  openSignIn(): Promise<void>;
  /** DVC remote credentials and refused remote hosts (storage.local). */
  remote: RemoteSettings;
  /** The branches commit runs created, so a run's retry recognises its own. */
  runLedger: RunLedger;
  /** The bytes of git-kept files the Run form staged for a run (the extension origin's IndexedDB). */
  staged: StagedFiles;
  /** Sends a message to the extension's own pages (a commit run's progress); content scripts never get it. */
  notifyPages(message: CommitProgressMessage): void;
}

/** The device flow run by the background: `start` asks GitHub for a code and polls; `wait` resolves when that ends. */
export interface DeviceSignIn {
  start(origin: string, clientId: string): Promise<DeviceCodeView>;
  wait(): Promise<void>;
}

/** What the background's handlers work with. */
export type BackgroundContext = BackgroundDeps & { device: DeviceSignIn };
