import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from './handle-message';
import { GITHUB_COM } from '../../lib/github/host';
import type { CommitProgressMessage } from '../../lib/messages/commit-progress';
import { sessionRunLedger } from './run-ledger-store';
import { tokenStore } from './token-store';
import type { BackgroundContext } from './context';

/** Progress goes to the extension's pages; with none open to listen, sendMessage rejects, which is no failure. */
const notifyPages = (message: CommitProgressMessage) => void browser.runtime.sendMessage(message).catch(() => {});

export default defineBackground(() => {
  const context: BackgroundContext = { tokens: tokenStore, githubHost: GITHUB_COM, runLedger: sessionRunLedger, notifyPages };
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), context));
});
