import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createGitHubClient } from '../../lib/github/client';
import { systemClock } from '../../lib/github/clock';
import { GITHUB_ORIGIN, endpointsOf } from '../../lib/github/hosts';
import { Session } from '../../lib/github/session';
import { accountStore, settingsStore } from './account-store';
import type { BackgroundDeps } from './background-deps';
import { deviceSignIn } from './device-sign-in';
import { enterpriseHosts } from './enterprise-hosts';
import { handleMessage } from './handle-message';

export default defineBackground(() => {
  const fetchFn = (input: string, init: RequestInit) => fetch(input, init);
  const deps: BackgroundDeps = {
    accounts: accountStore,
    settings: settingsStore,
    session: new Session({ store: accountStore, fetch: fetchFn, clock: systemClock }),
    hosts: enterpriseHosts(browser as never, settingsStore),
    clientFor: (origin, token) => createGitHubClient({ host: endpointsOf(origin).api, token }),
    fetch: fetchFn,
    clock: systemClock,
  };
  const handlers = { ...deps, device: deviceSignIn(deps) };
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), handlers));
  void deps.hosts.restore().catch((error: unknown) => console.warn('[Commit Lab] GitHub Enterprise hosts not restored:', error));
  void GITHUB_ORIGIN;
});
