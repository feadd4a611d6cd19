import type { RowsRequest, RowsResult } from '../../lib/experiments/types';
import type { OverlaySettingsStore } from './overlay-settings';
import type { TokenStore } from './token-store';

/** What the background's handlers work with. */
export interface BackgroundContext {
  tokens: TokenStore;
  /** The rows of one commit-list view (part 1's `rowsFor`, parts 2 and 3 added). */
  rows(request: RowsRequest): Promise<RowsResult>;
  /** The token's login when known, so a page can say it is not the account GitHub shows. */
  login?(): Promise<string | undefined>;
  openSignIn(): Promise<void>;
  settings: OverlaySettingsStore;
}
