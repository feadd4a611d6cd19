import { storage } from 'wxt/utils/storage';

/**
 * The GitHub token, in the background's storage.local only (not sync: it must not roam to other
 * devices). This module is imported by the background alone, so no page or content script
 * bundle even contains the key.
 */
const token = storage.defineItem<string | null>('local:githubToken', { fallback: null });

export const tokenStore = {
  get: () => token.getValue(),
  set: (value: string) => token.setValue(value),
  clear: () => token.removeValue(),
};

export type TokenStore = typeof tokenStore;
