import { accountStore, settingsStore } from '../account-store';
import { createBackground } from '../create-background';
import { fakeHostApi } from './fake-host-api';

type Options = Parameters<typeof createBackground>[0];

/**
 * The background as the service worker wires it, on storage.local's own stores (wxt's fake
 * browser in tests), the global fetch and a clock that never waits; `overrides` replace any option.
 */
export function testBackground(overrides: Partial<Options> = {}) {
  return createBackground({
    accounts: accountStore,
    settings: settingsStore,
    hostApi: fakeHostApi({}).api,
    fetch,
    clock: { now: () => Date.now(), sleep: async () => {} },
    ...overrides,
  });
}

/** Signed in on `origin` with a classic token as the default user, as options leave it once the token was checked. */
export function signInWith(origin: string, accessToken: string) {
  return accountStore.set({
    status: 'signed-in',
    account: { origin, login: 'octocat', avatarUrl: '', kind: 'classic', accessToken, lacks: [], repoLacks: {} },
  });
}
