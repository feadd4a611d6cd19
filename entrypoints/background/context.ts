import type { GitHubSession } from './github-session';
import type { RemoteSettings } from './remote-settings';
import type { TokenStore } from './token-store';

/** What the background's handlers work with. */
export interface BackgroundContext {
  tokens: TokenStore;
  github: GitHubSession;
  /** DVC remote credentials and refused remote hosts (storage.local). */
  remote: RemoteSettings;
}
