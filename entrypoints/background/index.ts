import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleOverlayMessage, type OverlayServices } from './experiments';
import { handleMessage } from './handle-message';
import { rowsOfPage } from './rows';
import { tokenStore } from './token-store';

const overlay: OverlayServices = {
  signedIn: async () => (await tokenStore.get()) !== null,
  rows: rowsOfPage,
  openSignIn: () => browser.runtime.openOptionsPage(),
};

export default defineBackground(() => {
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener(
    (message, sender) => handleOverlayMessage(message, overlay) ?? handleMessage(message, sender, browser.runtime.getURL('/'), tokenStore),
  );
});
