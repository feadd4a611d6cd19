import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { systemClock } from '../../lib/github/clock';
import { accountStore, settingsStore } from './account-store';
import { createBackground } from './create-background';
import { handleMessage } from './handle-message';
import { pageRemoteReader } from './remote-reads';

export default defineBackground(() => {
  const background = createBackground({
    accounts: accountStore,
    settings: settingsStore,
    hostApi: browser,
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    remoteReader: pageRemoteReader,
  });
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), background));
  void background.hosts.restore().catch((error: unknown) => console.warn('[Commit Lab] GitHub Enterprise hosts not restored:', error));
});
