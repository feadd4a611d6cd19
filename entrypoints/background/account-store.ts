import { storage } from 'wxt/utils/storage';
import { SIGNED_OUT, type AccountState } from '../../lib/github/auth/account';
import type { AccountStore } from '../../lib/github/auth/session';

/**
 * The account and its secrets, in the background's storage.local only (not sync: secrets must not
 * roam to other devices). Only the background imports this module, so no page or content script
 * bundle even contains the keys.
 */
const account = storage.defineItem<AccountState>('local:githubAccount', { fallback: SIGNED_OUT });

export const accountStore: AccountStore = {
  get: () => account.getValue(),
  set: (state) => account.setValue(state),
};

/** Not secrets, but settings only the background changes: the GitHub Enterprise origins, the device flow's client id per origin. */
const enterpriseOrigins = storage.defineItem<string[]>('local:enterpriseOrigins', { fallback: [] });
const deviceClientIds = storage.defineItem<Record<string, string>>('local:deviceClientIds', { fallback: {} });

export const settingsStore = {
  origins: () => enterpriseOrigins.getValue(),
  setOrigins: (origins: string[]) => enterpriseOrigins.setValue(origins),
  clientIds: () => deviceClientIds.getValue(),
  setClientId: async (origin: string, clientId: string) => deviceClientIds.setValue({ ...(await deviceClientIds.getValue()), [origin]: clientId }),
};

export type SettingsStore = typeof settingsStore;
