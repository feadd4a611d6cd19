import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { githubSession } from './github-session';
import { handleMessage } from './handle-message';
import { pageRemoteReader } from './remote-reads';
import { remoteSettings } from './remote-settings';
import { tokenStore } from './token-store';

export default defineBackground(() => {
  const context = { tokens: tokenStore, github: githubSession(tokenStore, { remoteReader: pageRemoteReader }), remote: remoteSettings };
  // Registered synchronously: an MV3 service worker woken by a message must find its listener.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, browser.runtime.getURL('/'), context));
});
