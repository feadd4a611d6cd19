import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BackgroundContext } from './context';
import { handleMessage } from './handle-message';
import { overlaySettings } from './overlay-settings';
import { rowsSource } from './rows';
import { tokenStore } from './token-store';

const context: BackgroundContext = {
  tokens: tokenStore,
  rows: rowsSource(tokenStore),
  openSignIn: () => browser.runtime.openOptionsPage(),
  settings: overlaySettings,
};

export default defineBackground(() => {
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), context));
});
