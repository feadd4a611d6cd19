import type { Browser } from 'wxt/browser';

// `background.evaluate` callbacks run in the extension's service worker, where `chrome` exists.
declare global {
  const chrome: Browser;
}
