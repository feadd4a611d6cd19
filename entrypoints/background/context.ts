import type { TokenStore } from './token-store';

/** What the background's handlers work with. */
export interface BackgroundContext {
  tokens: TokenStore;
}
