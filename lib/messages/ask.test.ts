import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ask } from './ask';

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;

/**
 * Chrome's own messaging, as a content script without webextension-polyfill sees it: listeners
 * answer through `sendResponse` (after returning true), `sendMessage` returns a promise of the answer.
 */
function chromeRuntime() {
  const listeners: Listener[] = [];
  return {
    id: 'commit-lab-test',
    lastError: undefined,
    onMessage: { addListener: (l: Listener) => void listeners.push(l), removeListener: () => undefined, hasListener: () => true },
    sendMessage: (message: unknown) =>
      new Promise((resolve) => {
        for (const listener of listeners) if (listener(message, {}, resolve) === true) return;
        resolve(undefined);
      }),
  };
}

describe('ask from a content script (no polyfill) to a background that runs webextension-polyfill', () => {
  let handler: (message: unknown) => Promise<unknown> = async () => undefined;
  let sendMessage: (message: unknown) => Promise<unknown>;
  // The background's listener, registered through the real polyfill over `runtime` (the polyfill
  // wraps `chrome` once, when loaded); the content script's `browser` is `runtime` itself.
  beforeAll(async () => {
    const runtime = chromeRuntime();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime });
    const { default: polyfilled } = await import('webextension-polyfill');
    polyfilled.runtime.onMessage.addListener((message: unknown) => handler(message));
    vi.unstubAllGlobals();
    sendMessage = runtime.sendMessage;
  });
  beforeEach(() => void vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((message: unknown) => sendMessage(message) as Promise<never>));

  it('resolves with the handler’s reply', async () => {
    handler = async (message) => ({ ok: true, echo: message });
    await expect(ask({ type: 'token-status' })).resolves.toEqual({ ok: true, echo: { type: 'token-status' } });
  });

  it('rejects with the error the handler threw, as the polyfill would on the asking side', async () => {
    handler = async () => {
      throw new Error('experiments is only accepted from the extension’s own pages');
    };
    await expect(ask({ type: 'token-status' })).rejects.toThrow(new Error('experiments is only accepted from the extension’s own pages'));
  });
});
