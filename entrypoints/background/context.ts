import type { GitHubSession } from './github-session';
import type { OverlaySettingsStore } from './overlay-settings';
import type { TokenStore } from './token-store';

/** What the background's handlers work with. */
export interface BackgroundContext {
  tokens: TokenStore;
  github: GitHubSession;
  /** Opens Commit Lab's sign-in page (the options page). */
  openSignIn(): Promise<void>;
  settings: OverlaySettingsStore;
}
