import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BackgroundContext } from './context';
import { githubSession } from './github-session';
import { handleMessage } from './handle-message';
import { sessionRunLedger } from './run-ledger-store';
import { tokenStore } from './token-store';

export default defineBackground(() => {
  const context: BackgroundContext = {
    tokens: tokenStore,
    github: githubSession(tokenStore),
    runLedger: sessionRunLedger,
    // No page listening (the Run form closed) is not an error.
    notifyPages: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
  };
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), context));
});
