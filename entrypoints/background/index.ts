import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GITHUB_COM } from '../../lib/github/host';
import type { BackgroundContext } from './context';
import { handleMessage } from './handle-message';
import { sessionRunLedger } from './run-ledger-store';
import { tokenStore } from './token-store';

const context: BackgroundContext = {
  tokens: tokenStore,
  githubHost: GITHUB_COM,
  runLedger: sessionRunLedger,
  // No page listening (the Run form closed) is not an error.
  notifyPages: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
};

export default defineBackground(() => {
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), context));
});
